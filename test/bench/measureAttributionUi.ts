// The Attribution screen's side of the bench: the real renderer in Chromium over the browser shell, timed from a click on its tab to the credit table drawn (the metrics report computed ahead by the server, once the bridge is ready).
import { chromium, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../e2e/startServer';

export interface AttributionUiFigures {
  /** Server start on the contract: import, reconcile, then the address printed. */
  serverStartMs: number;
  /** From loading the page to the Attribution tab shown. */
  tabsShownMs: number;
  /**
   * From the page load until the Attribution tab says its numbers are on hand: the server computes the metrics report
   * as soon as the bridge is ready, and a click on the tab before then waits for the rest of it.
   */
  metricsReadyMs: number;
  /** The first click on the Attribution tab, once its numbers are on hand, to the credit table drawn: the screen's code loads and draws. */
  firstClickMs: number;
  /** After a page reload (the server holds the report, which crosses to the renderer again as the page loads), the click on the tab to the table drawn. */
  afterReloadMs: number;
  /** Back to the Attribution tab from the bridge (the report is in the renderer). */
  revisitMs: number;
  /** From the reload until the metrics report's response (held by the server) had fully arrived. */
  afterReloadReportMs: number;
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WAIT = { timeout: 600_000 };

async function timeUntil(action: () => Promise<unknown>, done: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  await done();
  return performance.now() - started;
}

/**
 * Loads the page (`load`: the first visit or a reload) until the Attribution tab says its numbers are on hand: the page
 * asks for the metrics report as soon as the session is shown, and the tab turns until its response has arrived.
 */
async function timeMetricsReady(page: Page, load: () => Promise<unknown>): Promise<{ tabMs: number; readyMs: number; reportMs: number }> {
  const started = performance.now();
  const report = page.waitForResponse((r) => r.url().endsWith('/api/getMetricsReport'), WAIT).then(async (response) => {
    await response.finished();
    return performance.now() - started;
  });
  await load();
  const tab = page.getByRole('tab', { name: 'Attribution' });
  // A build without the screen never shows the tab: say so after a minute rather than wait for the long limit.
  await tab.waitFor({ timeout: 60_000 }).catch(() => Promise.reject(new Error('no Attribution tab within a minute of the page load (is the screen in this build?)')));
  const tabMs = performance.now() - started;
  const reportMs = await report;
  await page.locator('#tab-attribution[aria-busy="false"]').waitFor(WAIT);
  return { tabMs, readyMs: performance.now() - started, reportMs };
}

/** The table is drawn when its first channel row shows a credit. */
function waitForCreditTable(page: Page, entry: string): Promise<void> {
  return page.getByRole('table', { name: `Credit by channel and model: ${entry}` }).locator('tbody tr').first().locator('.credit-amount').first().waitFor(WAIT);
}

export async function measureAttributionUi(contractPath: string, entry: string): Promise<AttributionUiFigures> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'recon-bench-attribution-ui-'));
  const started = performance.now();
  const server = await startServer({ home, contract: contractPath, timeoutMs: 600_000 });
  const serverStartMs = performance.now() - started;
  const browser = await chromium.launch({ executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const tab = page.getByRole('tab', { name: 'Attribution' });
    const first = await timeMetricsReady(page, () => page.goto(server.url));
    const firstClickMs = await timeUntil(() => tab.click(), () => waitForCreditTable(page, entry));
    const reloaded = await timeMetricsReady(page, () => page.reload());
    const afterReloadMs = await timeUntil(() => tab.click(), () => waitForCreditTable(page, entry));
    await page.getByRole('tab', { name: 'Bridge' }).click();
    const revisitMs = await timeUntil(() => tab.click(), () => waitForCreditTable(page, entry));
    return { serverStartMs, tabsShownMs: first.tabMs, metricsReadyMs: first.readyMs, firstClickMs, afterReloadMs, revisitMs, afterReloadReportMs: reloaded.reportMs };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(home, { recursive: true, force: true });
  }
}
