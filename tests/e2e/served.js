// The second server of the end-to-end tests (tests/e2e/static_server.py, started by
// playwright.config.js): the release build in a subfolder, /tools/all-aid/, and copies of
// the build under /copies/ that a test may change (a new release) or delete (the site gone).
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { expect } = require('@playwright/test');

const PORT = Number(process.env.E2E_PORT || 8091);
const SUBPATH_PORT = Number(process.env.E2E_SUBPATH_PORT || PORT + 10);
const ORIGIN = `http://127.0.0.1:${SUBPATH_PORT}`;
/** The build served in a subfolder of the host. */
const SUBPATH = `${ORIGIN}/tools/all-aid/`;
const DIST = path.join(__dirname, '..', '..', 'target', 'e2e-dist');
const COPIES = path.join(__dirname, '..', '..', 'target', 'e2e-copies');

/** A fresh copy of the build, served at the returned `url` (its own service-worker scope). */
function copyOfBuild(name) {
  const dir = path.join(COPIES, `${name}-${process.pid}-${Date.now()}`);
  fs.cpSync(DIST, dir, { recursive: true });
  return { dir, url: `${ORIGIN}/copies/${path.basename(dir)}/` };
}

/** The SRI value of a file's bytes, as the build writes it into sw.js. */
function sri(bytes) {
  return `sha256-${crypto.createHash('sha256').update(bytes).digest('base64')}`;
}

/** Waits until the page is controlled by its service worker, i.e. everything is cached. */
async function waitForWorker(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, {
    timeout: 20_000,
  });
}

/** Opens `url` and waits for the app to render its form. */
async function openApp(page, url) {
  await page.goto(url);
  await expect(page.getByRole('form', { name: 'Patient scenario' })).toBeVisible();
  // The app draws the page a step per task (src/steps.rs); the saved list comes last.
  await expect(page.locator('#scenarios')).toBeAttached();
}

/**
 * Collects what would make a session unclean: console errors, page errors, and
 * Content-Security-Policy violations (reported by a `securitypolicyviolation` listener
 * installed before any of the page's scripts run).
 */
async function watchForTrouble(page) {
  const trouble = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') trouble.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => trouble.push(`page error: ${err}`));
  await page.exposeFunction('__reportViolation', (v) => trouble.push(`CSP violation: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__reportViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  return trouble;
}

module.exports = { ORIGIN, SUBPATH, DIST, copyOfBuild, sri, waitForWorker, openApp, watchForTrouble };
