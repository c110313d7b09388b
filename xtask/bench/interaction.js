// Input-to-answer latency of the served release build, for `cargo xtask bench`.
//
// Usage: node xtask/bench/interaction.js <page URL> [changes]
//
// Opens the page in headless Chromium (Debian's, through Playwright's library) with a typical
// scenario, then changes one form field at a time — cycling through selects and numeric
// inputs, each between two values that give different answers — and times, inside the page,
// from `performance.mark` just before the change event is dispatched to the last change of
// the answer's elements (a MutationObserver's last report): the app draws the answer, "what
// would change it" included, in microtasks of the change, so that is when the updated answer
// is in the DOM. The run fails unless the answer changed, and changed before the first task
// after the change. Fields are found by their visible labels, as the end-to-end tests' page
// object finds them. Prints `INTERACTION <changes> <p50 ms> <p95 ms> <max ms> <task p50 ms>
// <task p95 ms> <frame p50 ms> <frame p95 ms> <floor p50 ms> <floor p95 ms>`, where
// - task is the same change timed to the first task after it (how the budget's baseline was
//   taken, "a macrotask after the input event"). It also counts tasks the browser queued
//   before it: after a choice in a select, Chromium's autofill queues one that lays the page
//   out (its form tracker, checking the form's controls);
// - frame is the same change timed to the first animation frame after it, which adds the
//   wait for the display's next frame;
// - floor is that wait alone: a change that does nothing but touch an attribute outside the
//   answer, timed to the next animation frame.
const { chromium } = require('@playwright/test');

const [url, countArg] = process.argv.slice(2);
const CHANGES = Number(countArg || 200);
const WARM_UP = 20;

// Second relapse, high burden, transplant planned: every therapy has an answer to change.
const START = 'v=2&age=34&wt=72&ht=178&set=r2&bm=62&pb=8000&ldh=480&uln=250&cns=no&cd19=pos' +
  '&cd22p=85&ph=neg&hsct=plan&lines=2&pblin=no';

// Each field with the value it starts at and another that changes the answer.
const FIELDS = [
  { label: 'Labels of', values: ['us', 'eu'] },
  { label: 'Age (years)', values: ['34', '17'] },
  { label: 'CD19', values: ['pos', 'neg'] },
  { label: 'Marrow blasts (%)', values: ['62', '20'] },
  { label: 'Ph (BCR-ABL1)', values: ['neg', 'pos'] },
  { label: 'Weight (kg)', values: ['72', '40'] },
  { label: 'CNS status', values: ['no', 'active'] },
  { label: 'LDH value (U/L)', values: ['480', '200'] },
  { label: 'Disease setting', values: ['r2', 'r1e'] },
  { label: 'CD22-positive blasts (% of blasts)', values: ['85', '40'] },
  { label: 'Allogeneic HSCT', values: ['plan', 'no'] },
  { label: 'Prior blinatumomab', values: ['no', 'noresp'] },
];

function percentile(sorted, p) {
  // Nearest rank: the smallest value with at least p% of the values at or below it.
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  if (!url) throw new Error('usage: node xtask/bench/interaction.js <page URL> [changes]');
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${url}?${START}`);
    await page.locator('[data-therapy]').first().waitFor();
    const fields = [];
    for (const f of FIELDS) {
      const control = page.getByLabel(f.label, { exact: true });
      const { id, tag } = await control.evaluate((el) => ({ id: el.id, tag: el.tagName }));
      const current = await control.inputValue();
      // A select shows its first choice for an empty value.
      if (current !== f.values[0]) throw new Error(`${f.label} starts at "${current}", not "${f.values[0]}"`);
      fields.push({ ...f, id, select: tag === 'SELECT', at: 0 });
    }
    const times = [];
    const tasks = [];
    const frames = [];
    for (let i = 0; i < WARM_UP + CHANGES; i += 1) {
      const field = fields[i % fields.length];
      field.at = 1 - field.at;
      const change = { id: field.id, value: field.values[field.at], select: field.select, n: i };
      const result = await page.evaluate(async ({ id, value, select, n }) => {
        const el = document.getElementById(id);
        const answer = document.querySelector('section.results');
        const before = answer.innerHTML;
        let mutated = false;
        let last = 0;
        const observer = new MutationObserver(() => { mutated = true; last = performance.now(); });
        observer.observe(answer, { childList: true, subtree: true, characterData: true, attributes: true });
        performance.mark(`change-${n}`);
        el.value = value;
        el.dispatchEvent(new Event(select ? 'change' : 'input', { bubbles: true }));
        // Mutation records are delivered in microtasks, so before this task runs.
        const inDom = await new Promise((resolve) => setTimeout(() => {
          performance.mark(`task-${n}`);
          resolve(mutated);
        }, 0));
        const start = performance.getEntriesByName(`change-${n}`)[0].startTime;
        await new Promise((resolve) => requestAnimationFrame(resolve));
        performance.mark(`frame-${n}`);
        observer.disconnect();
        return {
          duration: last - start,
          task: performance.measure(`task-${n}`, `change-${n}`, `task-${n}`).duration,
          frame: performance.measure(`frame-${n}`, `change-${n}`, `frame-${n}`).duration,
          inDom,
          changed: answer.innerHTML !== before,
        };
      }, change);
      if (!result.changed) {
        throw new Error(`${field.label} → ${change.value} did not change the recommendation`);
      }
      if (!result.inDom) {
        throw new Error(`${field.label} → ${change.value}: the answer was not in the DOM a task after the change`);
      }
      if (i >= WARM_UP) {
        times.push(result.duration);
        tasks.push(result.task);
        frames.push(result.frame);
      }
    }
    // The frame floor: a change that does no work, timed the same way.
    const floors = [];
    for (let i = 0; i < CHANGES; i += 1) {
      floors.push(await page.evaluate(async (n) => {
        performance.mark(`noop-${n}`);
        document.documentElement.dataset.benchNoop = String(n);
        await new Promise((resolve) => requestAnimationFrame(resolve));
        return performance.measure(`noop-frame-${n}`, `noop-${n}`).duration;
      }, i));
    }
    if (errors.length) throw new Error(`the page logged errors:\n${errors.join('\n')}`);
    for (const list of [times, tasks, frames, floors]) list.sort((a, b) => a - b);
    const ms = (x) => x.toFixed(2);
    console.log(`INTERACTION ${times.length} ${ms(percentile(times, 50))} ${ms(percentile(times, 95))} ${ms(times[times.length - 1])}`
      + ` ${ms(percentile(tasks, 50))} ${ms(percentile(tasks, 95))}`
      + ` ${ms(percentile(frames, 50))} ${ms(percentile(frames, 95))} ${ms(percentile(floors, 50))} ${ms(percentile(floors, 95))}`);
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
