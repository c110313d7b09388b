// Page-load figures of the served release build, for `cargo xtask bench`.
//
// Usage: node xtask/bench/load.mjs <page URL> <runs> <report directory>
//
// Runs Lighthouse's performance category `runs` times, each in a fresh headless Chromium
// (Debian's, CHROME_PATH, default /usr/bin/chromium), with Lighthouse's defaults: mobile
// emulation and simulated throttling. Saves each report as JSON and prints, per run,
// `LIGHTHOUSE <score> <LCP ms> <TBT ms> <CLS> <LCP element>`.
//
// Nothing may come from the internet: Lighthouse's error reporting stays off, chrome-launcher
// already turns off Chromium's background networking, component and safe-browsing updates
// and sync, and the host resolver rules below leave Chromium no name to resolve but the
// loopback address, so any request elsewhere fails instead of leaving the machine.
import fs from 'node:fs';
import path from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const [url, runsArg, outDir] = process.argv.slice(2);
if (!url || !outDir) {
  console.error('usage: node xtask/bench/load.mjs <page URL> <runs> <report directory>');
  process.exit(2);
}
const runs = Number(runsArg || 3);
const chromeFlags = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

fs.mkdirSync(outDir, { recursive: true });
for (let run = 1; run <= runs; run += 1) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    chromeFlags,
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      enableErrorReporting: false,
    });
    const { lhr } = result;
    fs.writeFileSync(path.join(outDir, `lighthouse-${run}.json`), result.report);
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const audit = (id) => lhr.audits[id].numericValue;
    const lcpElement = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.selector ?? 'unknown';
    console.log([
      'LIGHTHOUSE',
      lhr.categories.performance.score,
      audit('largest-contentful-paint').toFixed(0),
      audit('total-blocking-time').toFixed(0),
      audit('cumulative-layout-shift').toFixed(4),
      lcpElement.replace(/\s+/g, '_'),
    ].join(' '));
  } finally {
    await chrome.kill();
  }
}
