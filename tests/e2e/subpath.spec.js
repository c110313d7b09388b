// Any static host, any folder: the release build served below /tools/all-aid/ (with its
// precompressed copies, as nginx or Caddy would serve them) loads every view, keeps every
// request and link inside its folder, registers its worker for that folder only, and is
// installable as an app.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { test, expect, chromium } = require('@playwright/test');
const config = require('../../playwright.config');
const { ORIGIN, SUBPATH, openApp, waitForWorker, watchForTrouble } = require('./served');

const SHARED = 'v=2&age=34&wt=70&ht=172&set=r2&bm=62&cd19=pos&cd22=pos&hsct=plan';
const FOLDER = new URL(SUBPATH).pathname;

/** Every view of the aid, as a path and query below the folder. */
const VIEWS = [
  { name: 'main page', query: '' },
  { name: 'a shared link', query: `?${SHARED}` },
  { name: 'index.html with a link', query: `index.html?${SHARED}` },
];

for (const view of VIEWS) {
  test(`in a subfolder: ${view.name} loads, and every request stays in the folder`, async ({ page }) => {
    const trouble = await watchForTrouble(page);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await openApp(page, SUBPATH + view.query);
    await waitForWorker(page);
    if (view.query) {
      await expect(page.getByLabel('Marrow blasts (%)', { exact: true })).toHaveValue('62');
      await expect(page.locator('[data-debulking]')).toHaveAttribute('data-debulking', 'required');
    }
    // Editing rewrites the link in place, in the same folder.
    await page.getByLabel('Age (years)', { exact: true }).fill('41');
    await expect.poll(() => new URL(page.url()).searchParams.get('age')).toBe('41');
    expect(new URL(page.url()).pathname).toBe(new URL(SUBPATH + view.query).pathname);
    // The page's own links are fragments of this page or pages beside it, named relatively;
    // each of those pages loads from the folder too.
    const hrefs = await page.locator('a[href]:not([rel~="external"])').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const href of hrefs) expect(href, 'an internal link').toMatch(/^(#|[a-z-]+\.html(#|$))/);
    for (const href of new Set(hrefs.filter((h) => !h.startsWith('#')).map((h) => h.split('#')[0]))) {
      const response = await page.request.get(new URL(href, page.url()).href);
      expect(response.status(), `${href} in the folder`).toBe(200);
    }
    for (const url of requests) {
      expect(url.startsWith(ORIGIN + FOLDER), `${url} is inside ${FOLDER}`).toBe(true);
    }
    expect(trouble).toEqual([]);
  });
}

test('in a subfolder: the worker serves that folder only, and the files come precompressed', async ({ page }) => {
  const encodings = {};
  page.on('response', (r) => {
    encodings[new URL(r.url()).pathname.split('/').pop()] = r.headers()['content-encoding'] || 'none';
  });
  await openApp(page, SUBPATH);
  await waitForWorker(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
  expect(scope).toBe(SUBPATH);
  const wasm = Object.keys(encodings).find((f) => f.endsWith('.wasm'));
  expect(['br', 'gzip']).toContain(encodings[wasm]);
  expect(['br', 'gzip']).toContain(encodings['']);
});

test('in a subfolder: the manifest is valid and Chromium finds the app installable', async () => {
  // Chromium never offers to install from an incognito profile, which test contexts are:
  // this test runs in a real (temporary) profile.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'aid-profile-'));
  const context = await chromium.launchPersistentContext(profile, config.use.launchOptions);
  try {
    await installable(context.pages()[0] || (await context.newPage()));
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

async function installable(page) {
  await openApp(page, SUBPATH);
  await waitForWorker(page);
  const cdp = await page.context().newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  expect(manifest.url).toBe(`${SUBPATH}manifest.json`);
  expect(manifest.errors).toEqual([]);
  const parsed = manifest.parsed || JSON.parse(manifest.data);
  const json = JSON.parse(manifest.data);
  expect(json.display).toBe('standalone');
  expect(json.short_name.length).toBeLessThanOrEqual(12);
  // Relative start URL and scope: the app is wherever the folder is.
  expect(new URL(json.start_url, manifest.url).href).toBe(SUBPATH);
  expect(new URL(json.scope, manifest.url).href).toBe(SUBPATH);
  // The colours are the page's own (style/main.css: --accent and --bg).
  expect(json.theme_color).toBe('#1d4e89');
  expect(json.background_color).toBe('#f6f7f9');
  const icons = json.icons.map((i) => `${i.src} ${i.sizes} ${i.type} ${i.purpose || 'any'}`);
  expect(icons).toEqual([
    'favicon.svg any image/svg+xml any',
    'icon-192.png 192x192 image/png any',
    'icon-maskable-512.png 512x512 image/png maskable',
  ]);
  for (const icon of json.icons) {
    const response = await page.request.get(new URL(icon.src, manifest.url).href);
    expect(response.ok(), icon.src).toBe(true);
    if (icon.type === 'image/png') {
      // The PNG header's width and height are the size the manifest states.
      const png = await response.body();
      const [w, h] = icon.sizes.split('x').map(Number);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([w, h]);
    }
  }
  expect(parsed).toBeTruthy();
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors).toEqual([]);
}
