// "What would change it": the engine's smallest single-input changes, applied by one click
// and undone by one more, each really changing what it says.
const { test, expect } = require('./aid');

// A 17-year-old in second relapse with 62% marrow blasts, LDH normal and no extramedullary
// disease: pre-phase is required, and the adult-only CAR-T products are not eligible.
const CASE = 'v=2&age=17&set=r2&bm=62&cd19=pos&cd22=pos&ldhs=norm&emd=no&pb=1000';

test('marrow blasts below 50%: pre-phase no longer required, then undone', async ({ aid, page }) => {
  await aid.open(CASE);
  await expect(page.locator('[data-debulking]')).toHaveAttribute('data-debulking', 'required');
  const suggestion = page.locator('[data-suggestion="bm"]').first();
  await expect(suggestion).toContainText('Marrow blasts 62% → 49%');
  await expect(suggestion).toContainText('pre-phase: required → not needed');
  await suggestion.getByRole('button').click();
  await expect(aid.field('Marrow blasts (%)')).toHaveValue('49');
  await expect(page.locator('[data-debulking]')).toHaveAttribute('data-debulking', 'not-needed');
  await page.locator('[data-undo]').click();
  await expect(aid.field('Marrow blasts (%)')).toHaveValue('62');
  await expect(page.locator('[data-debulking]')).toHaveAttribute('data-debulking', 'required');
  await expect(page.locator('[data-undo]')).toHaveCount(0);
});

test('age 18: brexucabtagene becomes an option', async ({ aid, page }) => {
  await aid.open(CASE);
  await aid.expectStatus('brexucabtagene', 'not-eligible');
  const suggestion = page.locator('[data-suggestion="age"]', { hasText: '17 years → 18 years' });
  await expect(suggestion).toContainText('Brexucabtagene autoleucel (CAR-T): not eligible → option');
  await suggestion.getByRole('button').click();
  await expect(aid.field('Age (years)')).toHaveValue('18');
  await expect(aid.card('brexucabtagene')).not.toHaveAttribute('data-status', 'not-eligible');
});

test('every suggestion shown changes what it says it changes', async ({ aid, page }) => {
  await aid.open(CASE);
  const count = await page.locator('[data-suggestion]').count();
  expect(count).toBeGreaterThan(2);
  for (let i = 0; i < count; i++) {
    const item = page.locator('[data-suggestion]').nth(i);
    const text = await item.innerText();
    const statusChanges = [...text.matchAll(/([A-Z][a-z]+(?: [a-z]+)?(?: \(CAR-T\))?): (preferred|option|use with caution|not eligible) → (preferred|option|use with caution|not eligible)/g)];
    const before = {};
    for (const [, name] of statusChanges) {
      before[name] = await page.locator('[data-therapy]', { has: page.getByRole('heading', { name, exact: true }) }).getAttribute('data-status');
    }
    await item.getByRole('button').click();
    for (const [, name, from, to] of statusChanges) {
      const slug = { preferred: 'preferred', option: 'option', 'use with caution': 'caution', 'not eligible': 'not-eligible' };
      expect(before[name], `${name} before "${text}"`).toBe(slug[from]);
      await expect(page.locator('[data-therapy]', { has: page.getByRole('heading', { name, exact: true }) }),
        `${name} after "${text}"`).toHaveAttribute('data-status', slug[to]);
    }
    await page.locator('[data-undo]').click();
  }
});

test('undo goes back step by step, naming values in the form\'s words', async ({ aid, page }) => {
  await aid.open(CASE);
  await page.locator('[data-suggestion="bm"]').first().getByRole('button').click();
  await expect(page.locator('[data-undo]')).toHaveText('Undo: Marrow blasts back to 62%');
  await page.locator('[data-suggestion="age"]', { hasText: '17 years → 18 years' }).getByRole('button').click();
  await expect(page.locator('[data-undo]')).toHaveText('Undo: Age back to 17 years');
  await page.locator('[data-undo]').click();
  await expect(aid.field('Age (years)')).toHaveValue('17');
  await expect(aid.field('Marrow blasts (%)')).toHaveValue('49');
  await page.locator('[data-undo]').click();
  await expect(aid.field('Marrow blasts (%)')).toHaveValue('62');
  await expect(page.locator('[data-undo]')).toHaveCount(0);
});

test('known history is not offered as a lever, and ages move by a year at most', async ({ aid, page }) => {
  await aid.open('v=2&age=38&set=mrd&crn=1&mrd=0.5&cd19=pos&cd22=pos&ph=neg&hsct=plan&phsct=no&pblin=no&pino=no&pcart=no');
  await expect(page.locator('.what-if')).toBeVisible();
  await expect(page.locator('[data-suggestion="set"]')).toHaveCount(0);
  await expect(page.locator('[data-suggestion="crn"]')).toHaveCount(0);
  await expect(page.locator('[data-suggestion="pblin"]')).toHaveCount(0);
  for (const text of await page.locator('[data-suggestion="age"]').allInnerTexts()) {
    const [, from, to] = text.match(/Age ([\d.]+) years → ([\d.]+) years/);
    expect(Math.abs(Number(to) - Number(from)), text).toBeLessThanOrEqual(1);
  }
});

test('by keyboard, every try leaves focus on its undo, and the last undo on the heading, never on a suggestion', async ({ aid, page }) => {
  await aid.open('v=2&age=34&wt=72&ht=178&set=r2&bm=62&cd19=pos&cd22p=85&ph=neg&hsct=plan&cns=no');
  const undo = page.locator('[data-undo]');
  // Two tries in a row: the second button is reused for another suggestion, yet focus moves.
  for (const key of ['cns', 'hsct']) {
    await page.locator(`[data-suggestion="${key}"] button`).first().focus();
    await page.keyboard.press('Enter');
    await expect(undo).toBeFocused();
  }
  await expect(undo).toContainText('Allogeneic HSCT back to');
  await page.keyboard.press('Enter');
  await expect(undo).toContainText('CNS status back to');
  await expect(undo).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(undo).toHaveCount(0);
  await expect(page.locator('#what-if-title')).toBeFocused();
  await expect(aid.field('CNS status')).toHaveValue('no');
  await expect(aid.field('Allogeneic HSCT')).toHaveValue('plan');
});

test('a step is not offered for undo once its field is changed by hand or the form is cleared', async ({ aid, page }) => {
  await aid.open(CASE);
  await page.locator('[data-suggestion="bm"] button').first().click();
  await expect(page.locator('[data-undo]')).toBeVisible();
  await aid.fill('Marrow blasts (%)', 30);
  await expect(page.locator('[data-undo]')).toHaveCount(0);
  await page.locator('[data-suggestion] button').first().click();
  await expect(page.locator('[data-undo]')).toBeVisible();
  await page.getByRole('button', { name: 'Clear all' }).click();
  await aid.fill('Age (years)', 60);
  await expect(page.locator('[data-undo]')).toHaveCount(0);
});

test('opening another scenario drops the undo: it would change a patient the step never saw', async ({ aid, page }) => {
  // Another patient: 40 years old, CD19 negative.
  await aid.open(CASE.replace('age=17', 'age=40').replace('cd19=pos', 'cd19=neg'));
  await aid.fill('Name', 'CD19 negative');
  await page.getByRole('button', { name: 'Save this scenario' }).click();
  await expect(page.locator('[data-saved="CD19 negative"]')).toBeVisible();
  await aid.fill('Age (years)', 17);
  await aid.choose('CD19', 'Positive');
  await page.locator('[data-suggestion="cd19"] button').first().click();
  await expect(page.locator('[data-undo]')).toContainText('CD19 back to');
  await page.locator('[data-saved="CD19 negative"] [data-row-do="open"]').click();
  await expect(aid.field('CD19')).toHaveValue('neg');
  await expect(page.locator('[data-undo]')).toHaveCount(0);
  // Changing another field by hand drops it too: undo restores only the scenario it made.
  await page.locator('[data-suggestion] button').first().click();
  await expect(page.locator('[data-undo]')).toBeVisible();
  await aid.fill('Age (years)', 50);
  await expect(page.locator('[data-undo]')).toHaveCount(0);
});

test('on a phone, suggestions resting on many rules wrap inside their card', async ({ aid, page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await aid.open('v=2&age=70&wt=90&ht=170&set=rhsct&bm=5&cd19=pos&cd22=pos&cns=hx&emd=yes&liver=vod&crcl=20&dial=yes&kmt2a=yes&treg=12&lines=4');
  await expect(page.locator('[data-suggestion]').first()).toBeVisible();
  const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(wide).toBe(false);
});
