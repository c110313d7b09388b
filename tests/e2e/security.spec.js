// Locked down: no request leaves the origin, a strict Content-Security-Policy blocks every
// inline script but trunk's loader (whose hash the build writes into it), and links carrying
// script in any parameter are shown as text or a field error and run nothing. Oversized
// links are refused with a notice, and the page still works.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { test, expect } = require('@playwright/test');
const { DIST, waitForWorker, watchForTrouble } = require('./served');
const { Aid, FULL_SCENARIO } = require('./aid');

/** Every URL key of the form, read from the engine's field list (`Field::key`). */
const KEYS = (() => {
  const source = fs.readFileSync(path.join(__dirname, '..', '..', 'engine', 'src', 'fields.rs'), 'utf8');
  const body = source.split('pub fn key(self)')[1].split('pub fn')[0];
  return [...body.matchAll(/Field::\w+ => "([^"]+)"/g)].map((m) => m[1]);
})();

/** Opens `query` (or the page) and waits for the form, which the wasm renders. */
async function open(page, query = '') {
  await page.goto(query ? `/?${query}` : '/');
  await expect(page.getByRole('form', { name: 'Patient scenario' })).toBeVisible();
  // The app draws the page a step per task (src/steps.rs); the saved list comes last.
  await expect(page.locator('#scenarios')).toBeAttached();
}

test('a whole session sends nothing to another origin, breaks no policy and logs no error', async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL).origin;
  const trouble = await watchForTrouble(page);
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const aid = new Aid(page);

  await open(page);
  await waitForWorker(page);
  await aid.enter({
    'Age (years)': 45,
    'Weight (kg)': 70,
    'Height (cm)': 175,
    'Disease setting': { choose: 'Second or later relapse' },
    'Marrow blasts (%)': '70',
    CD19: { choose: 'Positive' },
    CD22: { choose: 'Positive' },
    Liver: { choose: 'Prior VOD/SOS' },
  });
  await expect(aid.card('blinatumomab')).toHaveAttribute('data-status', /.+/);
  // Unfold what the page folds: sources, the decision path, the reference lists.
  await aid.card('blinatumomab').locator('details.citation > summary').filter({ visible: true }).first().click();
  await aid.openDecisionPath();
  // The pages beside the app: how it works (with the label changes) and the evidence.
  await expect(page).toHaveURL(/[?&]liver=vod(&|$)/);
  const back = page.url();
  await page.locator('[data-nav="label-changes"]').click();
  await expect(page.locator('#label-changes')).toBeVisible();
  await page.locator('[data-nav="evidence"]').first().click();
  await expect(page.locator('[data-trial]').first()).toBeVisible();
  await expect(page.locator('[data-chart]').first()).toBeVisible();
  await page.goto(back);
  await expect(aid.card('blinatumomab')).toHaveAttribute('data-status', /.+/);
  await page.locator('[data-switch-region]').click();
  await expect(aid.field('Labels of')).toHaveValue('eu');
  // The print summary uses the style sheets already loaded.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.print-inputs')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Clear all' }).click();
  await expect(aid.field('Age (years)')).toHaveValue('');
  // Sharing is the link: opening it in another tab reproduces the case.
  await open(page, FULL_SCENARIO);
  const other = await context.newPage();
  const otherTrouble = await watchForTrouble(other);
  await other.goto(page.url());
  await expect(other.locator('[data-conflict]')).toBeVisible();

  // Saved scenarios, export, import and comparison: all in the browser.
  for (const name of ['Session A', 'Session B']) {
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Save this scenario' }).click();
    await expect(page.locator(`[data-saved="${name}"]`)).toBeVisible();
  }
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export all (file)' }).click(),
  ]);
  await page.locator('[data-import]').setInputFiles(await download.path());
  await page.locator('[data-import-confirm]').click();
  await expect(page.locator('[data-saved]')).toHaveCount(4);
  await page.getByRole('checkbox', { name: 'Select “Session A” to compare' }).check();
  await page.getByRole('checkbox', { name: 'Select “Session B” to compare' }).check();
  await page.locator('[data-compare-selected]').click();
  await expect(page.locator('[data-compare]')).toBeVisible();
  // The teaching cases, and one opened in the aid.
  await page.locator('[data-nav="teaching"]').click();
  await page.locator('[data-open-case]').first().click();
  await expect(page.getByRole('form', { name: 'Patient scenario' })).toBeVisible();

  expect(requests.length).toBeGreaterThan(5);
  const elsewhere = requests.filter((url) => new URL(url).origin !== origin);
  expect(elsewhere, 'requests to another origin').toEqual([]);
  expect([...trouble, ...otherTrouble]).toEqual([]);
});

test('the policy is strict, carries the loader hash, and blocks injected script and style', async ({ page, request }) => {
  const trouble = await watchForTrouble(page);
  await open(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = Object.fromEntries(
    policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]),
  );
  expect(directives['default-src']).toEqual(["'self'"]);
  expect(directives['connect-src']).toEqual(["'self'"]);
  expect(directives['form-action']).toEqual(["'none'"]);
  expect(directives['base-uri']).toEqual(["'none'"]);
  expect(directives['object-src']).toEqual(["'none'"]);
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain("'unsafe-eval'");
  // Styles: the site's, and the page's own inline style sheets by their hashes (no
  // 'unsafe-inline', so no style attribute); no img-src of its own, so no data: image.
  const page0 = (await (await request.get('/')).text());
  const sheets = [...page0.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  expect(directives['style-src']).toEqual(["'self'", ...sheets.map((css) => `'sha256-${crypto.createHash('sha256').update(css).digest('base64')}'`)]);
  expect(directives['img-src']).toBeUndefined();
  // script-src: the site, WebAssembly compilation, and the hash of the one inline script.
  const html = (await (await request.get('/')).text());
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  expect(inline).toHaveLength(1);
  const hash = crypto.createHash('sha256').update(inline[0]).digest('base64');
  expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'", `'sha256-${hash}'`]);
  expect(trouble).toEqual([]);

  // Injected markup would be blocked, and the listener sees it: the checks above can fail.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__pwned = 1';
    document.body.append(s);
    document.body.setAttribute('style', 'outline: 5px solid red');
  });
  await expect.poll(() => trouble.filter((t) => t.startsWith('CSP violation')).length).toBe(2);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});

test('links to label documents are plain external links that open apart from the page', async ({ page }) => {
  await open(page, FULL_SCENARIO);
  // A citation's document link is built when the citation is opened: open every one.
  const citations = page.locator('details.citation');
  const count = await citations.count();
  expect(count).toBeGreaterThan(0);
  await citations.evaluateAll((els) => els.forEach((d) => { d.open = true; }));
  await expect(page.locator('details.citation .citation-body')).toHaveCount(count);
  const links = page.locator('a[href^="http"]');
  expect(await links.count()).toBeGreaterThan(0);
  for (const a of await links.all()) {
    const rel = ((await a.getAttribute('rel')) || '').split(/\s+/);
    expect(rel).toEqual(expect.arrayContaining(['external', 'noopener', 'noreferrer']));
    expect(await a.getAttribute('target')).toBe('_blank');
    expect(await a.getAttribute('href')).toMatch(/^https:\/\//);
  }
});

const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  'javascript:window.__pwned=1',
  '" onerror="window.__pwned=1',
  "'><img src=x onerror=window.__pwned=1>",
  '<svg onload=window.__pwned=1><a href="javascript:window.__pwned=1">x</a>',
];

for (const payload of PAYLOADS) {
  test(`a link with ${JSON.stringify(payload)} in every parameter shows it as text and runs nothing`, async ({ page }) => {
    expect(KEYS.length).toBeGreaterThan(30);
    const trouble = await watchForTrouble(page);
    const dialogs = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss();
    });
    const params = new URLSearchParams({ v: '2' });
    for (const key of KEYS) params.append(key, payload);
    params.append(payload, payload);
    await open(page, params.toString());
    // The form's fields are exactly the engine's keys.
    const names = await page.locator('form [name]').evaluateAll((els) => els.map((e) => e.getAttribute('name')));
    expect(names.sort()).toEqual([...KEYS].sort());
    // Text fields keep the text as typed; choices and numbers name their field's problem.
    await expect(page.locator('input[name="age"]')).toHaveValue(payload);
    await expect(page.locator('[data-field="age"]')).toBeVisible();
    await expect(page.locator('[data-field="set"]')).toBeVisible();
    // The unknown key is listed with its value, as text.
    await expect(page.locator('.link-issues')).toContainText(`${payload}=${payload}`);
    await expect(page.getByText(payload, { exact: false }).first()).toBeVisible();

    const injected = await page.evaluate(() => ({
      pwned: window.__pwned,
      handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
      images: document.querySelectorAll('img, svg[onload], iframe, object, embed').length,
      scripts: [...document.scripts].filter((s) => !s.src).length,
      scriptLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href'))).length,
    }));
    expect(injected).toEqual({ pwned: undefined, handlers: 0, images: 0, scripts: 1, scriptLinks: 0 });
    expect(dialogs).toEqual([]);
    expect(trouble).toEqual([]);
  });
}

test('very long values in every parameter are shown, not run, and the page stays responsive', async ({ page }) => {
  const trouble = await watchForTrouble(page);
  const unit = '<img src=x onerror=window.__pwned=1>';
  const params = new URLSearchParams({ v: '2' });
  // As long as a link may be: just under the 8 KB limit once encoded.
  const per = Math.floor((8 * 1024 - 200) / KEYS.length);
  for (const key of KEYS) {
    let value = unit.repeat(20);
    while (new URLSearchParams({ [key]: value }).toString().length > per) value = value.slice(0, -1);
    params.append(key, value);
  }
  expect(params.toString().length).toBeLessThanOrEqual(8 * 1024);
  const started = Date.now();
  await open(page, params.toString());
  await expect(page.locator('[data-field="age"]')).toBeVisible();
  expect(Date.now() - started).toBeLessThan(10_000);
  await expect(page.locator('.link-issues')).toHaveCount(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.evaluate(() => document.querySelectorAll('img, [onerror]').length)).toBe(0);
  expect(trouble).toEqual([]);
});

test('an oversized link is refused with a notice and the page still works', async ({ page }) => {
  const trouble = await watchForTrouble(page);
  // A megabyte of query string: more than some servers accept, so the page itself is
  // served for it here, as a service worker or a lenient server would.
  const index = fs.readFileSync(path.join(DIST, 'index.html'));
  await page.route((url) => url.pathname === '/' && url.search.length > 8 * 1024, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: index }),
  );
  for (const length of [8 * 1024 + 1, 1024 * 1024]) {
    const query = `v=2&age=34&foo=${'x'.repeat(length)}`.slice(0, length);
    const started = Date.now();
    await open(page, query);
    const notice = page.locator('.link-issues');
    await expect(notice).toContainText('too long to be a scenario of this page');
    await expect(notice).toContainText(`${length} characters`);
    // Nothing else of it was read, so the notice does not say the rest was.
    await expect(notice).not.toContainText('Everything else');
    expect(Date.now() - started, `a ${length}-character link`).toBeLessThan(10_000);
    // Nothing of it was read, and the page works: the form is empty and computes.
    await expect(page.locator('input[name="age"]')).toHaveValue('');
    await page.locator('input[name="age"]').fill('34');
    await page.getByLabel('Disease setting', { exact: true }).selectOption({ label: 'Second or later relapse' });
    await page.getByLabel('CD19', { exact: true }).selectOption({ label: 'Negative' });
    await expect(page.locator('[data-therapy="blinatumomab"]')).toHaveAttribute('data-status', 'not-eligible');
    await expect(page).toHaveURL(/[?&]cd19=neg(&|$)/);
    expect(new URL(page.url()).search.length).toBeLessThan(200);
  }
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(trouble).toEqual([]);
});

/** Checks that nothing injected ran or became markup. */
async function nothingRan(page) {
  const injected = await page.evaluate(() => ({
    pwned: window.__pwned,
    handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
    scriptLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href'))).length,
    inlineScripts: [...document.scripts].filter((s) => !s.src).length,
  }));
  expect(injected).toEqual({ pwned: undefined, handlers: 0, scriptLinks: 0, inlineScripts: 1 });
}

test('stored scenarios carrying script in names and values are shown as text and run nothing', async ({ page }) => {
  const trouble = await watchForTrouble(page);
  await open(page);
  await page.evaluate((payloads) => {
    localStorage.setItem('ball-aid.scenarios', JSON.stringify({
      format: 'ball-aid/scenarios',
      version: 1,
      scenarios: payloads.map((p, i) => ({ name: `${p} ${i}`, saved: '', inputs: { age: p.slice(0, 32), set: 'r2' } })),
    }));
  }, PAYLOADS);
  await page.reload();
  await expect(page.getByRole('form', { name: 'Patient scenario' })).toBeVisible();
  for (const [i, payload] of PAYLOADS.entries()) {
    await expect(page.locator('.saved-name').nth(i)).toHaveText(`${payload} ${i}`);
  }
  // Opening one puts the text in the form as text, with its field's message.
  await page.locator('[data-saved]').first().getByRole('button', { name: 'Open' }).click();
  await expect(page.locator('input[name="age"]')).toHaveValue(PAYLOADS[0].slice(0, 32));
  await nothingRan(page);
  expect(trouble).toEqual([]);
});

test('an imported file carrying script is shown as text in its report and runs nothing', async ({ page }, info) => {
  const trouble = await watchForTrouble(page);
  await open(page);
  const file = info.outputPath('hostile.json');
  fs.writeFileSync(file, JSON.stringify({
    format: 'ball-aid/scenarios',
    version: 1,
    scenarios: PAYLOADS.map((p, i) => ({ name: `${p} ${i}`, saved: '', inputs: { age: p.slice(0, 32) } })),
    [PAYLOADS[0]]: PAYLOADS[1],
  }));
  await page.locator('[data-import]').setInputFiles(file);
  const report = page.locator('[data-import-problems]');
  await expect(report).toBeVisible();
  await expect(report).toContainText('Nothing was imported');
  await expect(report).toContainText(PAYLOADS[0]);
  await expect(page.locator('[data-saved]')).toHaveCount(0);
  // A 50 MB file is refused unread, at once.
  const big = info.outputPath('big.json');
  fs.writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 32));
  await page.locator('[data-import]').setInputFiles(big);
  await expect(report).toContainText('more than the 1000000 a scenario file may have');
  await nothingRan(page);
  expect(trouble).toEqual([]);
});
