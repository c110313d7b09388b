// Clinical scenarios entered through the real form (by visible labels): each asserts the
// status of every therapy concerned and the rule IDs shown, plus debulking thresholds, CAR-T
// age limits, conflicts, notes, BSA-based doses; bad and inconsistent input; keyboard entry;
// and citations expanding to their source and verbatim quote. No test may log an error.
const { test, expect } = require('./aid');

const CAR_T = ['tisagenlecleucel', 'brexucabtagene', 'obecabtagene'];

// The history that caution rules read, known and unremarkable: while any of it is unknown
// the aid asks for it and marks nothing preferred. Ph status too (P-PH-UNK: every therapy
// names BCR-ABL1 while it is unknown), and prior exposure to each drug (P-PRIOR-RESP:
// disease refractory to a drug puts it in caution).
const NO_PRIOR_THERAPY = {
  'Prior blinatumomab': { choose: 'No' },
  'Prior inotuzumab ozogamicin': { choose: 'No' },
  'Prior CD19 CAR-T': { choose: 'No' },
};
const KNOWN_HISTORY = {
  'CNS status': { choose: 'No CNS involvement or history' },
  'Ph (BCR-ABL1)': { choose: 'Negative' },
  'Allogeneic HSCT': { choose: 'Not a candidate' },
  'Prior allogeneic HSCT': { choose: 'No' },
  ...NO_PRIOR_THERAPY,
  'Creatinine clearance (mL/min)': 100,
  Liver: { choose: 'No liver disease' },
};

// A relapsed adult with both antigens present and the burden known and low (P-BURDEN holds
// "preferred" back while marrow blasts or extramedullary disease are unknown): the baseline
// most scenarios vary. Peripheral blasts are left for the debulking tests.
const R2_ADULT = {
  'Age (years)': 34,
  'Disease setting': { choose: 'Second or later relapse' },
  'Marrow blasts (%)': 20,
  'Extramedullary disease (non-CNS)': { choose: 'None' },
  // Unknown LDH would leave pre-phase open (D-2): known and normal here.
  LDH: { choose: 'Normal' },
  CD19: { choose: 'Positive' },
  CD22: { choose: 'Positive' },
  ...KNOWN_HISTORY,
};

// An adult in first morphologic CR with CD19-positive, Ph-negative MRD at the approval
// threshold (the US label covers MRD in first or second CR), never given blinatumomab.
const MRD_CR = {
  'Age (years)': 34,
  'Disease setting': { choose: 'MRD-positive in morphologic CR' },
  'Complete remission (MRD setting)': { choose: 'First CR' },
  'MRD level (%)': '0.1',
  CD19: { choose: 'Positive' },
  'Ph (BCR-ABL1)': { choose: 'Negative' },
  'Prior blinatumomab': { choose: 'No' },
};

test.describe('MRD-positive in morphologic CR', () => {
  test('MRD 0.1% → blinatumomab preferred (P-MRD); inotuzumab and every CAR-T not eligible', async ({ aid }) => {
    await aid.open();
    await aid.enter({
      ...MRD_CR,
      'CNS status': { choose: 'No CNS involvement or history' },
      'Creatinine clearance (mL/min)': 100,
    });
    await aid.expectStatuses({
      blinatumomab: 'preferred',
      inotuzumab: 'not-eligible',
      tisagenlecleucel: 'not-eligible',
      brexucabtagene: 'not-eligible',
      obecabtagene: 'not-eligible',
    });
    await aid.expectRules('blinatumomab', ['P-MRD']);
    await expect(aid.reason('blinatumomab', 'P-MRD')).toContainText('0.1%');
    await aid.expectNoRules('blinatumomab', ['P-MRD-LOW']);
    // MRD ≥ 0.1% in first CR is within the US label.
    await aid.expectLabel('blinatumomab', 'on');
    await aid.expectRules('inotuzumab', ['E-INO-MRD']);
    await aid.expectLabel('inotuzumab', 'off');
    // Not eligible: nothing is asked for that could not change it (liver, transplant).
    await expect(aid.card('inotuzumab').locator('.tests-needed')).toHaveCount(0);
    for (const t of CAR_T) await aid.expectRules(t, ['E-CART']);
    // In morphologic CR there is no disease to debulk: pre-phase is not applicable (and no
    // blast count is asked for).
    await aid.expectDebulking('not-applicable');
    await expect(aid.debulking().locator('.missing')).toHaveCount(0);
    await expect(aid.schedule()).toHaveAttribute('data-plan', 'active');
    await expect(aid.schedule()).toContainText('MRD-positive dosing');
    // The inotuzumab dosing card is for reference only.
    await expect(aid.schedule('inotuzumab')).toHaveAttribute('data-plan', 'reference');
  });

  test('CNS status unknown → blinatumomab only an option, and the card asks for it', async ({ aid }) => {
    await aid.open();
    await aid.enter({ ...MRD_CR, 'Creatinine clearance (mL/min)': 100 });
    await aid.expectStatuses({ blinatumomab: 'option' });
    await expect(aid.card('blinatumomab').locator('.tests-needed [data-rule="P-CNS"]'))
      .toContainText('CNS status is needed before blinatumomab');
    await expect(aid.card('blinatumomab').locator('.tests-needed [data-rule]')).toHaveCount(1);
    await aid.choose('CNS status', 'No CNS involvement or history');
    await aid.expectStatuses({ blinatumomab: 'preferred' });
    await expect(aid.card('blinatumomab').locator('.tests-needed')).toHaveCount(0);
  });

  test('MRD 0.05% → blinatumomab only an option, with P-MRD-LOW', async ({ aid }) => {
    await aid.open();
    await aid.enter({ ...MRD_CR, 'MRD level (%)': '0.05' });
    await aid.expectStatus('blinatumomab', 'option');
    await aid.expectRules('blinatumomab', ['P-MRD-LOW']);
    await aid.expectNoRules('blinatumomab', ['P-MRD']);
    await expect(aid.reason('blinatumomab', 'P-MRD-LOW')).toContainText('0.05%');
    // Below the label's 0.1%: off-label, but resting on trial evidence it stays an option.
    await aid.expectLabel('blinatumomab', 'off');
    await expect(aid.reason('blinatumomab', 'E-BLIN-LABEL')).toHaveAttribute('data-effect', 'note');
    await expect(aid.labelBadge('blinatumomab')).toContainText('Use outside the label is a clinical decision.');
    await aid.expectStatus('inotuzumab', 'not-eligible');
  });

  test('marrow blasts 12% contradict morphologic CR: inconsistency at the field, no cards', async ({ aid, page }) => {
    await aid.open();
    await aid.enter({
      'Age (years)': 34,
      'Disease setting': { choose: 'MRD-positive in morphologic CR' },
      'MRD level (%)': '0.1',
      'Marrow blasts (%)': '12',
    });
    await expect(aid.fieldError('bm')).toContainText('Marrow blasts');
    await expect(aid.fieldError('bm')).toContainText('morphologic CR');
    await expect(aid.problemSummary()).toContainText('Marrow blasts');
    await expect(aid.cards()).toHaveCount(0);
    await expect(page.getByLabel('Marrow blasts (%)', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    // 4% is a CR: the message goes and the recommendation comes back.
    await aid.fill('Marrow blasts (%)', '4');
    await expect(aid.fieldError('bm')).toHaveCount(0);
    await aid.expectStatus('blinatumomab', 'option'); // CD19 unknown → still needs a test
  });
});

test.describe('target antigens and CNS', () => {
  test('CD19 negative → blinatumomab and every CAR-T not eligible (E-CD19); inotuzumab an option', async ({ aid }) => {
    await aid.open();
    await aid.enter({ ...R2_ADULT, CD19: { choose: 'Negative' } });
    await aid.expectStatuses({
      blinatumomab: 'not-eligible',
      inotuzumab: 'option',
      tisagenlecleucel: 'not-eligible',
      brexucabtagene: 'not-eligible',
      obecabtagene: 'not-eligible',
    });
    for (const t of ['blinatumomab', ...CAR_T]) await aid.expectRules(t, ['E-CD19']);
    await aid.expectNoRules('inotuzumab', ['E-CD19', 'E-CD22']);
    // The adult CAR-T labels name no marker: within the label at 34, yet excluded by E-CD19.
    // The badge says so, never a bare "within the label" on a card that is not eligible.
    for (const t of ['brexucabtagene', 'obecabtagene']) {
      await aid.expectLabel(t, 'on');
      await expect(aid.labelSummary(t)).toHaveText(/Within the US label, but not eligible for this patient \(see below\)$/);
    }
    // Blinatumomab's label names CD19: outside it, with no such addition.
    await aid.expectLabel('blinatumomab', 'off');
    await expect(aid.labelSummary('blinatumomab')).not.toContainText('but not eligible');
    // An eligible card within its label has no addition either.
    await expect(aid.labelSummary('inotuzumab')).toHaveText(/Within the US label$/);
    // Not eligible, so the blinatumomab schedule is not shown as a plan.
    await expect(aid.schedule()).toHaveAttribute('data-plan', 'reference');
  });

  test('active CNS leukaemia → inotuzumab preferred (P-CNS), blinatumomab caution (P-CNS)', async ({ aid }) => {
    await aid.open();
    await aid.enter({ ...R2_ADULT, 'CNS status': { choose: 'Active CNS leukaemia' } });
    await aid.expectStatuses({ inotuzumab: 'preferred', blinatumomab: 'caution' });
    await aid.expectRules('inotuzumab', ['P-CNS']);
    await aid.expectRules('blinatumomab', ['P-CNS']);
    await expect(aid.reason('blinatumomab', 'P-CNS')).toHaveAttribute('data-effect', 'caution');
    await expect(aid.reason('inotuzumab', 'P-CNS')).toHaveAttribute('data-effect', 'favours');
    await expect(aid.conflict()).toHaveCount(0);
  });

  test('history of CNS pathology → blinatumomab caution (P-NEURO-HX), inotuzumab unaffected', async ({ aid }) => {
    await aid.open();
    await aid.enter({ ...R2_ADULT, 'CNS status': { choose: 'History of CNS pathology or seizures' } });
    await aid.expectStatuses({ blinatumomab: 'caution', inotuzumab: 'option' });
    await aid.expectRules('blinatumomab', ['P-NEURO-HX']);
    await aid.expectNoRules('blinatumomab', ['P-CNS']);
  });

  test('unknown CD19 is a test still needed, not a verdict', async ({ aid }) => {
    await aid.open();
    await aid.enter({ 'Age (years)': 34, 'Disease setting': { choose: 'Second or later relapse' } });
    await aid.expectStatus('blinatumomab', 'option');
    await expect(aid.card('blinatumomab').locator('.tests-needed [data-rule="E-CD19"]')).toBeVisible();
    await expect(aid.card('inotuzumab').locator('.tests-needed [data-rule="E-CD22"]')).toBeVisible();
  });
});

test.describe('pre-phase debulking thresholds', () => {
  for (const [bm, level] of [
    ['49.9', 'not-needed'],
    ['50', 'required'],
    ['50.1', 'required'],
  ]) {
    test(`marrow blasts ${bm}% with peripheral blasts 14999/µL → ${level}`, async ({ aid }) => {
      await aid.open();
      await aid.enter({ ...R2_ADULT, 'Marrow blasts (%)': bm, 'Peripheral blood blasts (/µL)': '14999' });
      await aid.expectDebulking(level);
      // The reason's own text, not its (hidden) source quotes.
      const d1 = aid.debulking().locator('[data-rule="D-1"] .reason-text');
      if (level === 'required') {
        await expect(d1).toContainText(`marrow blasts ${bm}% (≥ 50%)`);
        await expect(d1).not.toContainText('peripheral');
        await expect(aid.debulking()).toContainText('Pre-phase required');
      } else {
        await expect(d1).toHaveCount(0);
        await expect(aid.debulking()).toContainText('Pre-phase not needed');
      }
    });
  }

  for (const [pb, level] of [
    ['14999', 'not-needed'],
    ['15000', 'required'],
  ]) {
    test(`peripheral blasts ${pb}/µL with marrow blasts 10% → ${level}`, async ({ aid }) => {
      await aid.open();
      await aid.enter({ ...R2_ADULT, 'Marrow blasts (%)': '10', 'Peripheral blood blasts (/µL)': pb });
      await aid.expectDebulking(level);
      const d1 = aid.debulking().locator('[data-rule="D-1"] .reason-text');
      if (level === 'required') {
        await expect(d1).toContainText('peripheral blasts 15,000/µL');
        await expect(d1).not.toContainText('marrow');
      } else {
        await expect(d1).toHaveCount(0);
      }
    });
  }

  test('peripheral blasts entered as × 10⁹/L: 15 × 10⁹/L is 15,000/µL → required (D-1)', async ({ aid }) => {
    await aid.open();
    await aid.enter({ ...R2_ADULT, 'Marrow blasts (%)': '10', 'Peripheral blasts counted': { choose: '× 10⁹/L' } });
    // The count's label follows the chosen unit.
    await aid.fill('Peripheral blood blasts (× 10⁹/L)', '14.9');
    await aid.expectDebulking('not-needed');
    await aid.fill('Peripheral blood blasts (× 10⁹/L)', '15');
    await aid.expectDebulking('required');
    await expect(aid.debulking().locator('[data-rule="D-1"]')).toContainText('15,000/µL');
  });

  test('blast counts not given → undetermined, naming what is needed; one count ≥ threshold decides', async ({ aid }) => {
    await aid.open();
    await aid.enter({ ...R2_ADULT, 'Marrow blasts (%)': '' });
    await aid.expectDebulking('undetermined');
    await expect(aid.debulking()).toContainText('Needed to decide: Marrow blasts, Peripheral blood blasts.');
    await aid.fill('Marrow blasts (%)', '10');
    await aid.expectDebulking('undetermined');
    await expect(aid.debulking()).toContainText('Needed to decide: Peripheral blood blasts.');
    await aid.fill('Marrow blasts (%)', '80');
    await aid.expectDebulking('required');
    await expect(aid.debulking().locator('.missing')).toHaveCount(0);
  });

  test('LDH or extramedullary disease unknown → undetermined, naming them; elevated LDH decides (D-2)', async ({ aid }) => {
    await aid.open();
    await aid.enter({ ...R2_ADULT, 'Marrow blasts (%)': '10', 'Peripheral blood blasts (/µL)': '1000' });
    // Both blast counts below D-1 and LDH, extramedullary disease known and unremarkable.
    await aid.expectDebulking('not-needed');
    await expect(aid.debulking().locator('.missing')).toHaveCount(0);
    // D-2 reads LDH and extramedullary disease: unknown, pre-phase stays open, never "not needed".
    await aid.choose('LDH', 'Unknown');
    await aid.expectDebulking('undetermined');
    await expect(aid.debulking()).toContainText('Needed to decide: LDH.');
    await aid.choose('Extramedullary disease (non-CNS)', 'Unknown');
    await aid.expectDebulking('undetermined');
    await expect(aid.debulking()).toContainText('Needed to decide: LDH, Extramedullary disease (non-CNS).');
    await expect(aid.debulking()).not.toContainText('Pre-phase not needed');
    // An elevated LDH fires D-2: recommended, whatever the extramedullary disease.
    await aid.choose('LDH', 'Elevated');
    await aid.expectDebulking('recommended');
    await expect(aid.debulking().locator('[data-rule="D-2"]').first()).toBeVisible();
    await expect(aid.debulking().locator('.missing')).toHaveCount(0);
    // Back to known and normal: not needed again.
    await aid.choose('LDH', 'Normal');
    await aid.choose('Extramedullary disease (non-CNS)', 'None');
    await aid.expectDebulking('not-needed');
  });

  test('debulking doses from BSA: 80 kg, 180 cm → BSA 2.00, dexamethasone 20 mg/day, cyclophosphamide 400 mg/day', async ({ aid, page }) => {
    await aid.open();
    await aid.enter({ ...R2_ADULT, 'Weight (kg)': 80, 'Height (cm)': 180, 'Marrow blasts (%)': 62 });
    await expect(page.locator('[data-bsa]')).toHaveAttribute('data-bsa', '2.00');
    await expect(page.locator('[data-bsa]')).toContainText('2.00 m²');
    await aid.expectDebulking('required');
    await expect(aid.debulking().locator('tr[data-drug="Dexamethasone"] .dose-amount')).toHaveText(/^20 mg\/day/);
    await expect(aid.debulking().locator('tr[data-drug^="Cyclophosphamide"] .dose-amount')).toHaveText(/^400 mg\/day/);
  });
});

test.describe('CAR-T labels by age (CD19 positive, second relapse)', () => {
  test('tisagenlecleucel: age 21 an option, 25 an option noting the older limit, 26 not eligible (E-CART)', async ({ aid }) => {
    await aid.open();
    await aid.enter({ ...R2_ADULT, 'Age (years)': 21 });
    await aid.expectStatus('tisagenlecleucel', 'option');
    await aid.expectLabel('tisagenlecleucel', 'on');
    await aid.expectRules('tisagenlecleucel', ['P-CART-LOGISTICS']);
    await aid.expectNoRules('tisagenlecleucel', ['E-CART']);
    await aid.fill('Age (years)', 25);
    await aid.expectStatus('tisagenlecleucel', 'option');
    await aid.expectLabel('tisagenlecleucel', 'on');
    const note = aid.reason('tisagenlecleucel', 'E-CART');
    await expect(note).toHaveAttribute('data-effect', 'note');
    await expect(note).toContainText('within the US label (up to and including 25 years, i.e. before the 26th birthday)');
    await expect(note).toContainText('says 21 and younger');
    await aid.fill('Age (years)', 26);
    await aid.expectStatus('tisagenlecleucel', 'not-eligible');
    await aid.expectLabel('tisagenlecleucel', 'off');
    await aid.expectRules('tisagenlecleucel', ['E-CART']);
    // The exclusion names the region whose label it applied.
    await expect(aid.reason('tisagenlecleucel', 'E-CART')).toHaveAttribute('data-effect', 'excludes');
    await expect(aid.reason('tisagenlecleucel', 'E-CART')).toContainText('US label: up to and including 25 years (before the 26th birthday); the patient is 26 years');
  });

  test('brexucabtagene: age 17 not eligible (E-CART), age 18 an option', async ({ aid }) => {
    await aid.open();
    await aid.enter({ ...R2_ADULT, 'Age (years)': 17 });
    await aid.expectStatuses({ brexucabtagene: 'not-eligible', obecabtagene: 'not-eligible', tisagenlecleucel: 'option' });
    await aid.expectRules('brexucabtagene', ['E-CART']);
    await expect(aid.reason('brexucabtagene', 'E-CART')).toContainText('US label');
    await aid.expectLabel('brexucabtagene', 'off');
    await aid.fill('Age (years)', 18);
    await aid.expectStatuses({ brexucabtagene: 'option', obecabtagene: 'option' });
    await aid.expectNoRules('brexucabtagene', ['E-CART']);
    await aid.expectRules('brexucabtagene', ['P-CART-LOGISTICS']);
    await aid.expectLabel('brexucabtagene', 'on');
  });
});

test.describe('transplant, conflicts and notes', () => {
  test('a therapy no rule bears on is an option resting on its label, with its document', async ({ aid }) => {
    await aid.open();
    await aid.enter(R2_ADULT);
    await aid.expectStatus('blinatumomab', 'option');
    await aid.expectLabel('blinatumomab', 'on');
    const card = aid.card('blinatumomab');
    await expect(card.locator('[data-rule]')).toHaveCount(0);
    await expect(card.locator('.tests-needed')).toHaveCount(0);
    const none = card.locator('.no-reasons');
    await expect(none).toContainText('No rule flags or favours it for this patient.');
    await expect(none).toContainText('US label: CD19-positive relapsed or refractory B-precursor ALL');
    // The label fact cites its public document: publisher, date, an external address, and
    // (a reproduction of the label) the caveat to verify it.
    const citation = none.locator('details.citation').first();
    await expect(citation).toHaveAttribute('data-source', /Blincyto/);
    await citation.locator('summary').click();
    await expect(citation.locator('.citation-doc')).toContainText('PrescriberPoint');
    await expect(citation.locator('.citation-doc a')).toHaveAttribute('href', /^https:\/\//);
    await expect(citation.locator('.citation-doc a')).toHaveAttribute('rel', /external/);
    await expect(citation.locator('.citation-caveat')).toContainText('verify against the current label');
    await expect(citation.locator('.citation-fact').first()).toContainText('Label fact:');
  });

  test('CD19+/CD22+ with active CNS and allo-HSCT planned → conflict naming both; neither preferred', async ({ aid }) => {
    await aid.open();
    await aid.enter({
      ...R2_ADULT,
      'CNS status': { choose: 'Active CNS leukaemia' },
      'Allogeneic HSCT': { choose: 'Planned after response' },
    });
    const conflict = aid.conflict();
    await expect(conflict).toBeVisible();
    await expect(conflict.getByRole('heading', { name: 'For Blinatumomab' })).toBeVisible();
    await expect(conflict.getByRole('heading', { name: 'For Inotuzumab ozogamicin' })).toBeVisible();
    await expect(conflict.locator('[data-side="blinatumomab"] [data-rule="P-HSCT"]')).toBeVisible();
    await expect(conflict.locator('[data-side="inotuzumab"] [data-rule="P-HSCT"]')).toHaveCount(0);
    await expect(conflict.locator('[data-side="inotuzumab"] [data-rule="P-CNS"]')).toBeVisible();
    for (const t of ['blinatumomab', 'inotuzumab']) {
      await expect(aid.card(t)).not.toHaveAttribute('data-status', 'preferred');
    }
    await expect(aid.page.locator('[data-status="preferred"]')).toHaveCount(0);
    await aid.expectStatuses({ blinatumomab: 'caution', inotuzumab: 'caution' });
    // On a card held in caution, a favouring reason is labelled as outweighed, never read as
    // a plain "Favours"; the caution itself keeps its word.
    for (const [t, favours, caution] of [['blinatumomab', 'P-HSCT', 'P-CNS'], ['inotuzumab', 'P-CNS', 'P-HSCT']]) {
      await expect(aid.reason(t, favours)).toHaveAttribute('data-effect', 'favours');
      await expect(aid.reason(t, favours).locator('.effect')).toHaveText(/outweighed/i);
      await expect(aid.reason(t, favours).locator('.effect')).not.toHaveText(/^Favours$/);
      await expect(aid.reason(t, caution).locator('.effect')).toHaveText('Caution');
    }
  });

  test('allo-HSCT planned alone → blinatumomab preferred, inotuzumab caution (P-HSCT)', async ({ aid }) => {
    await aid.open();
    await aid.enter({ ...R2_ADULT, 'Allogeneic HSCT': { choose: 'Planned after response' } });
    await aid.expectStatuses({ blinatumomab: 'preferred', inotuzumab: 'caution' });
    await aid.expectRules('blinatumomab', ['P-HSCT']);
    await aid.expectRules('inotuzumab', ['P-HSCT']);
    await expect(aid.conflict()).toHaveCount(0);
    // Nothing outweighs it on a preferred card: a plain "Favours".
    await expect(aid.reason('blinatumomab', 'P-HSCT').locator('.effect')).toHaveText('Favours');
  });

  test('a high burden on top of a planned HSCT turns the preference into a conflict', async ({ aid }) => {
    await aid.open();
    await aid.enter({ ...R2_ADULT, 'Allogeneic HSCT': { choose: 'Planned after response' }, 'Marrow blasts (%)': 62 });
    await expect(aid.conflict()).toBeVisible();
    await aid.expectStatuses({ blinatumomab: 'option', inotuzumab: 'caution' });
    await aid.expectRules('inotuzumab', ['P-BURDEN', 'P-HSCT']);
  });

  test('Ph positive → a note with P-PH, and the Ph-positive debulking option once pre-phase is required', async ({ aid }) => {
    await aid.open();
    await aid.enter({ ...R2_ADULT, 'Ph (BCR-ABL1)': { choose: 'Positive' } });
    // T315I unknown: the note asks for it, since it decides the TKI.
    await expect(aid.notes().locator('[data-rule="P-PH"]')).toContainText('T315I');
    await expect(aid.notes().locator('[data-rule="P-PH"]')).toContainText('TKI');
    await aid.expectRules('blinatumomab', ['P-PH']);
    // "Combine with a TKI" rests on blinatumomab sources; the others only plan TKI therapy.
    await expect(aid.reason('blinatumomab', 'P-PH')).toContainText('combined with a TKI');
    await expect(aid.reason('inotuzumab', 'P-PH')).toContainText('plan TKI therapy alongside');
    await expect(aid.reason('inotuzumab', 'P-PH')).not.toContainText('combined');
    // Marrow blasts 20%: no pre-phase is called for, so no Ph-positive regimen (D-PH).
    await expect(aid.debulking().locator('[data-rule="D-PH"]')).toHaveCount(0);
    await aid.fill('Marrow blasts (%)', 62);
    await aid.expectDebulking('required');
    await expect(aid.debulking().locator('[data-rule="D-PH"]')).toContainText('Ph-positive');
    await expect(aid.debulking().locator('[data-rule="D-PH"]')).toContainText('TKI');
  });

  test('KMT2A rearranged → P-KMT2A note and on each CD19-directed card, not on inotuzumab', async ({ aid }) => {
    await aid.open();
    await aid.enter({ ...R2_ADULT, 'KMT2A (MLL) rearrangement': { choose: 'Yes' } });
    await expect(aid.notes().locator('[data-rule="P-KMT2A"]')).toContainText('lineage switch');
    await aid.expectRules('blinatumomab', ['P-KMT2A']);
    await aid.expectNoRules('inotuzumab', ['P-KMT2A']);
  });

  test('prior VOD/SOS → inotuzumab caution (P-VOD)', async ({ aid }) => {
    await aid.open();
    await aid.enter({ ...R2_ADULT, Liver: { choose: 'Prior VOD/SOS' } });
    await aid.expectStatuses({ inotuzumab: 'caution', blinatumomab: 'option' });
    await aid.expectRules('inotuzumab', ['P-VOD']);
  });
});

test.describe('blinatumomab schedule and BSA', () => {
  // BSA 1.0408 m²: doses keep two decimals (5 × 1.0408 = 5.2; 15 × 1.0408 = 15.61).
  test('30 kg, 130 cm → BSA 1.04; µg/m² doses converted: 5.2 µg/day days 1–7, then 15.61 µg/day', async ({ aid, page }) => {
    await aid.open();
    await aid.enter({ ...R2_ADULT, 'Age (years)': 9, 'Weight (kg)': 30, 'Height (cm)': 130 });
    await expect(page.locator('[data-bsa]')).toHaveAttribute('data-bsa', '1.04');
    const schedule = aid.schedule();
    await expect(schedule).toContainText('converted with BSA 1.04 m²');
    const rows = schedule.locator('tbody tr');
    await expect(rows.first()).toContainText('Days 1–7');
    await expect(rows.first()).toContainText('5 µg/m²/day');
    await expect(rows.first().locator('.dose-amount')).toHaveText('5.2 µg/day');
    await expect(rows.nth(1)).toContainText('Days 8–28');
    await expect(rows.nth(1).locator('.dose-amount')).toHaveText('15.61 µg/day');
  });

  test('70 kg → fixed doses 9 and 28 µg/day; without weight the doses are not computed', async ({ aid }) => {
    await aid.open();
    await aid.enter(R2_ADULT);
    const rows = aid.schedule().locator('tbody tr');
    await expect(aid.schedule()).toContainText('Enter weight');
    await expect(rows.first().locator('.dose-amount')).toHaveText('—');
    await aid.fill('Weight (kg)', 70);
    await expect(aid.schedule()).toContainText('Weight ≥ 45 kg: fixed doses');
    await expect(rows.first().locator('.dose-amount')).toHaveText('9 µg/day');
    await expect(rows.nth(1).locator('.dose-amount')).toHaveText('28 µg/day');
  });
});

test.describe('bad input', () => {
  test('marrow blasts 150 → message at the field, alert summary, no cards, value kept; fixing it restores', async ({ aid, page }) => {
    await aid.open();
    await aid.enter(R2_ADULT);
    await expect(aid.cards()).toHaveCount(5);
    await aid.fill('Marrow blasts (%)', '150');
    const input = page.getByLabel('Marrow blasts (%)', { exact: true });
    await expect(aid.fieldError('bm')).toContainText('Marrow blasts');
    await expect(aid.fieldError('bm')).toContainText('150');
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveAttribute('aria-describedby', /e-bm/);
    await expect(aid.problemSummary()).toBeVisible();
    await expect(aid.problemSummary().getByRole('link', { name: /Marrow blasts/ })).toHaveAttribute('href', '#f-bm');
    await expect(aid.cards()).toHaveCount(0);
    await expect(input).toHaveValue('150');
    await aid.fill('Marrow blasts (%)', '15');
    await expect(aid.fieldError('bm')).toHaveCount(0);
    await expect(aid.problemSummary()).toHaveCount(0);
    await expect(aid.cards()).toHaveCount(5);
  });

  test('age -1 → message at the field, alert summary, no cards, value kept; fixing it restores', async ({ aid, page }) => {
    await aid.open();
    await aid.enter(R2_ADULT);
    await aid.fill('Age (years)', '-1');
    await expect(aid.fieldError('age')).toContainText('Age');
    await expect(aid.fieldError('age')).toContainText('-1');
    await expect(aid.problemSummary()).toContainText('Age');
    await expect(aid.cards()).toHaveCount(0);
    await expect(page.getByLabel('Age (years)', { exact: true })).toHaveValue('-1');
    await aid.fill('Age (years)', '34');
    await expect(aid.fieldError('age')).toHaveCount(0);
    await expect(aid.cards()).toHaveCount(5);
  });

  test('prior lines must fit the setting: second relapse needs 2, first relapse 1; the value is kept', async ({ aid, page }) => {
    await aid.open();
    await aid.enter({ ...R2_ADULT, 'Prior lines of therapy (lines)': '2' });
    await expect(aid.cards()).toHaveCount(5);
    await aid.fill('Prior lines of therapy (lines)', '1');
    const input = page.getByLabel('Prior lines of therapy (lines)', { exact: true });
    await expect(aid.fieldError('lines')).toContainText('Prior lines of therapy');
    await expect(aid.fieldError('lines')).toContainText('1 contradicts the disease setting, which follows at least 2 lines');
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(aid.problemSummary()).toContainText('Prior lines of therapy');
    await expect(aid.cards()).toHaveCount(0);
    await expect(input).toHaveValue('1');
    // One line fits a first relapse and a relapse after HSCT; none fits neither.
    await aid.choose('Disease setting', 'First relapse, CR1 ≥ 12 months');
    await expect(aid.fieldError('lines')).toHaveCount(0);
    await expect(aid.cards()).toHaveCount(5);
    await aid.fill('Prior lines of therapy (lines)', '0');
    await expect(aid.fieldError('lines')).toContainText('at least 1 line of therapy');
    await expect(aid.cards()).toHaveCount(0);
    await aid.choose('Disease setting', 'Relapse after allogeneic HSCT');
    await aid.choose('Prior allogeneic HSCT', 'Yes');
    await expect(aid.fieldError('lines')).toContainText('at least 1 line of therapy');
    await expect(aid.cards()).toHaveCount(0);
    // Primary refractory disease follows no relapse: 0 is accepted.
    await aid.choose('Disease setting', 'Primary refractory');
    await aid.choose('Prior allogeneic HSCT', 'No');
    await expect(aid.fieldError('lines')).toHaveCount(0);
    await expect(aid.cards()).toHaveCount(5);
  });

  test('dialysis with a creatinine clearance of 30 mL/min or more is refused at "On dialysis"', async ({ aid, page }) => {
    await aid.open();
    await aid.enter({ ...R2_ADULT, 'On dialysis': { choose: 'Yes' } });
    await expect(aid.fieldError('dial')).toContainText('On dialysis');
    await expect(aid.fieldError('dial')).toContainText('30 mL/min or more');
    await expect(page.getByLabel('On dialysis', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(aid.problemSummary()).toContainText('On dialysis');
    await expect(aid.cards()).toHaveCount(0);
    // Both values are kept; a clearance below 30 fits dialysis and the cards come back.
    await expect(aid.field('Creatinine clearance (mL/min)')).toHaveValue('100');
    await aid.fill('Creatinine clearance (mL/min)', '12');
    await expect(aid.fieldError('dial')).toHaveCount(0);
    await expect(aid.cards()).toHaveCount(5);
    await expect(aid.field('On dialysis').locator('option:checked')).toHaveText('Yes');
  });

  test('an empty form asks calmly for the required values (no alert)', async ({ aid, page }) => {
    await aid.open();
    await expect(page.getByRole('status').filter({ hasText: 'To see a recommendation' })).toContainText('Age');
    await expect(aid.problemSummary()).toHaveCount(0);
    await expect(page.locator('.field-error')).toHaveCount(0);
    await expect(aid.cards()).toHaveCount(0);
  });
});

test.describe('keyboard and citations', () => {
  test('the form can be filled by keyboard alone', async ({ aid, page }) => {
    await aid.open();
    const age = page.getByLabel('Age (years)', { exact: true });
    // Past the header's links (views, pages, label changes) and the form's own controls.
    for (let i = 0; i < 12; i += 1) {
      await page.keyboard.press('Tab');
      if (await age.evaluate((el) => el === document.activeElement)) break;
    }
    await expect(age).toBeFocused();
    await page.keyboard.type('34');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Weight (kg)', { exact: true })).toBeFocused();
    await page.keyboard.type('70');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Height (cm)', { exact: true })).toBeFocused();
    await page.keyboard.press('Tab');
    const setting = page.getByLabel('Disease setting', { exact: true });
    await expect(setting).toBeFocused();
    // On a closed select, arrow keys change the choice (Choose… → refractory → … → second relapse).
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowDown');
    await expect(setting).toHaveValue('r2');
    await expect(age).toHaveValue('34');
    await aid.expectStatus('blinatumomab', 'option');
    await expect(aid.schedule()).toContainText('fixed doses');
    await expect(page).toHaveURL(/[?&]set=r2(&|$)/);
    expect(page.url()).toContain('age=34');
  });

  test('a reason\'s citation expands to the source title and a verbatim quote', async ({ aid }) => {
    await aid.open();
    await aid.enter({ ...R2_ADULT, CD19: { choose: 'Negative' } });
    const reason = aid.reason('blinatumomab', 'E-CD19');
    const citation = reason.locator('details.citation').first();
    await expect(citation).toHaveAttribute('data-source', 'S1');
    await expect(citation.locator('.citation-title')).toBeHidden();
    await citation.locator('summary').click();
    await expect(citation).toHaveAttribute('open', '');
    await expect(citation.locator('.citation-title')).toHaveText('Blinatumomab in R/R ALL: pharmacology, toxicity and trials (review)');
    await expect(citation.locator('blockquote')).toHaveText(
      'More than 90% of cases of BCP ALL express CD19 in more than 20% of malignant cells, the intensity of expression being sufficient to make this therapy suitable in ALL.',
    );
    await expect(citation.locator('.citation-checked')).toHaveText(/^Checked \d{4}-\d{2}-\d{2}$/);
    // Keyboard: the summary is focusable and Enter closes it again.
    await citation.locator('summary').focus();
    await aid.page.keyboard.press('Enter');
    await expect(citation).not.toHaveAttribute('open', '');
  });

  test('an open citation keeps its quote when the answer changes around it', async ({ aid }) => {
    await aid.open();
    await aid.enter({ ...R2_ADULT, CD19: { choose: 'Negative' } });
    const citation = aid.reason('blinatumomab', 'E-CD19').locator('details.citation').first();
    // Folded, a citation holds only its key: the quote is built when it is first opened.
    await expect(citation.locator('.citation-body')).toHaveCount(0);
    await citation.locator('summary').click();
    await expect(citation.locator('.citation-title')).toBeVisible();
    await aid.fill('Age (years)', 35);
    await expect(citation).toHaveAttribute('open', '');
    await expect(citation.locator('.citation-title')).toHaveText('Blinatumomab in R/R ALL: pharmacology, toxicity and trials (review)');
    await expect(citation.locator('blockquote')).toContainText('More than 90% of cases of BCP ALL express CD19');
  });

  test('open citations show what a fresh page shows after the answer changes under them', async ({ aid, page }) => {
    // A new answer is drawn into the last one's elements, so an open citation's element can
    // come to stand for another source: what it shows must follow.
    const openAll = () => page.locator('details.citation').evaluateAll((els) => els.forEach((d) => { d.open = true; }));
    const shown = () => page.locator('section.results details.citation').evaluateAll((els) => els.map((d) => [
      d.getAttribute('data-source'),
      d.open,
      d.querySelectorAll(':scope > .citation-body').length,
      d.querySelector('.citation-body')?.textContent ?? '',
    ]));
    await aid.open('v=2&age=34&wt=72&ht=178&set=r2&bm=62&cd19=pos&cd22p=85&ph=neg&hsct=plan&cns=no');
    await openAll();
    await expect(page.locator('section.results details.citation:not(:has(> .citation-body))')).toHaveCount(0);
    // Changes that add, drop and reorder reasons, and so citations.
    await aid.choose('CD19', 'Negative');
    await aid.choose('Labels of', 'EU (EMA)');
    await aid.fill('Age (years)', 12);
    await expect(page.locator('[data-therapy="blinatumomab"]')).toHaveAttribute('data-status', 'not-eligible');
    await page.waitForTimeout(300);
    const after = await shown();
    for (const [source, open, bodies, text] of after) {
      // Open or not, a citation holds at most one expansion; an open one holds its own.
      expect(bodies, source).toBeLessThanOrEqual(1);
      if (open) expect(bodies, source).toBe(1);
      if (bodies) expect(text.length, source).toBeGreaterThan(0);
    }
    // The same link, freshly opened with every citation opened, shows the same expansions.
    const url = page.url();
    await aid.page.goto(url);
    await expect(page.locator('#scenarios')).toBeAttached();
    const fresh = page.locator('section.results details.citation');
    await fresh.evaluateAll((els) => els.forEach((d) => { d.open = true; }));
    await expect(page.locator('section.results details.citation:not(:has(> .citation-body))')).toHaveCount(0);
    const expected = await shown();
    const opened = (rows) => rows.filter(([, open]) => open).map(([source, , , text]) => [source, text]);
    const mine = new Map(after.filter(([, open]) => open).map(([s, , , t], i) => [i, [s, t]]));
    // Every open citation after the changes shows exactly what the fresh page shows for it.
    const freshTexts = new Map(opened(expected).map(([s, t]) => [`${s}\n${t}`, true]));
    for (const [, [source, text]] of mine) {
      expect(freshTexts.has(`${source}\n${text}`), `${source}: ${text.slice(0, 80)}`).toBe(true);
    }
    await aid.expectNoErrors();
  });

  test('the decision path lists every rule and marks those that fired', async ({ aid }) => {
    await aid.open();
    await aid.enter({ ...R2_ADULT, 'CNS status': { choose: 'Active CNS leukaemia' } });
    const path = aid.decisionPath();
    await expect(path.locator('[data-trace-rule]').first()).toBeHidden();
    await aid.openDecisionPath();
    // Every rule of version 2 of the specification, once each.
    await expect(path.locator('[data-trace-rule]')).toHaveCount(35);
    await expect(path.locator('[data-trace-rule="P-CNS"]')).toHaveClass(/fired/);
    await expect(path.locator('[data-trace-rule="P-CNS"]')).toContainText('CNS status = ');
    // The path gives each finding's words, for whom: the same words as the cards.
    await expect(path.locator('[data-trace-rule="P-CNS"] li')).toHaveText([
      /^Blinatumomab: Active CNS disease: risk of neurotoxicity/,
      /^Inotuzumab ozogamicin: Active CNS disease: inotuzumab is favoured/,
    ]);
    await expect(path.locator('[data-trace-rule="P-NEURO-HX"]')).not.toHaveClass(/fired/);
    await expect(path.locator('summary')).toContainText(/Decision path: \d+ of 35 rules fired/);
  });
});
