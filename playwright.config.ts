// End-to-end tests: the real renderer in Chromium through the browser shell (test/e2e), and the desktop app (test/electron).
import { existsSync } from 'node:fs';
import { defineConfig, type LaunchOptions } from '@playwright/test';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Debian's Chromium when installed (no browser download here), else Playwright's own browser. */
const launchOptions: LaunchOptions = existsSync(DEBIAN_CHROMIUM)
  ? {
      executablePath: DEBIAN_CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    }
  : {};

export default defineConfig({
  testDir: 'test',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  globalSetup: './test/e2e/setUpE2eRun.ts',
  // The screenshots live in test-results/screenshots: Playwright empties its own output folder on every run.
  outputDir: 'test-results/playwright',
  // Two cores: one browser and one server at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['./test/e2e/summaryReporter.ts']],
  use: {
    launchOptions,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
