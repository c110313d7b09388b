// A page object for the decision aid: drives the form by its visible labels, as a user would,
// and reads results through the page's stable data hooks. Also exports a Playwright `test`
// whose `aid` fixture fails any test that logged a console error or threw a page error.
const base = require('@playwright/test');

const { expect } = base;

class Aid {
  constructor(page) {
    this.page = page;
    this.errors = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.errors.push(msg.text());
    });
    page.on('pageerror', (err) => this.errors.push(String(err)));
  }

  async open(query = '') {
    await this.page.goto(query ? `/?${query}` : '/');
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
    // The form is rendered by the app once the WebAssembly has started.
    await expect(this.page.getByRole('form', { name: 'Patient scenario' })).toBeVisible();
    // The app draws the page a step per task (src/steps.rs); the saved list comes last.
    await expect(this.page.locator('#scenarios')).toBeAttached();
  }

  field(label) {
    return this.page.getByLabel(label, { exact: true });
  }

  async fill(label, value) {
    await this.field(label).fill(String(value));
  }

  async choose(label, option) {
    await this.field(label).selectOption({ label: option });
  }

  /**
   * Fills the form through its labels. Keys are the visible labels (with units); values are
   * strings/numbers for text inputs, or `{ choose: 'Option label' }` for selects.
   */
  async enter(values) {
    for (const [label, value] of Object.entries(values)) {
      if (value && typeof value === 'object' && 'choose' in value) {
        await this.choose(label, value.choose);
      } else {
        await this.fill(label, value);
      }
    }
  }

  card(therapy) {
    return this.page.locator(`[data-therapy="${therapy}"]`);
  }

  cards() {
    return this.page.locator('[data-therapy]');
  }

  async expectStatus(therapy, status) {
    await expect(this.card(therapy)).toHaveAttribute('data-status', status);
  }

  /** Asserts several statuses at once: `{ blinatumomab: 'preferred', ... }`. */
  async expectStatuses(statuses) {
    for (const [therapy, status] of Object.entries(statuses)) {
      await this.expectStatus(therapy, status);
    }
  }

  /**
   * The reason with rule `id` on the card of `therapy` (a reason or a test still needed). The
   * card's folded label badge also names the label rules behind it; this is the visible reason.
   */
  reason(therapy, id) {
    return this.card(therapy).locator(`li.reason[data-rule="${id}"]`);
  }

  /** The rule IDs of the reasons inside `scope` (a locator), in display order. */
  async rulesIn(scope) {
    return scope.locator('li.reason[data-rule]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
  }

  /** Asserts that each of `ids` is shown as a reason on the card of `therapy`. */
  async expectRules(therapy, ids) {
    for (const id of ids) {
      await expect(this.reason(therapy, id).first(), `${therapy} shows ${id}`).toBeVisible();
    }
  }

  /** Asserts that none of `ids` is shown on the card of `therapy` (as a reason or in its label badge). */
  async expectNoRules(therapy, ids) {
    for (const id of ids) {
      await expect(this.card(therapy).locator(`[data-rule="${id}"]`), `${therapy} does not show ${id}`).toHaveCount(0);
    }
  }

  /** The card's folded label badge (whether the use is within the chosen region's label). */
  labelBadge(therapy) {
    return this.card(therapy).locator('details.label-badge');
  }

  /** The summary line of the card's label badge ("✓ Within the US label"). */
  labelSummary(therapy) {
    return this.labelBadge(therapy).locator(':scope > summary');
  }

  /** Asserts the card's label badge: `on`, `off` or `unknown`. */
  async expectLabel(therapy, label) {
    await expect(this.card(therapy)).toHaveAttribute('data-label', label);
    await expect(this.labelBadge(therapy)).toHaveAttribute('data-label-badge', label);
  }

  /** Unfolds the label badge of `therapy` and returns it. */
  async openLabelBadge(therapy) {
    const badge = this.labelBadge(therapy);
    await this.labelSummary(therapy).click();
    await expect(badge).toHaveAttribute('open', '');
    return badge;
  }

  /** "Eligibility by the US labels." above the cards. */
  regionLine() {
    return this.page.locator('.region-line');
  }

  /** The panel listing the therapies whose answer differs under the other region. */
  otherRegion() {
    return this.page.locator('[data-other-region]');
  }

  /** Chooses whose labels apply through the form's first field. */
  async chooseRegion(region) {
    await this.choose('Labels of', region === 'eu' ? 'EU (EMA)' : 'US (FDA)');
  }

  /** The one-sentence summary shown when no therapy is eligible. */
  allExcluded() {
    return this.page.locator('[data-all-excluded]');
  }

  /** The results' "check the units" warning (weight, height and age that do not fit). */
  plausibilityWarning() {
    // The column's own warning, above the cards (its markup host has no box of its own).
    return this.page.locator('.results > .answer-part > [data-warning="plausibility"]');
  }

  /** The label changes since the papers, on the "how this works" page (how.html). */
  labelChanges() {
    return this.page.locator('section#label-changes[data-label-changes]');
  }

  /** The list of label documents, on the "how this works" page (how.html). */
  documents() {
    return this.page.locator('section[data-documents]');
  }

  /** The "trial data" link of a reason to the evidence page's row `trial`. */
  trialLink(therapy, rule, trial) {
    return this.reason(therapy, rule).locator(`a.trial-link[data-trial-link="${trial}"]`);
  }

  /** The folded outcome chart of a therapy's card. */
  cardChart(therapy) {
    return this.card(therapy).locator('details.card-chart');
  }

  debulking() {
    return this.page.locator('[data-debulking]');
  }

  async expectDebulking(level) {
    await expect(this.debulking()).toHaveAttribute('data-debulking', level);
  }

  notes() {
    return this.page.locator('section.notes');
  }

  conflict() {
    return this.page.locator('[data-conflict]');
  }

  /** A dosing card: `blinatumomab` (the default) or `inotuzumab`. */
  schedule(drug = 'blinatumomab') {
    return this.page.locator(`[data-schedule="${drug}"]`);
  }

  /** The inline error message of the field with this URL key. */
  fieldError(key) {
    return this.page.locator(`[data-field="${key}"]`);
  }

  /** The "Check these entries" summary (role=alert). */
  problemSummary() {
    return this.page.getByRole('alert').filter({ has: this.page.getByRole('heading', { name: 'Check these entries' }) });
  }

  /** The "Parts of this link were not used" notice (role=alert). */
  linkIssues() {
    return this.page.getByRole('alert').filter({ has: this.page.getByRole('heading', { name: 'Parts of this link were not used' }) });
  }

  decisionPath() {
    return this.page.locator('details[data-path]');
  }

  async openDecisionPath() {
    await this.decisionPath().locator('summary').click();
    await expect(this.decisionPath()).toHaveAttribute('open', '');
  }

  async expectNoErrors() {
    expect(this.errors, this.errors.join('\n')).toEqual([]);
  }
}

/** `test` with an `aid` fixture that checks, after each test, that nothing was logged as an error. */
const test = base.test.extend({
  aid: async ({ page }, use) => {
    const aid = new Aid(page);
    await use(aid);
    expect(aid.errors, `console or page errors:\n${aid.errors.join('\n')}`).toEqual([]);
  },
});

/**
 * A complex scenario: conflict, debulking (D-1, D-2, D-PH) and cytoreduction before inotuzumab
 * (D-3), notes, BSA-based schedules, and answers that differ under the EU labels.
 */
const FULL_SCENARIO =
  'v=2&age=45&wt=40&ht=160&set=r2&bm=70&pb=20000&ldhs=high&emd=bulk&cns=active&cd19=pos&cd22=pos' +
  '&ph=pos&tkis=1&t315i=yes&hsct=plan&phsct=yes&lines=3&pblin=resp&pino=no&pcart=no&kmt2a=yes' +
  '&treg=15&crcl=25&dial=no&liver=vod';

module.exports = { Aid, test, expect, FULL_SCENARIO };
