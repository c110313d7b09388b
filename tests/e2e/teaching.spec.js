// The teaching library: a page generated from the engine's cases at build time, reached from
// the aid's header; every case opens in the aid and shows the answer the page teaches.
const { test, expect } = require('./aid');

const THERAPIES = ['blinatumomab', 'inotuzumab', 'tisagenlecleucel', 'brexucabtagene', 'obecabtagene'];

test('the header leads to the teaching cases; every case opens in the aid with its expected answer', async ({ aid, page }) => {
  test.setTimeout(120_000);
  await aid.open();
  await page.locator('[data-nav="teaching"]').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Teaching cases');
  const cases = page.locator('[data-teaching-case]');
  const count = await cases.count();
  expect(count).toBeGreaterThanOrEqual(12);
  const all = await cases.evaluateAll((els) => els.map((e) => ({
    id: e.getAttribute('data-teaching-case'),
    href: e.querySelector('[data-open-case]').getAttribute('href'),
    expect: Object.fromEntries([...e.attributes].filter((a) => a.name.startsWith('data-expect-'))
      .map((a) => [a.name.slice('data-expect-'.length), a.value])),
  })));
  // Paper patients and archetypes both; each names at least one source.
  await expect(page.locator('[data-teaching-case^="s3-patient-"]')).toHaveCount(9);
  for (const c of all) {
    await page.goto(`/teaching.html#${c.id}`);
    await page.locator(`[data-teaching-case="${c.id}"] [data-open-case]`).click();
    await expect(page.getByRole('form', { name: 'Patient scenario' })).toBeVisible();
    for (const t of THERAPIES) {
      await expect(aid.card(t), `${c.id}: ${t}`).toHaveAttribute('data-status', c.expect[t]);
    }
    await expect(page.locator('[data-debulking]'), `${c.id}: pre-phase`).toHaveAttribute('data-debulking', c.expect.prephase);
  }
});
