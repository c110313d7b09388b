// The pages generated at build time: "how this works" (how.html) and the evidence browser
// (evidence.html) with its charts. The app links to them from its header, from every reason
// (its rule, and the trial data its citations quote) and from each card's outcome chart; they
// carry no script, filter without one, and pass axe in light and dark.
const fs = require('fs');
const path = require('path');
const AxeBuilder = require('@axe-core/playwright').default;
const { test, expect } = require('./aid');

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const DIST = path.join(__dirname, '..', '..', 'target', 'e2e-dist');

// High marrow blasts: P-BURDEN cites the Italian cohort; blinatumomab's chart is the one by
// marrow blasts. A high Treg count brings in P-TREG-LDH, whose source quotes no trial figures.
const HIGH_BURDEN =
  'v=2&age=34&wt=70&ht=175&set=r2&bm=62&pb=0&ldhs=norm&emd=no&cns=no&cd19=pos&cd22=pos&ph=neg' +
  '&hsct=no&phsct=no&lines=2&pblin=no&pino=no&pcart=no&crcl=100&liver=no&treg=15';

async function expectNoViolations(page) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = violations
    .map((v) => `[${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `    - ${n.target.join(' ')}`).join('\n')}`)
    .join('\n');
  expect(violations, `axe violations:\n${summary}`).toEqual([]);
}

/** The trial rows the evidence page shows (not hidden by a filter). */
async function visibleTrials(page) {
  return page.locator('article.trial').evaluateAll((els) =>
    els.filter((e) => getComputedStyle(e).display !== 'none').map((e) => e.getAttribute('data-trial')),
  );
}

test('the header links open the evidence and "how this works" pages, which link back and to each other', async ({ aid, page }) => {
  await aid.open();
  await page.locator('header [data-nav="evidence"]').click();
  await expect(page).toHaveURL(/\/evidence\.html$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Evidence');
  await expect(page.locator('nav [data-nav="evidence"]')).toHaveAttribute('aria-current', 'page');
  await page.locator('nav [data-nav="how"]').click();
  await expect(page).toHaveURL(/\/how\.html$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How this works');
  await page.locator('nav [data-nav="aid"]').click();
  await expect(page.getByRole('form', { name: 'Patient scenario' })).toBeVisible();
  await page.locator('header [data-nav="how"]').click();
  await expect(page).toHaveURL(/\/how\.html$/);
});

test('the pages run no script, load only their own files and name the snapshot', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  for (const file of ['how.html', 'evidence.html']) {
    await page.goto(`/${file}`);
    expect(await page.locator('script').count(), file).toBe(0);
    expect(await page.locator('[style]').count(), file).toBe(0);
    await expect(page.locator('.site-footer')).toContainText(/Evidence snapshot \S+, label facts checked \d{4}-\d{2}-\d{2}\. Rule set version \S+\./);
  }
  for (const url of requests) {
    expect(new URL(url).origin, url).toBe(new URL(page.url()).origin);
  }
  // Precompressed beside each page and chart, like every other asset of the build.
  for (const file of ['how.html', 'evidence.html', 'pages.css', 'charts/blinatumomab-burden.svg']) {
    expect(fs.existsSync(path.join(DIST, `${file}.br`)), `${file}.br`).toBe(true);
    expect(fs.existsSync(path.join(DIST, `${file}.gz`)), `${file}.gz`).toBe(true);
  }
});

test('the how page lists every rule the engine evaluates, each with an anchor and its sources', async ({ aid, page }) => {
  await aid.open(HIGH_BURDEN);
  await aid.openDecisionPath();
  const evaluated = await page.locator('[data-trace-rule]').evaluateAll((els) => els.map((e) => e.getAttribute('data-trace-rule')));
  expect(evaluated.length).toBeGreaterThan(30);
  await page.goto('/how.html');
  const listed = await page.locator('article.rule[data-rule]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
  expect(listed).toEqual(evaluated);
  for (const id of listed) {
    const rule = page.locator(`article[data-rule="${id}"]`);
    await expect(rule, id).toHaveAttribute('id', `rule-${id}`);
    expect(await rule.locator('.sources > li').count(), `${id} has sources`).toBeGreaterThan(0);
  }
  // Every input is described, with the rules that read it.
  await expect(page.locator('tr#input-bm')).toContainText('Marrow blasts');
  await expect(page.locator('tr#input-bm a[href="#rule-P-BURDEN"]')).toBeVisible();
  await expect(page.locator('#limitations')).toContainText('Data in children are limited');
});

test('a reason links its rule to the how page and its trial data to the row, which lists the rule', async ({ aid, page }) => {
  await aid.open(HIGH_BURDEN);
  const reason = aid.reason('blinatumomab', 'P-BURDEN');
  await expect(reason).toBeVisible();
  await reason.locator('a.rule-id').click();
  await expect(page).toHaveURL(/\/how\.html#rule-P-BURDEN$/);
  await expect(page.locator('article#rule-P-BURDEN')).toBeInViewport();
  await page.goBack();
  const link = aid.trialLink('blinatumomab', 'P-BURDEN', 'italian');
  await expect(link).toHaveAccessibleName(/^Trial data\s+\(Italian debulking cohort\)$/);
  await link.click();
  await expect(page).toHaveURL(/\/evidence\.html#trial-italian$/);
  const row = page.locator('article#trial-italian[data-trial="italian"]');
  await expect(row).toBeInViewport();
  await expect(row.locator('li[data-rule="P-BURDEN"] a')).toHaveAttribute('href', 'how.html#rule-P-BURDEN');
  await expect(row.locator('[data-field="result"]')).toContainText('12/13 below 50% vs 10/20 at 50% or more');
  await expect(row.locator('.sources blockquote').first()).toBeVisible();
  // A reason whose sources quote no trial figures has no trial link.
  await page.goBack();
  const prose = aid.reason('blinatumomab', 'P-TREG-LDH');
  await expect(prose).toBeVisible();
  await expect(prose.locator('a.trial-link')).toHaveCount(0);
});

test('the filters show the rows of one therapy, setting and age group, and say when none match', async ({ page }) => {
  await page.goto('/evidence.html');
  const all = await visibleTrials(page);
  expect(all.length).toBeGreaterThanOrEqual(14);
  await expect(page.locator('[data-no-match]')).toBeHidden();

  await page.locator('fieldset[data-filter="therapy"]').getByText('Inotuzumab ozogamicin', { exact: true }).click();
  expect(await visibleTrials(page)).toEqual(['ino-vate', 'ino-paediatric']);
  await page.locator('fieldset[data-filter="ages"]').getByText('Children', { exact: true }).click();
  expect(await visibleTrials(page)).toEqual(['ino-paediatric']);
  await page.locator('fieldset[data-filter="setting"]').getByText('MRD-positive in CR', { exact: true }).click();
  expect(await visibleTrials(page)).toEqual([]);
  await expect(page.locator('[data-no-match]')).toBeVisible();

  await page.locator('fieldset[data-filter="therapy"]').getByText('Blinatumomab', { exact: true }).click();
  await page.locator('fieldset[data-filter="ages"]').getByText('All', { exact: true }).click();
  const mrd = await visibleTrials(page);
  expect(mrd).toEqual(['badar', 'blast', 'topp-mrd', 'richard-carpentier']);
  await expect(page.locator('[data-no-match]')).toBeHidden();

  await page.locator('fieldset[data-filter="therapy"]').getByText('CD19 CAR-T', { exact: true }).click();
  await page.locator('fieldset[data-filter="setting"]').getByText('All', { exact: true }).click();
  expect(await visibleTrials(page)).toEqual(['eliana', 'zuma-3', 'felix']);
  // The radios work from the keyboard.
  await page.locator('#f-therapy-car-t').focus();
  await page.keyboard.press('ArrowLeft');
  expect(await visibleTrials(page)).toEqual(['ino-vate', 'ino-paediatric']);
});

test('every row gives patients, regimen, outcomes and n, with its sources; every chart a drawing, caption and table', async ({ page }) => {
  await page.goto('/evidence.html');
  const rows = page.locator('article.trial');
  const count = await rows.count();
  for (let i = 0; i < count; i += 1) {
    const row = rows.nth(i);
    const id = await row.getAttribute('data-trial');
    await expect(row, id).toHaveAttribute('id', `trial-${id}`);
    for (const field of ['population', 'n', 'regimen', 'result']) {
      await expect(row.locator(`[data-field="${field}"]`), `${id} ${field}`).not.toBeEmpty();
    }
    expect(await row.locator('.sources > li').count(), id).toBeGreaterThan(0);
  }
  await expect(page.locator('#trial-zuma-3 [data-field="result"]')).toHaveText('CR 52% (28 of 54)');
  await expect(page.locator('#trial-felix [data-field="n"]')).toHaveText('Not given in the sources');
  const figures = page.locator('figure[data-chart]');
  expect(await figures.count()).toBeGreaterThanOrEqual(9);
  for (let i = 0; i < (await figures.count()); i += 1) {
    const figure = figures.nth(i);
    const id = await figure.getAttribute('data-chart');
    await expect(figure.locator('svg[role="img"] > title'), id).toHaveCount(1);
    await expect(figure.locator('figcaption'), id).toContainText(/Source: .+(n = \d+|n not given)/);
    expect(await figure.locator('table tbody tr').count(), id).toBeGreaterThan(0);
  }
  // n is visible: a cohort of 9 is drawn as 9 squares, a trial of 189 as 189.
  await expect(page.locator('#chart-response-blinatumomab')).toContainText('66.7%');
  const squares = await page.locator('#chart-response-blinatumomab svg .icons').evaluateAll((gs) => gs.map((g) => g.querySelectorAll('rect').length));
  expect(squares).toContain(9);
  expect(squares).toContain(189);
  // No quote shows LaTeX or markdown.
  const raw = await page.locator('blockquote').evaluateAll((els) =>
    els.map((e) => e.textContent).filter((t) => /\$|\\|\*\*|\^\{|_\{/.test(t)),
  );
  expect(raw).toEqual([]);
});

test('each card shows the chart the engine finds most relevant, as an image of the build', async ({ aid, page }) => {
  await aid.open(HIGH_BURDEN);
  const chart = aid.cardChart('blinatumomab');
  await expect(chart.locator('figure')).toHaveAttribute('data-chart', 'blinatumomab-burden');
  await chart.locator('summary').click();
  const img = chart.locator('img');
  await expect(img).toHaveAttribute('src', 'charts/blinatumomab-burden.svg');
  await expect(img).toHaveAttribute('alt', /CR by marrow blasts/);
  await expect.poll(() => img.evaluate((e) => e.complete && e.naturalWidth)).toBeGreaterThan(0);
  await expect(chart.locator('figcaption')).toContainText('Italian debulking cohort: S4, n = 34');
  await expect(aid.cardChart('obecabtagene').locator('figure')).toHaveAttribute('data-chart', 'felix-burden');
  await expect(aid.cardChart('inotuzumab').locator('figure')).toHaveAttribute('data-chart', 'response-inotuzumab');
  // Below 50% blasts, the response across trials instead.
  await aid.fill('Marrow blasts (%)', '20');
  await expect(aid.cardChart('blinatumomab').locator('figure')).toHaveAttribute('data-chart', 'response-blinatumomab');
  // In MRD-positive CR, survival by MRD response.
  await aid.open('v=2&age=34&set=mrd&crn=1&mrd=0.5&cd19=pos&ph=neg&cns=no&crcl=100');
  await expect(aid.cardChart('blinatumomab').locator('figure')).toHaveAttribute('data-chart', 'mrd-response');
  const response = await page.request.get('/charts/mrd-response.svg');
  expect(response.ok()).toBe(true);
  expect(await response.text()).toContain('<desc id="desc">');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('neither page scrolls sideways', async ({ page }) => {
    for (const file of ['how.html', 'evidence.html']) {
      await page.goto(`/${file}`);
      const { scroll, client } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(scroll, `${file} is ${scroll}px wide in a ${client}px viewport`).toBeLessThanOrEqual(client);
    }
  });
});

for (const colorScheme of ['light', 'dark']) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme });

    test('the how page has no axe violations', async ({ page }) => {
      await page.goto('/how.html');
      await expectNoViolations(page);
    });

    test('the evidence page, filtered and unfiltered, has no axe violations', async ({ page }) => {
      await page.goto('/evidence.html');
      await expectNoViolations(page);
      await page.locator('fieldset[data-filter="therapy"]').getByText('Inotuzumab ozogamicin', { exact: true }).click();
      await page.locator('fieldset[data-filter="setting"]').getByText('MRD-positive in CR', { exact: true }).click();
      await expect(page.locator('[data-no-match]')).toBeVisible();
      await expectNoViolations(page);
    });
  });
}
