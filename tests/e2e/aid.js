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

  /** The rule IDs of the reasons inside `scope` (a locator), in display order. */
  async rulesIn(scope) {
    return scope.locator('[data-rule]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
  }

  /** Asserts that each of `ids` is shown as a reason on the card of `therapy`. */
  async expectRules(therapy, ids) {
    for (const id of ids) {
      await expect(this.card(therapy).locator(`[data-rule="${id}"]`).first(), `${therapy} shows ${id}`).toBeVisible();
    }
  }

  /** Asserts that none of `ids` is shown on the card of `therapy`. */
  async expectNoRules(therapy, ids) {
    for (const id of ids) {
      await expect(this.card(therapy).locator(`[data-rule="${id}"]`), `${therapy} does not show ${id}`).toHaveCount(0);
    }
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

  schedule() {
    return this.page.locator('[data-schedule]');
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

/** A complex scenario: conflict, debulking, notes, BSA-based schedule. */
const FULL_SCENARIO =
  'v=1&age=45&wt=40&ht=160&set=r2&bm=70&pb=20000&ldhs=high&emd=bulk&cns=active&cd19=pos&cd22=pos' +
  '&ph=pos&tki=yes&t315i=yes&hsct=plan&phsct=yes&lines=3&pblin=resp&pino=no&pcart=no&kmt2a=yes' +
  '&treg=15&crcl=25&dial=no&liver=vod';

module.exports = { Aid, test, expect, FULL_SCENARIO };
