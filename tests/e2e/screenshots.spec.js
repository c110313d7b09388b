// Screenshots for visual review, saved into tests/artifacts/ (gitignored): phone, tablet,
// desktop, projector, dark desktop and the print view (PNG and PDF). Each also checks that the
// page does not scroll sideways at that width, and the print view that it fits one A4 page.
const fs = require('fs');
const path = require('path');
const { test, expect, FULL_SCENARIO } = require('./aid');

const OUT = path.join(__dirname, '..', 'artifacts');
fs.mkdirSync(OUT, { recursive: true });

async function expectNoSidewaysScroll(page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, `page is ${scroll}px wide in a ${client}px viewport`).toBeLessThanOrEqual(client);
}

async function shoot(page, name) {
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
}

const VIEWS = [
  { name: 'phone-default', width: 390, height: 844, query: '' },
  { name: 'phone-filled', width: 390, height: 844, query: FULL_SCENARIO },
  { name: 'tablet-filled', width: 820, height: 1180, query: FULL_SCENARIO },
  { name: 'desktop-filled', width: 1440, height: 900, query: FULL_SCENARIO },
  { name: 'projector-filled', width: 1920, height: 1080, query: FULL_SCENARIO },
  { name: 'desktop-dark-filled', width: 1440, height: 900, query: FULL_SCENARIO, colorScheme: 'dark' },
  { name: 'phone-errors', width: 390, height: 844, query: 'age=34&set=r2&bm=150&foo=1' },
];

for (const view of VIEWS) {
  test(`screenshot: ${view.name} (${view.width}×${view.height})`, async ({ aid, page }) => {
    await page.setViewportSize({ width: view.width, height: view.height });
    if (view.colorScheme) await page.emulateMedia({ colorScheme: view.colorScheme });
    await aid.open(view.query);
    if (view.query === FULL_SCENARIO) {
      await expect(aid.conflict()).toBeVisible();
      await expect(aid.schedule()).toBeVisible();
    }
    await expectNoSidewaysScroll(page);
    await shoot(page, view.name);
  });
}

test('print view: A4 screenshot and PDF, one page', async ({ aid, page }) => {
  await page.setViewportSize({ width: 794, height: 1123 });
  await aid.open(FULL_SCENARIO);
  await expect(aid.conflict()).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  // The print view shows the inputs and hides the form and interactive parts.
  await expect(page.locator('.print-inputs')).toBeVisible();
  // Each input in the app's one wording: a number with its unit, a choice by its label.
  const printed = page.locator('.print-inputs');
  await expect(printed.locator('dt', { hasText: /^Marrow blasts$/ }).locator('+ dd')).toHaveText('70%');
  await expect(printed.locator('dt', { hasText: /^Age$/ }).locator('+ dd')).toHaveText('45 years');
  await expect(printed.locator('dt', { hasText: /^Disease setting$/ }).locator('+ dd')).toHaveText('Second or later relapse');
  await expect(page.getByRole('form', { name: 'Patient scenario' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print summary' })).toBeHidden();
  await expect(aid.schedule()).toBeHidden();
  await expect(aid.schedule('inotuzumab')).toBeHidden();
  // Interactive parts and long reference lists are left off the paper too (soft: the page count
  // below is still measured and reported).
  await expect.soft(page.locator('[data-switch-region]')).toBeHidden();
  await expect.soft(aid.labelChanges()).toBeHidden();
  await expect.soft(aid.documents()).toBeHidden();
  await shoot(page, 'print');
  const pdf = await page.pdf({ path: path.join(OUT, 'print.pdf'), format: 'A4', printBackground: true, preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  expect(pages, `the print summary takes ${pages} A4 pages`).toBe(1);
});
