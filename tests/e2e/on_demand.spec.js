// The saved list's code (storage, the file format, import, export), the comparison and the
// decision path's diagram are fetched the first time they are needed (xtask/src/split.rs):
// a first visit downloads none of them, the first save fetches the list and saves, opening
// the path fetches its diagram, a returning user gets the list at once, and a fetch that
// fails is said, with the page working on and the next try succeeding.
const { Aid, test, expect } = require('./aid');

const CASE = 'v=2&age=34&set=r2&bm=80&cd19=pos&cd22=pos';

/** The on-demand modules the page itself asked for (the worker's precaching is not counted). */
function watchChunks(page) {
  const fetched = [];
  page.on('request', (request) => {
    if (/-split-.*\.wasm$/.test(new URL(request.url()).pathname)) fetched.push(request.url());
  });
  return fetched;
}

test('a first visit fetches no on-demand code; the first save fetches the list, opening the path its diagram', async ({ aid, page }) => {
  const fetched = watchChunks(page);
  await aid.open(CASE);
  await expect(page.locator('[data-debulking]')).toHaveAttribute('data-debulking', 'required');
  await page.waitForLoadState('networkidle');
  expect(fetched).toEqual([]);

  await aid.fill('Name', 'Bed 4');
  await page.getByLabel('Name', { exact: true }).press('Enter');
  await expect(page.locator('[data-saved="Bed 4"]')).toBeVisible();
  await expect(page.locator('[data-storage-report]')).toContainText('Saved as “Bed 4”.');
  expect(fetched.some((url) => url.includes('saved'))).toBe(true);
  expect(fetched.some((url) => url.includes('comparison'))).toBe(false);
  expect(fetched.some((url) => url.includes('diagram'))).toBe(false);
  // Keyboard users stay where they were.
  await expect(page.locator('#save-name')).toBeFocused();
  await expect(page.locator('#scenarios')).toHaveCount(1);

  // Opening the decision path fetches its diagram.
  await aid.openDecisionPath();
  await expect(aid.decisionPath().locator('[data-path-node]')).toHaveCount(35);
  expect(fetched.some((url) => url.includes('diagram'))).toBe(true);

  // A returning user gets the list at start-up.
  await page.reload();
  await expect(page.locator('[data-saved="Bed 4"]')).toBeVisible();
});

test.describe('without the offline copy', () => {
  // The worker would answer from its copy, which no route sees.
  test.use({ serviceWorkers: 'block' });

  test('a fetch that fails is said; the form still answers, and the next try saves', async ({ page }) => {
    const aid = new Aid(page);
    await page.route(/-split-.*\.wasm$/, (route) => route.abort());
    await aid.open(CASE);
    await aid.fill('Name', 'Bed 5');
    await page.getByRole('button', { name: 'Save this scenario' }).click();
    await expect(page.locator('[data-storage-report]')).toContainText('could not be loaded');
    await expect(page.locator('[data-saved]')).toHaveCount(0);
    // The save not done gave its name back, for the next try.
    await expect(page.locator('#save-name')).toHaveValue('Bed 5');
    // The page did not stop: the answer still follows the form.
    await aid.choose('CD19', 'Negative');
    await aid.expectStatus('blinatumomab', 'not-eligible');

    await page.unroute(/-split-.*\.wasm$/);
    await page.getByRole('button', { name: 'Save this scenario' }).click();
    await expect(page.locator('[data-saved="Bed 5"]')).toBeVisible();
    // Only the failed fetches were logged, nothing else went wrong.
    expect(aid.errors.filter((e) => !/Failed to fetch|ERR_FAILED|TypeError/.test(e))).toEqual([]);
  });
});

test.describe('a returning user, without the offline copy', () => {
  test.use({ serviceWorkers: 'block' });

  test('a save made while the list arrives is kept, after what was stored', async ({ aid, page }) => {
    await aid.open(CASE);
    await aid.fill('Name', 'Bed 4');
    await page.getByLabel('Name', { exact: true }).press('Enter');
    await expect(page.locator('[data-saved="Bed 4"]')).toBeVisible();

    await page.route(/-split-.*\.wasm$/, async (route) => {
      await new Promise((done) => setTimeout(done, 1500));
      await route.continue();
    });
    await page.reload();
    await expect(page.locator('[data-storage-report]')).toContainText('Loading the saved list');
    await expect(page.locator('#scenarios')).toHaveAttribute('aria-busy', 'true');
    await aid.fill('Name', 'Early');
    await page.getByLabel('Name', { exact: true }).press('Enter');
    await expect(page.locator('[data-saved="Early"]')).toBeVisible();
    await expect(page.locator('[data-saved]')).toHaveCount(2);
    await expect(page.locator('[data-storage-report]')).toContainText('Saved as “Early”.');
  });

  test('a save queued while the list arrives keeps the scenario as it was, and the name typed next', async ({ aid, page }) => {
    await page.route(/-split-.*\.wasm$/, async (route) => {
      await new Promise((done) => setTimeout(done, 1500));
      await route.continue();
    });
    await aid.open(CASE);
    await aid.fill('Name', 'First');
    await page.getByRole('button', { name: 'Save this scenario' }).click();
    await expect(page.locator('#scenarios')).toHaveAttribute('aria-busy', 'true');
    // The name went with the save, as a save done at once takes it.
    await expect(page.locator('#save-name')).toHaveValue('');
    // The form changes while the save waits: the save keeps the scenario it was asked for.
    await aid.chooseRegion('eu');
    // The moment the list is drawn, before the queued save is done, a name is typed for the
    // next save: the queued save must not wipe it.
    await page.evaluate(() => {
      new MutationObserver((_, observer) => {
        const section = document.querySelector('#scenarios:not([aria-busy])');
        if (!section) return;
        observer.disconnect();
        const input = section.querySelector('#save-name');
        input.value = 'Second';
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }).observe(document.body, { childList: true, subtree: true });
    });
    await expect(page.locator('[data-storage-report]')).toContainText('Saved as “First”.');
    await expect(page.locator('[data-saved="First"] .saved-summary')).toContainText('US labels');
    await expect(page.locator('#save-name')).toHaveValue('Second');
    await page.getByRole('button', { name: 'Save this scenario' }).click();
    await expect(page.locator('[data-saved="Second"] .saved-summary')).toContainText('EU labels');
    await expect(page.locator('#save-name')).toHaveValue('');
  });

  test('when the list cannot be fetched it says the scenarios are still stored; Try again shows them and saves nothing', async ({ page }) => {
    const aid = new Aid(page);
    await aid.open(CASE);
    await page.getByRole('button', { name: 'Save this scenario' }).click();
    await expect(page.locator('[data-saved]')).toHaveCount(1);

    await page.route(/-split-.*\.wasm$/, (route) => route.abort());
    await page.reload();
    await expect(page.locator('[data-storage-report]')).toContainText('could not be loaded');
    await expect(page.locator('[data-storage-report]')).toContainText('still stored in this browser');
    await page.unroute(/-split-.*\.wasm$/);
    await page.getByRole('button', { name: 'Try again' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-saved]')).toHaveCount(1);
    // Focus was on "Try again", which the list does not have: it goes to the heading.
    await expect(page.locator('#scenarios-title')).toBeFocused();
  });
});

test('comparing brings the comparison into view with focus on it; going back, the answer', async ({ aid, page }) => {
  await aid.open(CASE);
  await page.getByRole('button', { name: 'Save this scenario' }).click();
  await expect(page.locator('[data-saved]')).toHaveCount(1);
  await aid.fill('Marrow blasts (%)', 10);
  await page.getByRole('button', { name: 'Save this scenario' }).click();
  await expect(page.locator('[data-saved]')).toHaveCount(2);
  for (const box of await page.locator('[data-saved] input[type=checkbox]').all()) await box.check();
  await page.getByRole('button', { name: /Compare selected/ }).click();
  await expect(page.locator('#compare-title')).toBeFocused();
  await expect(page.locator('#compare-title')).toBeInViewport();
  await page.getByRole('button', { name: 'Back to the scenario' }).click();
  await expect(page.locator('#results-title')).toBeFocused();
});
