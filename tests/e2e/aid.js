// A page object for the decision aid: drives the form by its visible labels, as a user would.
const { expect } = require('@playwright/test');

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
  }

  async fill(label, value) {
    await this.page.getByLabel(label, { exact: true }).fill(String(value));
  }

  async choose(label, option) {
    await this.page.getByLabel(label, { exact: true }).selectOption({ label: option });
  }

  card(therapy) {
    return this.page.locator(`[data-therapy="${therapy}"]`);
  }

  async expectStatus(therapy, status) {
    await expect(this.card(therapy)).toHaveAttribute('data-status', status);
  }

  debulking() {
    return this.page.locator('[data-debulking]');
  }

  async expectNoErrors() {
    expect(this.errors, this.errors.join('\n')).toEqual([]);
  }
}

module.exports = { Aid };
