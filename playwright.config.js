// End-to-end tests against the release build (target/e2e-dist, built by `cargo xtask test`),
// served on loopback, in Debian's Chromium. Playwright never downloads a browser here.
// A second server (tests/e2e/static_server.py) serves the same build in a subfolder,
// /tools/all-aid/, with its precompressed copies, and the copies the offline tests make of
// it under /copies/ (target/e2e-copies), which they change or delete while it runs.
const { defineConfig } = require('@playwright/test');

const PORT = Number(process.env.E2E_PORT || 8091);
const SUBPATH_PORT = Number(process.env.E2E_SUBPATH_PORT || PORT + 10);

module.exports = defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 30_000,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      command: `python3 -m http.server ${PORT} --bind 127.0.0.1 --directory target/e2e-dist`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      command: `python3 tests/e2e/static_server.py ${SUBPATH_PORT} /tools/all-aid/=target/e2e-dist /copies/=target/e2e-copies`,
      url: `http://127.0.0.1:${SUBPATH_PORT}/tools/all-aid/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
  ],
});
