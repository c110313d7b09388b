// Offline use and new releases. After one visit the service worker has this release's files,
// so the page opens and computes with no network and no site; a new release installs beside
// the old one and the page offers "A new version is available — Reload", switching only
// when the user chooses. Each test works on its own copy of the build (tests/e2e/served.js),
// so it can change or delete it.
const fs = require('fs');
const path = require('path');
const AxeBuilder = require('@axe-core/playwright').default;
const { test, expect } = require('@playwright/test');
const { copyOfBuild, sri, waitForWorker, openApp, watchForTrouble } = require('./served');

const SHOTS = path.join(__dirname, '..', 'artifacts');

const SHARED = 'v=2&age=34&wt=70&ht=172&set=r2&bm=62&cd19=pos&cd22=pos&hsct=plan';

test('after one visit the page opens, reads links and computes with no network and no site', async ({ page, context }) => {
  const trouble = await watchForTrouble(page);
  const site = copyOfBuild('offline');
  await openApp(page, site.url);
  await waitForWorker(page);

  await context.setOffline(true);
  // The site itself goes away too, so nothing below can come from the network.
  fs.rmSync(site.dir, { recursive: true, force: true });

  await page.reload();
  await expect(page.getByRole('form', { name: 'Patient scenario' })).toBeVisible();
  const blin = page.locator('[data-therapy="blinatumomab"]');
  await page.getByLabel('Age (years)', { exact: true }).fill('34');
  await page.getByLabel('Disease setting', { exact: true }).selectOption({ label: 'Second or later relapse' });
  await page.getByLabel('CD19', { exact: true }).selectOption({ label: 'Positive' });
  await expect(blin).toHaveAttribute('data-status', /.+/);
  const before = await blin.getAttribute('data-status');
  // CD19 negative excludes blinatumomab: the answer changes, computed here and now.
  await page.getByLabel('CD19', { exact: true }).selectOption({ label: 'Negative' });
  await expect(blin).toHaveAttribute('data-status', 'not-eligible');
  expect(before).not.toBe('not-eligible');
  await expect(page).toHaveURL(/[?&]cd19=neg(&|$)/);

  // A shared link (any query string) opens offline as the same cached page.
  await page.goto(`${site.url}?${SHARED}`);
  await expect(page.getByLabel('Marrow blasts (%)', { exact: true })).toHaveValue('62');
  await expect(page.locator('[data-debulking]')).toHaveAttribute('data-debulking', 'required');
  // The page by its file name too.
  await page.goto(`${site.url}index.html?${SHARED}&reg=eu`);
  await expect(page.getByLabel('Labels of', { exact: true })).toHaveValue('eu');
  await expect(page.getByLabel('Marrow blasts (%)', { exact: true })).toHaveValue('62');
  await expect(page.locator('[data-update]')).toHaveCount(0);
  expect(trouble).toEqual([]);
});

test('a new release offers a reload and the page switches only when the user chooses', async ({ page }) => {
  const trouble = await watchForTrouble(page);
  const site = copyOfBuild('update');
  await openApp(page, site.url);
  await waitForWorker(page);
  const oldTitle = await page.title();
  await expect(page.locator('[data-update]')).toHaveCount(0);

  // A new release: a changed page, hence a new worker (new hash, new version) beside it.
  const index = path.join(site.dir, 'index.html');
  const worker = path.join(site.dir, 'sw.js');
  const oldPage = fs.readFileSync(index);
  const newPage = Buffer.from(oldPage.toString().replace('</title>', ' (next release)</title>'));
  let sw = fs.readFileSync(worker, 'utf8');
  const version = sw.match(/const VERSION = "([0-9a-f]{16})"/)[1];
  sw = sw.replace(version, 'feedc0de12345678').replace(sri(oldPage), sri(newPage));
  expect(sw).toContain(sri(newPage));
  fs.writeFileSync(index, newPage);
  fs.writeFileSync(worker, sw);
  // Released later than the first visit: a server's Last-Modified counts whole seconds.
  const later = new Date(Date.now() + 5_000);
  fs.utimesSync(index, later, later);
  fs.utimesSync(worker, later, later);
  // The build writes precompressed copies of each release; this release has none.
  for (const f of ['index.html', 'sw.js']) for (const ext of ['.br', '.gz']) fs.rmSync(path.join(site.dir, f + ext), { force: true });

  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  const banner = page.locator('[data-update]');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveText('A new version is available — Reload');
  await expect(banner).toHaveAttribute('role', 'status');
  // For visual review (tests/artifacts/): the banner over the page, desktop and phone, in
  // light and dark, each scanned by axe (WCAG 2.1 A and AA).
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const [name, width, height, colorScheme] of [
    ['desktop', 1440, 900, 'light'],
    ['phone', 390, 844, 'light'],
    ['phone-dark', 390, 844, 'dark'],
  ]) {
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page })
      .include('[data-update]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    const box = await banner.boundingBox();
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    expect(box.y + box.height).toBeLessThanOrEqual(height);
    await page.screenshot({ path: path.join(SHOTS, `update-banner-${name}.png`) });
  }
  // Nothing changes by itself: the page is still the old release, also after a plain reload.
  expect(await page.title()).toBe(oldTitle);
  await page.reload();
  await expect(page.getByRole('form', { name: 'Patient scenario' })).toBeVisible();
  expect(await page.title()).toBe(oldTitle);
  await expect(banner).toBeVisible();

  await banner.getByRole('button', { name: 'Reload' }).click();
  await expect(page).toHaveTitle(`${oldTitle} (next release)`);
  await expect(page.getByRole('form', { name: 'Patient scenario' })).toBeVisible();
  await expect(page.locator('[data-update]')).toHaveCount(0);
  // Only the new release's cache is left for this folder.
  const caches = await page.evaluate(async () => {
    const scope = (await navigator.serviceWorker.getRegistration()).scope;
    return (await caches.keys()).filter((k) => k.includes(scope));
  });
  expect(caches).toHaveLength(1);
  expect(caches[0]).toContain('feedc0de12345678');
  expect(trouble).toEqual([]);
  fs.rmSync(site.dir, { recursive: true, force: true });
});

test('without service workers the page works as before and shows no offline parts', async ({ browser }) => {
  for (const options of [
    // Registration refused, as in some private modes.
    { serviceWorkers: 'block' },
    // No service workers at all, as in older browsers or plain http off localhost.
    { init: () => Object.defineProperty(Navigator.prototype, 'serviceWorker', { get: () => undefined }) },
  ]) {
    const context = await browser.newContext(options.serviceWorkers ? { serviceWorkers: options.serviceWorkers } : {});
    const page = await context.newPage();
    if (options.init) await page.addInitScript(options.init);
    const trouble = await watchForTrouble(page);
    const site = copyOfBuild('no-sw');
    await openApp(page, `${site.url}?${SHARED}`);
    await expect(page.locator('[data-debulking]')).toHaveAttribute('data-debulking', 'required');
    await page.getByLabel('CD19', { exact: true }).selectOption({ label: 'Negative' });
    await expect(page.locator('[data-therapy="blinatumomab"]')).toHaveAttribute('data-status', 'not-eligible');
    expect(await page.evaluate(() => navigator.serviceWorker && navigator.serviceWorker.controller)).toBeFalsy();
    await expect(page.locator('[data-update]')).toHaveCount(0);
    expect(trouble).toEqual([]);
    await context.close();
    fs.rmSync(site.dir, { recursive: true, force: true });
  }
});
