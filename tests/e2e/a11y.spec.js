// Accessibility: axe-core scans (WCAG 2.0/2.1 A and AA) with zero violations, in light and dark,
// on the empty page, on a full scenario (conflict, debulking, notes, both schedules, the other
// region's answers, decision path, a label badge, a citation with its document and trial
// link, a card's outcome chart opened), on a scenario with no eligible therapy (a schedule folded for
// reference, opened), and on the error states (invalid input, link issues).
const AxeBuilder = require('@axe-core/playwright').default;
const { test, expect, FULL_SCENARIO } = require('./aid');

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One readable line per failing node: rule, impact, target, and axe's own summary. */
function describe(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    - ${n.target.join(' ')}\n      ${n.failureSummary.replace(/\n/g, '\n      ')}`)
        .join('\n');
      return `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join('\n\n');
}

async function expectNoViolations(page) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(violations, `axe violations:\n${describe(violations)}`).toEqual([]);
}

for (const colorScheme of ['light', 'dark']) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme });

    test('the empty page has no axe violations', async ({ aid, page }) => {
      await aid.open();
      await expect(page.getByRole('status').filter({ hasText: 'To see a recommendation' })).toBeVisible();
      await expectNoViolations(page);
    });

    test('a full scenario (conflict, debulking, notes, schedules, other region, open decision path, label badge, trial links and an outcome chart) has no axe violations', async ({ aid, page }) => {
      await aid.open(FULL_SCENARIO);
      await expect(aid.conflict()).toBeVisible();
      await expect(aid.notes()).toBeVisible();
      await aid.expectDebulking('required');
      await expect(aid.schedule()).toContainText('converted with BSA');
      await expect(aid.schedule('inotuzumab')).toContainText('converted with BSA');
      await expect(aid.otherRegion()).toBeVisible();
      await aid.openDecisionPath();
      await aid.reason('blinatumomab', 'P-HSCT').locator('details.citation summary').first().click();
      await aid.openLabelBadge('blinatumomab');
      // A label fact's citation, with its document's external link and caveat.
      await aid.labelBadge('blinatumomab').locator('details.citation summary').first().click();
      await expect(aid.labelBadge('blinatumomab').locator('.citation-doc a').first()).toBeVisible();
      await expect(aid.trialLink('blinatumomab', 'P-BURDEN', 'italian')).toBeVisible();
      await aid.cardChart('inotuzumab').locator('summary').click();
      await expect(aid.cardChart('inotuzumab').locator('img')).toBeVisible();
      await expectNoViolations(page);
    });

    test('a scenario where no therapy is eligible, with a folded reference schedule opened, has no axe violations', async ({ aid, page }) => {
      // MRD-positive in a third CR: outside every label.
      await aid.open('v=2&age=34&set=mrd&crn=3&mrd=0.1&cns=no&cd19=pos&ph=neg&crcl=100');
      await expect(aid.allExcluded()).toBeVisible();
      await aid.schedule().locator('details.reference > summary').click();
      await expect(aid.schedule().locator('details.reference')).toHaveAttribute('open', '');
      await expectNoViolations(page);
    });

    test('saved scenarios, an import report, "what would change it" after a step, and a comparison have no axe violations', async ({ aid, page }) => {
      await aid.open('v=2&age=17&set=r2&bm=62&cd19=pos&cd22=pos&ldhs=norm&emd=no&pb=1000');
      for (const name of ['First', 'Second']) {
        await page.getByLabel('Name', { exact: true }).fill(name);
        await page.getByRole('button', { name: 'Save this scenario' }).click();
      }
      await page.locator('[data-suggestion="bm"] button').first().click();
      await expect(page.locator('[data-undo]')).toBeVisible();
      await page.locator('[data-import]').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"format": 1}') });
      await expect(page.locator('[data-import-problems]')).toBeVisible();
      await page.locator('[data-saved="First"] button', { hasText: 'Rename' }).click();
      await expectNoViolations(page);
      await page.getByRole('checkbox', { name: 'Select “First” to compare' }).check();
      await page.getByRole('checkbox', { name: 'Select “Second” to compare' }).check();
      await page.locator('[data-compare-selected]').click();
      await expect(page.locator('[data-compare]')).toBeVisible();
      await expectNoViolations(page);
    });

    test('the teaching cases page, with the sources of a case opened, has no axe violations', async ({ page }) => {
      await page.goto('/teaching.html');
      await page.locator('[data-teaching-case] details summary').first().click();
      await expectNoViolations(page);
    });

    test('invalid input and link issues have no axe violations', async ({ aid, page }) => {
      await aid.open('age=34&set=r2&bm=150&foo=1&cns=maybe');
      await expect(aid.linkIssues()).toBeVisible();
      await expect(aid.problemSummary()).toBeVisible();
      await expect(aid.fieldError('bm')).toBeVisible();
      await expectNoViolations(page);
    });
  });
}
