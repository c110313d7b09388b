// The decision path drawn as a diagram: its rule nodes are the engine's trace (the list below
// it is the text equivalent), every edge starts at a fired rule and ends at a status that
// rule's reason is shown for, it works by keyboard, and it fits a phone without sideways
// page scroll.
const { test, expect } = require('./aid');

const KNOWN = {
  'CNS status': { choose: 'No CNS involvement or history' },
  'Ph (BCR-ABL1)': { choose: 'Negative' },
  'Allogeneic HSCT': { choose: 'Not a candidate' },
  'Prior allogeneic HSCT': { choose: 'No' },
  'Prior blinatumomab': { choose: 'No' },
  'Prior inotuzumab ozogamicin': { choose: 'No' },
  'Prior CD19 CAR-T': { choose: 'No' },
  'Creatinine clearance (mL/min)': 100,
  Liver: { choose: 'No liver disease' },
  'Extramedullary disease (non-CNS)': { choose: 'None' },
  LDH: { choose: 'Normal' },
};

const SCENARIOS = {
  'a relapsed adult with high burden': {
    'Age (years)': 34,
    'Disease setting': { choose: 'Second or later relapse' },
    'Marrow blasts (%)': 80,
    CD19: { choose: 'Positive' },
    CD22: { choose: 'Positive' },
    ...KNOWN,
  },
  'a CD19-negative relapse with active CNS disease': {
    'Age (years)': 15,
    'Disease setting': { choose: 'First relapse, CR1 < 12 months' },
    'Marrow blasts (%)': 30,
    CD19: { choose: 'Negative' },
    CD22: { choose: 'Positive' },
    ...KNOWN,
    'CNS status': { choose: 'Active CNS leukaemia' },
  },
  'a patient with unknown markers': {
    'Age (years)': 60,
    'Disease setting': { choose: 'Primary refractory' },
    'Marrow blasts (%)': 20,
  },
};

for (const [name, values] of Object.entries(SCENARIOS)) {
  test(`the diagram draws the trace for ${name}`, async ({ aid, page }) => {
    await aid.open();
    await aid.enter(values);
    await aid.openDecisionPath();
    const path = aid.decisionPath();
    const nodes = path.locator('[data-path-node]');
    await expect(nodes).toHaveCount(35);
    // Fired nodes are exactly the fired rules of the text list, in the same order.
    const firedNodes = await path.locator('[data-path-node][data-fired="true"]').evaluateAll(
      (els) => els.map((e) => e.getAttribute('data-path-node')));
    const firedRules = await path.locator('li[data-trace-rule].fired').evaluateAll(
      (els) => els.map((e) => e.getAttribute('data-trace-rule')));
    expect(firedNodes.length).toBeGreaterThan(0);
    expect(firedNodes).toEqual(firedRules);
    const all = await nodes.evaluateAll((els) => els.map((e) => e.getAttribute('data-path-node')));
    const listed = await path.locator('li[data-trace-rule]').evaluateAll(
      (els) => els.map((e) => e.getAttribute('data-trace-rule')));
    expect(all).toEqual(listed);
    // Every edge starts at a fired rule; an edge into a therapy comes from a rule whose
    // reason that therapy's card shows, and whose card status the outcome node names.
    const edges = await path.locator('path.edge').evaluateAll((els) => els.map((e) => ({
      from: e.getAttribute('data-edge-from'),
      to: e.getAttribute('data-edge-to'),
      decided: e.classList.contains('decided'),
    })));
    expect(edges.length).toBeGreaterThan(0);
    for (const edge of edges) {
      expect(firedNodes, `edge from ${edge.from}`).toContain(edge.from);
      if (edge.decided && edge.to !== 'prephase') {
        const card = aid.card(edge.to);
        await expect(card.locator(`[data-rule="${edge.from}"]`).first()).toBeAttached();
      }
    }
    // Each therapy whose status rests on a rule has an arrow into it.
    for (const status of ['not-eligible', 'caution', 'preferred']) {
      const therapies = await page.locator(`[data-therapy][data-status="${status}"]`).evaluateAll(
        (els) => els.map((e) => e.getAttribute('data-therapy')));
      for (const t of therapies) {
        expect(edges.some((e) => e.decided && e.to === t), `${t} (${status}) has an arrow`).toBe(true);
      }
    }
  });
}

test('the diagram follows the form while open', async ({ aid }) => {
  await aid.open();
  await aid.enter(SCENARIOS['a relapsed adult with high burden']);
  await aid.openDecisionPath();
  const d1 = aid.decisionPath().locator('[data-path-node="D-1"]');
  await expect(d1).toHaveAttribute('data-fired', 'true');
  await aid.fill('Marrow blasts (%)', 20);
  // The result is redrawn: the path stays open and D-1 no longer fires.
  await expect(aid.decisionPath()).toHaveAttribute('open', '');
  await expect(aid.decisionPath().locator('[data-path-node="D-1"]')).toHaveAttribute('data-fired', 'false');
  // The text list, built only while the path is open, follows too.
  await expect(aid.decisionPath().locator('li[data-trace-rule="D-1"]')).not.toHaveClass(/fired/);
  await expect(aid.decisionPath().locator('li[data-trace-rule]')).toHaveCount(35);
});

test('a folded path holds no list; opening it builds one', async ({ aid }) => {
  await aid.open();
  await aid.enter(SCENARIOS['a relapsed adult with high burden']);
  await expect(aid.decisionPath().locator('li[data-trace-rule]')).toHaveCount(0);
  await aid.openDecisionPath();
  await expect(aid.decisionPath().locator('li[data-trace-rule]')).toHaveCount(35);
  await expect(aid.decisionPath().locator('li[data-trace-rule="D-1"]')).toHaveClass(/fired/);
});

test('the diagram works by keyboard: a rule node opens its entry in the list', async ({ aid, page }) => {
  await aid.open();
  await aid.enter(SCENARIOS['a relapsed adult with high burden']);
  const summary = aid.decisionPath().locator('summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(aid.decisionPath()).toHaveAttribute('open', '');
  // The diagram is drawn when the path opens; then Tab from the summary reaches the first
  // rule node.
  await expect(aid.decisionPath().locator('[data-path-node]')).toHaveCount(35);
  await page.keyboard.press('Tab');
  const first = aid.decisionPath().locator('[data-path-node]').first();
  await expect(first).toBeFocused();
  const id = await first.getAttribute('data-path-node');
  await page.keyboard.press('Enter');
  const entry = page.locator(`li[data-trace-rule="${id}"]`);
  await expect(entry).toBeFocused();
  await expect(entry.locator('.statement')).toContainText('Sources: ');
  // Space works too, on a fired node.
  const fired = aid.decisionPath().locator('[data-path-node="D-1"]');
  await fired.focus();
  await page.keyboard.press(' ');
  await expect(page.locator('li[data-trace-rule="D-1"]')).toBeFocused();
});

test('on a phone the diagram scrolls in its own box, not the page', async ({ aid, page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await aid.open();
  await aid.enter(SCENARIOS['a relapsed adult with high burden']);
  await aid.openDecisionPath();
  await expect(aid.decisionPath().locator('svg')).toBeVisible();
  const wide = await page.evaluate(() => document.scrollingElement.scrollWidth > window.innerWidth);
  expect(wide).toBe(false);
});
