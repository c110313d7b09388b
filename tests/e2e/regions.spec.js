// Labels by region: the region is the form's first field and part of the link; every card
// says whether the use is within the chosen region's label; eligibility reasons name the
// region; a panel lists what the other region would answer, with one click to switch; the
// "how this works" page lists the label changes since the papers, each with its public
// document, and the documents themselves.
const { test, expect } = require('./aid');

// History that caution rules read (prior exposure to each drug included), known and
// unremarkable, with the burden known and low.
const KNOWN = {
  ph: 'neg',
  emd: 'no',
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

// A 22-year-old in second relapse, CD19 and CD22 positive: within every US CAR-T label, but
// the EU labels brexucabtagene and obecabtagene from 26 years.
const YOUNG_ADULT = { age: 22, set: 'r2', cd19: 'pos', cd22: 'pos', ...KNOWN };

test('choosing EU in the form excludes brexucabtagene at 22 (EU: from 26 years) and writes reg=eu into the link', async ({ aid, page }) => {
  await aid.open();
  // The region is the form's first field, US by default.
  await expect(page.locator('form.scenario').locator('input, select').first()).toHaveAttribute('id', 'f-reg');
  await expect(aid.field('Labels of').locator('option:checked')).toHaveText('US (FDA)');
  await aid.enter({
    'Age (years)': 22,
    'Disease setting': { choose: 'Second or later relapse' },
    CD19: { choose: 'Positive' },
    CD22: { choose: 'Positive' },
  });
  await expect(aid.regionLine()).toHaveText('Eligibility by the US labels.');
  await expect(aid.card('brexucabtagene')).not.toHaveAttribute('data-status', 'not-eligible');
  await aid.expectLabel('brexucabtagene', 'on');
  await expect(aid.labelSummary('brexucabtagene')).toContainText('Within the US label');
  await expect(page).not.toHaveURL(/reg=/);

  await page.locator('#f-reg').selectOption('eu');
  await aid.expectStatus('brexucabtagene', 'not-eligible');
  await aid.expectLabel('brexucabtagene', 'off');
  await expect(aid.labelSummary('brexucabtagene')).toContainText('Outside the EU label');
  await expect(aid.reason('brexucabtagene', 'E-CART')).toContainText('EU label');
  await expect(aid.reason('brexucabtagene', 'E-CART')).toContainText('from 26 years; the patient is 22 years');
  await aid.expectStatus('obecabtagene', 'not-eligible');
  // Tisagenlecleucel is labelled up to 25 in both regions.
  await expect(aid.card('tisagenlecleucel')).not.toHaveAttribute('data-status', 'not-eligible');
  await expect(aid.regionLine()).toHaveText('Eligibility by the EU labels.');
  await expect(page).toHaveURL(/[?&]reg=eu(&|$)/);
  // Region first, right after the version.
  expect(new URL(page.url()).search).toMatch(/^\?v=2&reg=eu&age=22&/);

  // Back to US: the default is not written into the link.
  await aid.chooseRegion('us');
  await aid.expectLabel('brexucabtagene', 'on');
  await expect(page).not.toHaveURL(/reg=/);
});

test('a link with reg=eu opens with the EU answer, and every eligibility reason names the EU', async ({ aid }) => {
  await aid.open(link({ reg: 'eu' }, YOUNG_ADULT, { liver: 'vod' }));
  await expect(aid.field('Labels of').locator('option:checked')).toHaveText('EU (EMA)');
  await expect(aid.regionLine()).toHaveText('Eligibility by the EU labels.');
  await aid.expectStatuses({
    tisagenlecleucel: 'option',
    brexucabtagene: 'not-eligible',
    obecabtagene: 'not-eligible',
    // Prior VOD/SOS: contraindicated in the EU (E-INO-LIVER); in the US only a caution.
    inotuzumab: 'not-eligible',
  });
  await aid.expectRules('inotuzumab', ['E-INO-LIVER']);
  await aid.expectLabel('inotuzumab', 'off');
  await aid.expectNoRules('inotuzumab', ['P-VOD']);
  const eligibility = aid.page.locator('[data-therapy] li.reason[data-effect="excludes"]');
  expect(await eligibility.count()).toBeGreaterThanOrEqual(3);
  for (const text of await eligibility.locator('.reason-text').allTextContents()) {
    expect(text).toMatch(/^EU label/);
  }
  // The same link in the US.
  await aid.chooseRegion('us');
  await aid.expectStatuses({ brexucabtagene: 'option', obecabtagene: 'option', inotuzumab: 'caution' });
  await aid.expectRules('inotuzumab', ['P-VOD']);
  await aid.expectNoRules('inotuzumab', ['E-INO-LIVER']);
});

test('the other region\'s panel lists exactly the therapies whose answer differs, and its button switches', async ({ aid, page }) => {
  await aid.open(link(YOUNG_ADULT));
  const panel = aid.otherRegion();
  await expect(panel).toHaveAttribute('data-other-region', 'eu');
  await expect(panel.getByRole('heading')).toHaveText('What the EU labels say');
  const lines = panel.locator('li[data-region-therapy]');
  await expect(lines).toHaveCount(2);
  await expect(panel.locator('li[data-region-therapy="brexucabtagene"]')).toContainText('Option → Not eligible');
  await expect(panel.locator('li[data-region-therapy="brexucabtagene"]')).toContainText('EU label');
  await expect(panel.locator('li[data-region-therapy="brexucabtagene"]')).toContainText('26 years');
  await expect(panel.locator('li[data-region-therapy="obecabtagene"]')).toContainText('Option → Not eligible');
  // What the panel says matches what the EU cards then show.
  await panel.locator('[data-switch-region="eu"]').click();
  await expect(aid.field('Labels of')).toHaveValue('eu');
  await expect(page).toHaveURL(/[?&]reg=eu(&|$)/);
  await aid.expectStatuses({ brexucabtagene: 'not-eligible', obecabtagene: 'not-eligible' });
  await expect(aid.regionLine()).toHaveText('Eligibility by the EU labels.');
  // Now the panel looks back at the US, and switches back.
  await expect(panel).toHaveAttribute('data-other-region', 'us');
  await expect(panel.locator('li[data-region-therapy="brexucabtagene"]')).toContainText('Not eligible → Option');
  await expect(lines).toHaveCount(2);
  await panel.getByRole('button', { name: 'Switch to US labels' }).click();
  await expect(aid.field('Labels of')).toHaveValue('us');
  await expect(page).not.toHaveURL(/reg=/);
  await aid.expectStatuses({ brexucabtagene: 'option', obecabtagene: 'option' });
});

test('where both regions answer alike, there is no other-region panel', async ({ aid }) => {
  await aid.open(link(YOUNG_ADULT, { age: 34 }));
  await expect(aid.cards()).toHaveCount(5);
  await expect(aid.otherRegion()).toHaveCount(0);
});

test('an EU child: inotuzumab\'s label is not decidable ("EU paediatric label not found"), neither excluded nor within', async ({ aid }) => {
  await aid.open(link({ reg: 'eu', age: 8, wt: 25, ht: 125 }, YOUNG_ADULT, { age: 8, lines: 2 }));
  await aid.expectLabel('inotuzumab', 'unknown');
  await expect(aid.card('inotuzumab')).not.toHaveAttribute('data-status', 'not-eligible');
  await expect(aid.card('inotuzumab')).not.toHaveAttribute('data-status', 'preferred');
  const needed = aid.card('inotuzumab').locator('.tests-needed li.reason[data-rule="E-INO-AGE"]');
  await expect(needed).toContainText('EU paediatric label not found');
  const badge = await aid.openLabelBadge('inotuzumab');
  await expect(aid.labelSummary('inotuzumab')).toContainText('EU label: not decidable yet');
  await expect(badge).toContainText('EU paediatric label not found');
  // The US label covers children from 1 year: the other region's panel says so.
  await expect(aid.otherRegion().locator('li[data-region-therapy="inotuzumab"]')).toContainText('Within the US label');
  await aid.chooseRegion('us');
  await aid.expectLabel('inotuzumab', 'on');
  await expect(aid.card('inotuzumab')).not.toContainText('EU paediatric label not found');
});

test('the header link opens the label changes on the how page: every change names the document it rests on', async ({ aid, page }) => {
  await aid.open();
  await page.locator('[data-nav="label-changes"]').click();
  await expect(page).toHaveURL(/how\.html#label-changes$/);
  const changes = aid.labelChanges();
  await expect(changes.locator('h2')).toContainText(/Label changes since the papers \(checked \d{4}-\d{2}-\d{2}\)/);
  const rows = changes.locator('tr[data-label-change]');
  const count = await rows.count();
  expect(count).toBeGreaterThanOrEqual(8);
  await expect(changes.locator('h2')).toBeInViewport();
  for (let i = 0; i < count; i += 1) {
    const row = rows.nth(i);
    const topic = await row.getAttribute('data-label-change');
    await expect(row.locator('th[scope="row"]'), topic).toHaveText(topic);
    const now = row.locator('td[data-label="The labels now"]');
    const documents = now.locator('li small');
    expect(await documents.count(), `${topic}: each current fact names its document`).toBeGreaterThan(0);
    for (const name of await documents.allTextContents()) {
      expect(name, topic).toMatch(/^— \S.+, \S/);
    }
    await expect(row.locator('td[data-label="In this aid"]'), topic).not.toBeEmpty();
  }
  await expect(changes.locator('tr[data-label-change="Tisagenlecleucel: age limit 21 → 25 years"]')).toContainText('21 years old and younger');
  await expect(changes.locator('tr[data-label-change="Inotuzumab and the liver in the EU"]')).toContainText('Not in the papers.');
});

test('the how page lists the label documents, each with publisher and address; secondary ones carry the caveat', async ({ aid, page }) => {
  await page.goto('/how.html#documents');
  const documents = aid.documents();
  const items = documents.locator('li');
  const count = await items.count();
  expect(count).toBeGreaterThan(10);
  for (let i = 0; i < count; i += 1) {
    const item = items.nth(i);
    const key = await item.locator('strong').textContent();
    expect(key.trim(), `document ${i} has a key`).not.toBe('');
    // Title, publisher and an address (host and path), in that order.
    const text = await item.textContent();
    expect(text.startsWith(`${key}: `), text).toBe(true);
    expect(text.slice(key.length + 2), key).toMatch(/^.+\. .+\. /);
    await expect(item.locator('.address'), key).toHaveText(/^[\w.-]+\.[a-z]{2,}(\/\S*)?$/);
  }
  await expect(items.filter({ hasText: 'verify against the current label' }).first()).toBeVisible();
  await expect(items.filter({ hasText: 'FDA approves inotuzumab ozogamicin for pediatric patients' })).toContainText('6 Mar 2024');
});
