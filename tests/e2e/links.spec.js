// The link is the scenario: opening a link reproduces the form and the result; editing a field
// rewrites the query in place once the typing pauses (no history entry, no scroll jump); a link's unusable keys and
// values are reported, never silently dropped, and the rest of the link is still applied.
const { test, expect } = require('./aid');

const SHARED = 'v=2&age=34&wt=70&ht=172&set=r2&bm=62&cd19=pos&cd22=pos&hsct=plan';

test('opening a link reproduces the scenario in the form and the result', async ({ aid, page }) => {
  await aid.open(SHARED);
  await expect(aid.field('Age (years)')).toHaveValue('34');
  await expect(aid.field('Weight (kg)')).toHaveValue('70');
  await expect(aid.field('Height (cm)')).toHaveValue('172');
  await expect(aid.field('Disease setting')).toHaveValue('r2');
  await expect(aid.field('Disease setting').locator('option:checked')).toHaveText('Second or later relapse');
  await expect(aid.field('Marrow blasts (%)')).toHaveValue('62');
  await expect(aid.field('CD19').locator('option:checked')).toHaveText('Positive');
  await expect(aid.field('CD22').locator('option:checked')).toHaveText('Positive');
  await expect(aid.field('Allogeneic HSCT').locator('option:checked')).toHaveText('Planned after response');
  await expect(aid.field('CNS status').locator('option:checked')).toHaveText('Unknown');
  // A link without a region reads the US labels, and says so.
  await expect(aid.field('Labels of').locator('option:checked')).toHaveText('US (FDA)');
  await expect(aid.regionLine()).toHaveText('Eligibility by the US labels.');
  // High burden favours inotuzumab, the planned HSCT favours blinatumomab: a conflict.
  await aid.expectStatuses({
    blinatumomab: 'option',
    inotuzumab: 'caution',
    tisagenlecleucel: 'not-eligible',
    brexucabtagene: 'option',
    obecabtagene: 'option',
  });
  await expect(aid.conflict()).toBeVisible();
  await aid.expectDebulking('required');
  await expect(page.locator('[data-bsa]')).toHaveAttribute('data-bsa', '1.83');
  await expect(aid.linkIssues()).toHaveCount(0);
  // The page keeps the link as it was (same keys, form order).
  expect(new URL(page.url()).search).toBe(`?${SHARED}`);
});

test('a link made by filling the form reproduces the same result in a fresh page', async ({ aid, page, context }) => {
  await aid.open();
  await aid.enter({
    'Age (years)': 52,
    'Disease setting': { choose: 'Relapse after allogeneic HSCT' },
    'Marrow blasts (%)': '30',
    'Peripheral blood blasts (/µL)': '1200',
    CD19: { choose: 'Positive' },
    CD22: { choose: 'Negative' },
    Liver: { choose: 'Serious ongoing liver disease' },
  });
  await aid.expectStatuses({ blinatumomab: 'option', inotuzumab: 'not-eligible' });
  // The link is written once the typing pauses.
  await expect(page).toHaveURL(/[?&]liver=disease(&|$)/);
  const link = page.url();
  expect(link).toContain('set=rhsct');

  const other = await context.newPage();
  const errors = [];
  other.on('pageerror', (e) => errors.push(String(e)));
  other.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await other.goto(link);
  for (const t of ['blinatumomab', 'inotuzumab', 'tisagenlecleucel', 'brexucabtagene', 'obecabtagene']) {
    await expect(other.locator(`[data-therapy="${t}"]`)).toHaveAttribute(
      'data-status',
      await aid.card(t).getAttribute('data-status'),
    );
  }
  await expect(other.getByLabel('Liver', { exact: true }).locator('option:checked')).toHaveText('Serious ongoing liver disease');
  await expect(other.getByLabel('Peripheral blood blasts (/µL)', { exact: true })).toHaveValue('1200');
  // LDH and extramedullary disease were not given: pre-phase stays open (D-2 undecided),
  // never "not needed", in the fresh page as in the first.
  await expect(other.locator('[data-debulking]')).toHaveAttribute('data-debulking', 'undetermined');
  await expect(other.locator('[data-debulking]')).toContainText('Needed to decide: LDH, Extramedullary disease (non-CNS).');
  await expect(aid.debulking()).toContainText('Needed to decide: LDH, Extramedullary disease (non-CNS).');
  expect(errors).toEqual([]);
});

test('editing a field updates the query in place without adding history entries', async ({ aid, page }) => {
  await aid.open('v=2&age=34&set=r2');
  const before = await page.evaluate(() => history.length);
  const bm = aid.field('Marrow blasts (%)');
  await bm.click();
  await bm.pressSequentially('62.5', { delay: 20 });
  await expect(page).toHaveURL(/[?&]bm=62\.5(&|$)/);
  await aid.choose('CNS status', 'Active CNS leukaemia');
  await expect(page).toHaveURL(/[?&]cns=active(&|$)/);
  expect(await page.evaluate(() => history.length)).toBe(before);
  // The default choice is not written into the link.
  await aid.choose('CNS status', 'Unknown');
  await expect(page).not.toHaveURL(/cns=/);
  // Keys stay in form order whatever order they were typed in.
  expect(new URL(page.url()).search).toBe('?v=2&age=34&set=r2&bm=62.5');
  expect(await page.evaluate(() => history.length)).toBe(before);
});

test('"Clear all" empties the form and the link', async ({ aid, page }) => {
  await aid.open(SHARED);
  await page.getByRole('button', { name: 'Clear all' }).click();
  await expect(aid.field('Age (years)')).toHaveValue('');
  await expect(aid.field('Disease setting')).toHaveValue('');
  await expect(aid.cards()).toHaveCount(0);
  await expect.poll(() => new URL(page.url()).search).toBe('?v=2');
});

test.describe('no scroll jump while typing', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('phone: typing in a field far down keeps the page where it is', async ({ aid, page }) => {
    await aid.open(SHARED);
    const crcl = aid.field('Creatinine clearance (mL/min)');
    await crcl.scrollIntoViewIfNeeded();
    await crcl.click();
    const y = await page.evaluate(() => window.scrollY);
    expect(y).toBeGreaterThan(500); // the field really is far down
    const before = await page.evaluate(() => history.length);
    await crcl.pressSequentially('25', { delay: 30 });
    await expect(page).toHaveURL(/[?&]crcl=25(&|$)/);
    await aid.expectStatus('blinatumomab', 'caution'); // P-RENAL: CrCl < 30 — the result re-rendered
    const after = await page.evaluate(() => window.scrollY);
    expect(Math.abs(after - y)).toBeLessThanOrEqual(4);
    expect(await page.evaluate(() => history.length)).toBe(before);
  });
});

test('the link is rewritten once the typing pauses, and a page left at once keeps the last change', async ({ aid, page }) => {
  // Count the rewrites: each costs the browser about a millisecond, so a burst of keys makes one.
  await page.addInitScript(() => {
    const replace = history.replaceState.bind(history);
    window.linkWrites = 0;
    history.replaceState = (...args) => {
      window.linkWrites += 1;
      return replace(...args);
    };
  });
  await aid.open(SHARED);
  await aid.field('LDH value (U/L)').pressSequentially('480', { delay: 30 });
  await expect(page).toHaveURL(/[?&]ldh=480(&|$)/);
  expect(await page.evaluate(() => window.linkWrites)).toBe(1);
  // Leaving the page before the pause ends still writes the change into its history entry.
  await aid.field('Age (years)').fill('41');
  await page.locator('[data-nav="how"]').click();
  await expect(page).toHaveURL(/\/how\.html$/);
  await page.goBack();
  expect(new URL(page.url()).searchParams.get('age')).toBe('41');
  await expect(aid.field('Age (years)')).toHaveValue('41');
});

test('desktop: typing in the sticky form keeps both the page and the form scroll', async ({ aid, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await aid.open(SHARED);
  const form = page.getByRole('form', { name: 'Patient scenario' });
  const crcl = aid.field('Creatinine clearance (mL/min)');
  await crcl.scrollIntoViewIfNeeded();
  await crcl.click();
  const before = await form.evaluate((f) => ({ form: f.scrollTop, win: window.scrollY }));
  expect(before.form, 'the form scrolls within itself to reach the field').toBeGreaterThan(100);
  await crcl.pressSequentially('25', { delay: 30 });
  await aid.expectStatus('blinatumomab', 'caution');
  const after = await form.evaluate((f) => ({ form: f.scrollTop, win: window.scrollY }));
  expect(Math.abs(after.form - before.form)).toBeLessThanOrEqual(4);
  expect(Math.abs(after.win - before.win)).toBeLessThanOrEqual(4);
});

test('an unknown key is reported by name; the rest of the link still applies', async ({ aid }) => {
  await aid.open('v=2&age=34&set=r2&foo=1&cd19=neg');
  const notice = aid.linkIssues();
  await expect(notice).toBeVisible();
  await expect(notice.locator('[data-key="foo"]')).toContainText('foo=1');
  await expect(notice.locator('[data-key="foo"]')).toContainText('Unknown key "foo"');
  await expect(notice.locator('[data-key]')).toHaveCount(1);
  await expect(aid.field('Age (years)')).toHaveValue('34');
  await aid.expectStatus('blinatumomab', 'not-eligible');
  await aid.expectRules('blinatumomab', ['E-CD19']);
});

test('a repeated key is reported; the first value is kept and applied', async ({ aid }) => {
  await aid.open('v=2&age=34&set=r2&bm=62&bm=10');
  const issue = aid.linkIssues().locator('[data-key="bm"]');
  await expect(issue).toContainText('bm=10');
  await expect(issue).toContainText('Repeated key "bm"');
  await expect(aid.field('Marrow blasts (%)')).toHaveValue('62');
  await aid.expectDebulking('required');
});

test('a link without a version is read, with a notice', async ({ aid }) => {
  await aid.open('age=34&set=r2');
  const notice = aid.linkIssues().locator('[data-key="v"]');
  await expect(notice).toContainText('no version');
  // The link holds no "v", so the notice shows no "v=" as if it did.
  await expect(notice.locator('code')).toHaveCount(0);
  await expect(aid.cards()).toHaveCount(5);
});

test('a bad choice value in a link shows a field error naming CNS and keeps the value', async ({ aid, page }) => {
  await aid.open('v=2&age=34&set=r2&cns=maybe');
  await expect(aid.fieldError('cns')).toContainText('CNS status');
  await expect(aid.fieldError('cns')).toContainText('maybe');
  await expect(aid.field('CNS status')).toHaveAttribute('aria-invalid', 'true');
  await expect(aid.problemSummary()).toContainText('CNS status');
  await expect(aid.cards()).toHaveCount(0);
  // The value is judged at its field, not dropped from the link.
  await expect(aid.linkIssues()).toHaveCount(0);
  expect(page.url()).toContain('cns=maybe');
  // Choosing a real value fixes it.
  await aid.choose('CNS status', 'No CNS involvement or history');
  await expect(aid.fieldError('cns')).toHaveCount(0);
  await expect(aid.cards()).toHaveCount(5);
});
