// The first page: what a user sees on opening the aid, and that it runs cleanly.
const { test, expect } = require('@playwright/test');
const { Aid } = require('./aid');

test('shows the title, intended use and disclaimer without console errors', async ({ page }) => {
  const aid = new Aid(page);
  await aid.open();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('decision aid');
  await expect(page.getByText('does not replace clinical judgement')).toBeVisible();
  await expect(page.getByText(/The aid sends nothing anywhere.*use no patient identifiers/)).toBeVisible();
  await expect(page.getByText(/Evidence checked \d{4}-\d{2}-\d{2}/)).toBeVisible();
  await aid.expectNoErrors();
});

test('the header is static: it shows before, and without, the WebAssembly', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('decision aid');
  await expect(page.getByText('does not replace clinical judgement')).toBeVisible();
  await expect(page.getByText(/Evidence checked \d{4}-\d{2}-\d{2}/)).toBeVisible();
  // The app, which renders the form, never started.
  await expect(page.getByRole('form', { name: 'Patient scenario' })).toHaveCount(0);
});

test('a full scenario renders with no console error or panic', async ({ page }) => {
  const aid = new Aid(page);
  await aid.open('v=2&reg=eu&age=45&wt=70&ht=175&set=r2&bm=70&pb=20000&ldhs=high&emd=bulk&cns=active&cd19=pos&cd22=pos&ph=pos&tkis=2&t315i=yes&hsct=plan&phsct=yes&lines=3&pblin=noresp&pino=no&pcart=resp&kmt2a=yes&treg=15&crcl=25&crclu=min&dial=no&liver=vod');
  await expect(aid.card('blinatumomab')).toBeVisible();
  await aid.expectNoErrors();
});

test('the header links to the evidence and "how this works" pages; the page has no evidence footer', async ({ page }) => {
  const aid = new Aid(page);
  await aid.open();
  await expect(page.locator('header [data-nav="evidence"]')).toHaveAttribute('href', 'evidence.html');
  await expect(page.locator('header [data-nav="how"]')).toHaveAttribute('href', 'how.html');
  await expect(page.locator('footer.evidence, [data-trials], details[data-documents]')).toHaveCount(0);
  await aid.expectNoErrors();
});
