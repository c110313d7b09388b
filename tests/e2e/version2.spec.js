// Version 2 of the clinical specification, end to end: premedication by age, refractoriness to
// a drug, quotes shown readable, TKIs named by mutation, pre-phase in morphologic CR, the
// plausibility warning, dosing cards folded for reference, the all-excluded summary, numbers
// that never cross the threshold they were compared with, capped doses, and version 1 links.
// Scenarios are opened by link (the link is the scenario) unless the test is about the form.
const { test, expect } = require('./aid');

// History that caution rules read (prior exposure to each drug included), known and
// unremarkable, with the burden known and low: nothing here holds "preferred" back or raises
// a caution.
const KNOWN = {
  ph: 'neg',
  emd: 'no',
  // Unknown LDH leaves pre-phase open (D-2 undecided).
  ldhs: 'norm',
  bm: 20,
  cns: 'no',
  hsct: 'no',
  phsct: 'no',
  pblin: 'no',
  pino: 'no',
  pcart: 'no',
  crcl: 100,
  liver: 'no',
};

/** A version 2 link from keys and values; later keys override earlier ones. */
function link(...parts) {
  return new URLSearchParams({ v: 2, ...Object.assign({}, ...parts) }).toString();
}

/** Every readable text on the page, hidden parts included (folded citations, the path). */
async function pageText(page) {
  return page.locator('body').evaluate((b) => b.textContent);
}

test.describe('premedication and doses by age', () => {
  test('an infant (0.5 years, 7 kg, 66 cm, R/R) gets dexamethasone 5 mg/m² (1.79 mg), never the adult 20 mg', async ({ aid, page }) => {
    await aid.open(link({ age: 0.5, wt: 7, ht: 66, set: 'r2', cd19: 'pos', cd22: 'pos' }, KNOWN));
    await aid.expectStatus('blinatumomab', 'option');
    const schedule = aid.schedule();
    await expect(schedule).toHaveAttribute('data-plan', 'active');
    await expect(schedule).toContainText('Weight < 45 kg');
    const premedication = schedule.locator('table.doses tbody tr');
    await expect(premedication).toHaveCount(1);
    const dexamethasone = premedication.first();
    await expect(dexamethasone).toHaveAttribute('data-drug', 'Dexamethasone');
    await expect(dexamethasone.locator('td[data-label="Dose"]')).toContainText(/^5 mg\/m², at most 20 mg/);
    // Mosteller BSA √(66 × 7 / 3600) = 0.358 m²; 5 mg/m² × 0.358 m² = 1.79 mg.
    const expected = (5 * Math.sqrt((66 * 7) / 3600)).toFixed(2);
    expect(expected).toBe('1.79');
    const amount = dexamethasone.locator('.dose-amount');
    await expect(amount).toHaveText(new RegExp(`^${expected.replace('.', '\\.')} mg`));
    await expect(amount).not.toHaveText(/^20 mg/);
    // The adult fixed premedication appears nowhere as a dose for this patient.
    await expect(page.locator('.dose-amount').filter({ hasText: /^20 mg/ })).toHaveCount(0);
    await expect(page.locator('td[data-label="Dose"]').filter({ hasText: /^20 mg IV/ })).toHaveCount(0);
    await expect(page.locator('tr[data-drug^="Prednisone"]')).toHaveCount(0);
    // Grade 3 CRS management follows the per-m² schedule too.
    await expect(schedule).toContainText('dexamethasone 5 mg/m² (this patient: 1.79 mg)');
    await expect(schedule).toContainText('restart at 5 µg/m²/day (1.79 µg/day)');
  });

  test('adults get the label\'s fixed premedication: R/R dexamethasone 20 mg, MRD prednisone 100 mg', async ({ aid }) => {
    await aid.open(link({ age: 34, wt: 70, ht: 170, set: 'r2', cd19: 'pos', cd22: 'pos' }, KNOWN));
    const rr = aid.schedule().locator('table.doses tr[data-drug="Dexamethasone"]');
    await expect(rr.locator('td[data-label="Dose"]')).toContainText(/^20 mg IV, 1 hour before the first dose of each cycle/);
    await expect(rr.locator('.dose-amount')).toHaveText('20 mg');
    await aid.choose('Disease setting', 'MRD-positive in morphologic CR');
    await aid.choose('Complete remission (MRD setting)', 'First CR');
    await aid.fill('MRD level (%)', '0.1');
    await aid.fill('Marrow blasts (%)', '');
    await expect(aid.schedule()).toContainText('MRD-positive dosing');
    const mrd = aid.schedule().locator('table.doses tbody tr');
    await expect(mrd).toHaveCount(1);
    await expect(mrd.first()).toHaveAttribute('data-drug', /^Prednisone/);
    await expect(mrd.first().locator('.dose-amount')).toHaveText('100 mg');
  });

  test('a capped dose shows the computed dose beside the cap: 150 kg → dexamethasone 24 mg/day (26.61 computed)', async ({ aid }) => {
    await aid.open(link({ age: 34, wt: 150, ht: 170, set: 'r2', cd19: 'pos', cd22: 'pos' }, KNOWN, { bm: 70 }));
    await aid.expectDebulking('required');
    const dex = aid.debulking().locator('tr[data-drug="Dexamethasone"] .dose-amount');
    await expect(dex).toHaveAttribute('data-capped', 'true');
    // BSA √(170 × 150 / 3600) = 2.661 m²; 10 mg/m² → 26.61 mg, above the 24 mg/day maximum.
    await expect(dex).toHaveText('24 mg/day (26.61 computed; 24 mg/day is the maximum)');
  });
});

test('refractory to blinatumomab → blinatumomab in caution (P-PRIOR-RESP), never preferred', async ({ aid }) => {
  const history = { hsct: 'plan', lines: 2, pblin: 'noresp', kmt2a: 'no' };
  await aid.open(link({ age: 34, wt: 70, ht: 170, set: 'r2', cd19: 'pos', cd22: 'pos' }, KNOWN, history));
  // A planned HSCT alone would make blinatumomab preferred (P-HSCT); refractoriness overrides it.
  await aid.expectStatus('blinatumomab', 'caution');
  await aid.expectRules('blinatumomab', ['P-PRIOR-RESP', 'P-HSCT', 'P-PRIOR-CD19']);
  const reason = aid.reason('blinatumomab', 'P-PRIOR-RESP');
  await expect(reason).toHaveAttribute('data-effect', 'caution');
  await expect(reason).toContainText('refractory');
  await expect(aid.page.locator('[data-status="preferred"]')).toHaveCount(0);
  // Only the drug it was refractory to.
  await aid.expectNoRules('inotuzumab', ['P-PRIOR-RESP']);
  await aid.expectNoRules('brexucabtagene', ['P-PRIOR-RESP']);
  // The form offers the version 2 wording.
  await expect(aid.field('Prior blinatumomab').locator('option:checked')).toHaveText('Yes, without response (refractory)');
  // With a response instead, the planned HSCT makes it preferred again.
  await aid.choose('Prior blinatumomab', 'Yes, with response');
  await aid.expectStatus('blinatumomab', 'preferred');
  await aid.expectNoRules('blinatumomab', ['P-PRIOR-RESP']);
});

test.describe('quotes are shown readable', () => {
  test('D-1\'s TOWER quote reads "≥ 15,000/µL", without $, \\ or **', async ({ aid }) => {
    await aid.open(link({ age: 34, set: 'r2', cd19: 'pos', cd22: 'pos' }, KNOWN, { bm: 62 }));
    await aid.expectDebulking('required');
    const citation = aid.debulking().locator('li.reason[data-rule="D-1"] details.citation[data-source="S2"]');
    await citation.locator('summary').click();
    const quote = citation.locator('blockquote');
    await expect(quote).toBeVisible();
    await expect(quote).toContainText('peripheral blast count ≥ 15,000/µL');
    for (const markup of ['$', '\\', '**', '\\geq', '\\mu', '\\text']) {
      await expect(quote).not.toContainText(markup);
    }
  });

  test('no quote anywhere on a full page shows LaTeX or markdown', async ({ aid, page }) => {
    // MRD 0.05%: P-MRD-LOW quotes "$\geq 10^{-4}$"; the schedules quote more. (The evidence
    // and how pages show the rest: pages.spec.js checks them the same way.)
    await aid.open('v=2&age=9&wt=30&ht=130&set=mrd&crn=1&mrd=0.05&cd19=pos&ph=neg&cns=no&crcl=25');
    // A citation's quotes are built when it is opened: open every one.
    const citations = page.locator('details.citation');
    const count = await citations.count();
    await citations.evaluateAll((els) => els.forEach((d) => { d.open = true; }));
    await expect(page.locator('details.citation .citation-body')).toHaveCount(count);
    const quotes = page.locator('blockquote');
    expect(await quotes.count()).toBeGreaterThan(10);
    const raw = await quotes.evaluateAll((els) =>
      els.map((e) => e.textContent).filter((t) => /\$|\\|\*\*|\^\{|_\{/.test(t)),
    );
    expect(raw, `quotes shown with markup:\n${raw.join('\n')}`).toEqual([]);
    // Exponents are superscripts: "10⁻⁴" is shown as 10<sup>-4</sup>.
    await expect(aid.reason('blinatumomab', 'P-MRD-LOW').locator('blockquote sup').first()).toHaveText(/^[-−]4$/);
  });
});

test.describe('Ph-positive disease', () => {
  test('T315I: ponatinib is named and "second or third generation" appears nowhere', async ({ aid, page }) => {
    const older = { age: 60, wt: 70, ht: 170, set: 'r2', cd19: 'pos', cd22: 'pos', ...KNOWN, ph: 'pos', tkis: 1 };
    // Without T315I the elderly note proposes a second/third-generation TKI (S0) ...
    await aid.open(link(older, { t315i: 'no' }));
    await expect(aid.notes().locator('[data-rule="P-PH-ELDERLY"]')).toContainText('second/third-generation TKI');
    expect(await pageText(page)).toMatch(/second\/third[- ]generation/i);
    // ... with T315I that would be wrong: ponatinib is the TKI with activity.
    await aid.open(link(older, { t315i: 'yes' }));
    await expect(aid.notes().locator('[data-rule="P-PH-ELDERLY"] .reason-text')).toContainText('that TKI is ponatinib');
    await expect(aid.reason('blinatumomab', 'P-PH').locator('.reason-text')).toContainText('the partner is ponatinib');
    await expect(aid.notes().locator('[data-rule="P-PH"] .reason-text')).toContainText('ponatinib is the TKI with activity');
    await aid.openDecisionPath();
    // What is said about this patient: the path's rule statements are the general rules
    // (P-PH-ELDERLY's names both TKI generations, then ponatinib for T315I), so they are left out.
    const text = await page.locator('body').evaluate((b) => {
      const copy = b.cloneNode(true);
      copy.querySelectorAll('.statement').forEach((s) => s.remove());
      return copy.textContent;
    });
    expect(text).not.toMatch(/second[\s-]*(or|\/|and)[\s-]*third[\s-]*generation/i);
    expect(text).not.toMatch(/third[\s-]generation/i);
    expect(text).toContain('ponatinib');
  });
});

test('MRD-positive in CR with LDH elevated → pre-phase not applicable; D-2 does not fire', async ({ aid }) => {
  await aid.open('v=2&age=34&wt=70&ht=170&set=mrd&crn=1&mrd=0.1&ldhs=high&cns=no&cd19=pos&ph=neg&crcl=100');
  await aid.expectDebulking('not-applicable');
  await expect(aid.debulking()).toContainText('Not applicable: in morphologic CR');
  await expect(aid.debulking().locator('[data-rule="D-2"]')).toHaveCount(0);
  await expect(aid.debulking().locator('.missing')).toHaveCount(0);
  await expect(aid.debulking().locator('table.doses')).toHaveCount(0);
  await aid.expectNoRules('blinatumomab', ['D-1', 'D-2']);
  await aid.openDecisionPath();
  await expect(aid.decisionPath().locator('[data-trace-rule="D-2"]')).not.toHaveClass(/fired/);
  await expect(aid.decisionPath().locator('[data-trace-rule="D-2"]')).toContainText('LDH = ');
});

test('weight, height and age that do not fit (3 years, 66 kg, 95 cm) raise "check the units", without blocking', async ({ aid, page }) => {
  await aid.open('v=2&age=3&wt=66&ht=95&set=r2&cd19=pos');
  const warning = aid.plausibilityWarning();
  await expect(warning).toBeVisible();
  await expect(warning).toHaveAttribute('role', 'alert');
  await expect(warning).toContainText('Check the units');
  await expect(warning).toContainText('Weight 66 kg does not fit age 3 years');
  await expect(warning).toContainText('BMI');
  // Beside the BSA in the form as well; the doses are still computed. Only the copy above
  // the cards is announced: one alert, not five.
  await expect(page.locator('form [data-warning="plausibility"]')).toBeVisible();
  await expect(page.locator('[data-warning="plausibility"][role="alert"]')).toHaveCount(1);
  // And on every dosing card, beside the doses it puts in doubt.
  for (const card of ['[data-schedule="blinatumomab"]', '[data-schedule="inotuzumab"]', '[data-debulking]']) {
    await expect(page.locator(`${card} [data-warning="plausibility"]`)).toBeVisible();
  }
  await expect(aid.cards()).toHaveCount(5);
  await expect(aid.schedule().locator('tbody tr').first().locator('.dose-amount')).toHaveText('9 µg/day');
  // Plausible values: no warning.
  await aid.fill('Weight (kg)', 14);
  await expect(page.locator('[data-warning="plausibility"]')).toHaveCount(0);
});

test('CD19 negative → the blinatumomab schedule is folded "for reference only"; one click shows it', async ({ aid }) => {
  await aid.open(link({ age: 34, wt: 70, ht: 170, set: 'r2', cd19: 'neg', cd22: 'pos' }, KNOWN));
  await aid.expectStatus('blinatumomab', 'not-eligible');
  const schedule = aid.schedule();
  await expect(schedule).toHaveAttribute('data-plan', 'reference');
  await expect(schedule.locator('.reference-why')).toContainText('not eligible for this patient');
  const fold = schedule.locator('details.reference');
  await expect(fold).not.toHaveAttribute('open', '');
  const rows = schedule.locator('tbody tr');
  await expect(rows.first()).toBeHidden();
  await fold.getByText('Show for reference only').click();
  await expect(fold).toHaveAttribute('open', '');
  await expect(rows.first()).toBeVisible();
  await expect(rows.first().locator('.dose-amount')).toHaveText('9 µg/day');
  // Inotuzumab stays eligible: its card is a plan, not folded.
  await expect(aid.schedule('inotuzumab')).toHaveAttribute('data-plan', 'active');
  await expect(aid.schedule('inotuzumab').locator('details.reference')).toHaveCount(0);
});

test('every therapy not eligible → one summary at the top with the excluding reasons', async ({ aid }) => {
  await aid.open(link({ age: 34, set: 'r2', cd19: 'neg', cd22: 'neg' }, KNOWN));
  const summary = aid.allExcluded();
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('heading')).toHaveText('None of these therapies is eligible for this patient.');
  await expect(summary.locator('li.reason[data-rule="E-CD19"]').first()).toBeVisible();
  await expect(summary.locator('li.reason[data-rule="E-CD22"]')).toBeVisible();
  await expect(summary).toContainText('clinical trial');
  await expect(aid.cards()).toHaveCount(5);
  await expect(aid.page.locator('[data-therapy]:not([data-status="not-eligible"])')).toHaveCount(0);
  // CD22 positive: inotuzumab is eligible again and the summary goes.
  await aid.choose('CD22', 'Positive');
  await aid.expectStatus('inotuzumab', 'option');
  await expect(summary).toHaveCount(0);
});

test('marrow blasts 49.996% never read "50%" (decision path open) and do not require pre-phase', async ({ aid, page }) => {
  await aid.open(link({ age: 34, wt: 70, ht: 170, set: 'r2', cd19: 'pos', cd22: 'pos' }, KNOWN, { bm: 49.996, pb: 1000 }));
  await aid.expectDebulking('not-needed');
  await expect(aid.debulking()).toContainText('Pre-phase not needed');
  await expect(aid.debulking().locator('[data-rule="D-1"]')).toHaveCount(0);
  await aid.expectNoRules('inotuzumab', ['P-BURDEN']);
  await aid.openDecisionPath();
  await expect(aid.decisionPath().locator('[data-trace-rule="D-1"]')).toContainText('Marrow blasts = 49.996%');
  await expect(aid.decisionPath().locator('[data-trace-rule="P-BURDEN"]')).toContainText('Marrow blasts = 49.996%');
  const text = await pageText(page);
  expect(text).not.toMatch(/marrow blasts\s*(=|:)?\s*(50|50\.0+)\s*%/i);
  // Wherever the value is shown, it is shown as entered (not 49.99, not 50.0).
  const shown = text.match(/49\.9\d*/g) || [];
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.filter((v) => v !== '49.996')).toEqual([]);
  // 50% itself does require pre-phase: the threshold is ≥ 50%.
  await aid.fill('Marrow blasts (%)', '50');
  await aid.expectDebulking('required');
});

test('a version 1 link opens with a notice; "tki=yes" is read as one TKI failed and the link is rewritten as version 2', async ({ aid, page }) => {
  await aid.open('v=1&age=34&set=r2&cd19=pos&ph=pos&tki=yes&liver=disease');
  const notice = aid.linkIssues().locator('[data-key="v"]');
  await expect(notice).toContainText('version 1');
  await expect(notice).toContainText('read as 1 TKI failed');
  await expect(notice).toContainText('serious ongoing liver disease');
  await expect(aid.linkIssues().locator('[data-key]')).toHaveCount(1);
  await expect(aid.field('TKIs failed (resistant or intolerant)').locator('option:checked')).toHaveText('One');
  await expect(aid.field('Liver').locator('option:checked')).toHaveText('Serious ongoing liver disease');
  await expect(aid.cards()).toHaveCount(5);
  await expect(page).toHaveURL(/\?v=2&/);
  const search = new URL(page.url()).searchParams;
  expect(search.get('v')).toBe('2');
  expect(search.get('tkis')).toBe('1');
  expect(search.has('tki')).toBe(false);
  expect(search.get('liver')).toBe('disease');
});

test('MRD setting: the CR number decides the US label (first or second CR); unknown is still needed', async ({ aid }) => {
  await aid.open('v=2&age=34&set=mrd&mrd=0.1&cns=no&cd19=pos&ph=neg&pblin=no&crcl=100');
  await aid.expectStatus('blinatumomab', 'option');
  await aid.expectLabel('blinatumomab', 'unknown');
  await expect(aid.card('blinatumomab').locator('.tests-needed li.reason[data-rule="E-BLIN-LABEL"]')).toContainText('which CR this is is needed');
  await aid.choose('Complete remission (MRD setting)', 'Second CR');
  await aid.expectStatus('blinatumomab', 'preferred');
  await aid.expectLabel('blinatumomab', 'on');
  await expect(aid.card('blinatumomab').locator('.tests-needed')).toHaveCount(0);
  await aid.choose('Complete remission (MRD setting)', 'Third or later CR');
  await aid.expectStatus('blinatumomab', 'not-eligible');
  await aid.expectLabel('blinatumomab', 'off');
  await expect(aid.reason('blinatumomab', 'E-BLIN-LABEL')).toContainText('US label: MRD in first or second CR');
  await expect(aid.page).toHaveURL(/[?&]crn=3(&|$)/);
});

test('first relapse: the response to re-induction decides tisagenlecleucel (refractory to it is within the label)', async ({ aid }) => {
  await aid.open(link({ age: 15, set: 'r1e', cd19: 'pos', cd22: 'pos' }, KNOWN));
  await aid.expectLabel('tisagenlecleucel', 'unknown');
  await expect(aid.card('tisagenlecleucel').locator('.tests-needed li.reason[data-rule="E-CART"]')).toContainText('response to re-induction is needed');
  const answers = [
    ['Not yet re-induced', 'not-eligible', 'off', 'if it proves refractory to re-induction, it would be within the label'],
    ['Refractory to re-induction', 'option', 'on', null],
  ];
  for (const [answer, status, label, says] of answers) {
    await aid.choose('First relapse: response to re-induction', answer);
    await aid.expectStatus('tisagenlecleucel', status);
    await aid.expectLabel('tisagenlecleucel', label);
    if (says) await expect(aid.reason('tisagenlecleucel', 'E-CART')).toContainText(says);
    else await aid.expectNoRules('tisagenlecleucel', ['E-CART']);
  }
  // In CR after re-induction is a second CR, not an active first relapse: refused at the
  // field, pointing to the MRD setting, and nothing typed is lost.
  await aid.choose('First relapse: response to re-induction', 'In CR after re-induction');
  await expect(aid.fieldError('reind')).toContainText('second CR');
  await expect(aid.fieldError('reind')).toContainText('MRD-positive in morphologic CR');
  await expect(aid.field('First relapse: response to re-induction')).toHaveAttribute('aria-invalid', 'true');
  await expect(aid.problemSummary()).toContainText('First relapse: response to re-induction');
  await expect(aid.cards()).toHaveCount(0);
  await expect(aid.page).toHaveURL(/[?&]reind=cr(&|$)/);
  await expect(aid.field('Age (years)')).toHaveValue('15');
  // A late first relapse is refused alike; a response that fits brings the cards back.
  await aid.choose('Disease setting', 'First relapse, CR1 ≥ 12 months');
  await expect(aid.fieldError('reind')).toContainText('second CR');
  await expect(aid.cards()).toHaveCount(0);
  await aid.choose('First relapse: response to re-induction', 'Refractory to re-induction');
  await expect(aid.fieldError('reind')).toHaveCount(0);
  await aid.expectStatus('tisagenlecleucel', 'option');
});

test('circulating blasts above 10,000/µL → cytoreduction before inotuzumab (D-3), on the pre-phase and inotuzumab cards', async ({ aid }) => {
  await aid.open(link({ age: 34, wt: 70, ht: 170, set: 'r2', cd19: 'pos', cd22: 'pos' }, KNOWN, { pb: 10000 }));
  await aid.expectDebulking('not-needed');
  await expect(aid.page.locator('li.reason[data-rule="D-3"]')).toHaveCount(0);
  await aid.fill('Peripheral blood blasts (/µL)', '10001');
  // Pre-phase before blinatumomab is still not needed (D-1 starts at 15,000/µL) ...
  await aid.expectDebulking('not-needed');
  // ... but inotuzumab's label asks for cytoreduction first.
  await expect(aid.debulking().getByRole('heading', { name: 'Cytoreduction before inotuzumab' })).toBeVisible();
  await expect(aid.debulking().locator('li.reason[data-rule="D-3"] .reason-text')).toContainText('10,001/µL (> 10,000/µL)');
  await expect(aid.debulking().locator('li.reason[data-rule="D-3"] .reason-text')).toContainText('hydroxyurea');
  await aid.expectRules('inotuzumab', ['D-3']);
  const ino = aid.schedule('inotuzumab');
  await expect(ino.getByRole('heading', { name: 'Before cycle 1' })).toBeVisible();
  await expect(ino.locator('li.reason[data-rule="D-3"]')).toBeVisible();
  // Not for a drug that is excluded.
  await aid.choose('CD22', 'Negative');
  await aid.expectStatus('inotuzumab', 'not-eligible');
  await expect(aid.page.locator('li.reason[data-rule="D-3"]')).toHaveCount(0);
});

test('a child\'s creatinine clearance in mL/min is normalised to 1.73 m²; one given per 1.73 m² is compared as it is', async ({ aid }) => {
  await aid.open(link({ age: 2, wt: 12, ht: 85, set: 'r2', cd19: 'pos', cd22: 'pos' }, KNOWN, { crcl: 20 }));
  // 20 mL/min with BSA 0.53 m² is 65 mL/min/1.73 m²: no renal caution.
  await aid.expectStatus('blinatumomab', 'option');
  await expect(aid.reason('blinatumomab', 'P-RENAL')).toHaveAttribute('data-effect', 'note');
  await expect(aid.reason('blinatumomab', 'P-RENAL')).toContainText('65 mL/min/1.73 m²');
  await aid.choose('Creatinine clearance given as', 'mL/min/1.73 m²');
  await expect(aid.page).toHaveURL(/[?&]crclu=m2(&|$)/);
  await aid.expectStatus('blinatumomab', 'caution');
  await expect(aid.reason('blinatumomab', 'P-RENAL')).toHaveAttribute('data-effect', 'caution');
  await expect(aid.reason('blinatumomab', 'P-RENAL')).toContainText('20 mL/min/1.73 m² (< 30)');
});

test('an age of 17.99 years never reads 18 beside the 18-year limit', async ({ aid, page }) => {
  await aid.open(link({ age: 17.99, set: 'r2', cd19: 'pos', cd22: 'pos' }, KNOWN));
  await aid.expectStatuses({ brexucabtagene: 'not-eligible', obecabtagene: 'not-eligible' });
  await expect(aid.reason('brexucabtagene', 'E-CART')).toContainText('from 18 years; the patient is 17.99 years');
  await aid.openDecisionPath();
  expect(await pageText(page)).not.toMatch(/(the patient is|Age =|Age) 18(\.0+)? years/);
});
