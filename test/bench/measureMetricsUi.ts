// The metrics screens' side of the bench (Funnel, Shared metrics, Attribution): the real renderer in Chromium over the browser shell, timed from a click on a screen's tab to its numbers drawn (the metrics report computed ahead by the server, once the bridge is ready).
import { chromium, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../e2e/startServer';

/** One screen to time: its tab's name and what says its numbers are drawn. */
export interface MetricsScreen {
  tab: string;
  waitForDrawn(page: Page): Promise<void>;
}

export interface ScreenFigures {
  /**
   * The first click on the tab on the first page, its numbers on hand, to its numbers drawn: the screen's code loads
   * and draws. The screens are clicked in turn: a later one finds the code the ones before it loaded (the list
   * panel, the charting library).
   */
  firstClickMs: number;
  /** After a page reload (the server holds the report, which crosses to the renderer again as the page loads), the first click on this tab of the new page. */
  afterReloadMs: number;
  /** Back to the tab from the bridge (the report in the renderer, the screen's code loaded). */
  revisitMs: number;
}

export interface MetricsUiFigures {
  /** Server start on the contract: import, reconcile, then the address printed. */
  serverStartMs: number;
  /** From loading the page to the first screen's tab shown. */
  tabsShownMs: number;
  /**
   * From the page load until the metrics tabs say their numbers are on hand: the server computes the metrics report
   * as soon as the bridge is ready, and a click on a tab before then waits for the rest of it.
   */
  metricsReadyMs: number;
  /** From the last reload until the metrics report's response (held by the server) had fully arrived. */
  afterReloadReportMs: number;
  /** Per screen, by its tab's name, in the order they were clicked. */
  screens: Record<string, ScreenFigures>;
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
 * Loads the page (`load`: the first visit or a reload) until the tab says its numbers are on hand: the page asks for
 * the metrics report as soon as the session is shown, and the metrics tabs turn until its response has arrived.
 */
async function timeMetricsReady(page: Page, tabName: string, load: () => Promise<unknown>): Promise<{ tabMs: number; readyMs: number; reportMs: number }> {
  const started = performance.now();
  const report = page.waitForResponse((r) => r.url().endsWith('/api/getMetricsReport'), WAIT).then(async (response) => {
    await response.finished();
    return performance.now() - started;
  });
  await load();
  const tab = page.getByRole('tab', { name: tabName, exact: true });
  // A build without the screen never shows the tab: say so after a minute rather than wait for the long limit.
  await tab.waitFor({ timeout: 60_000 }).catch(() => Promise.reject(new Error(`no ${tabName} tab within a minute of the page load (is the screen in this build?)`)));
  const tabMs = performance.now() - started;
  const reportMs = await report;
  await tab.and(page.locator('[aria-busy="false"]')).waitFor(WAIT);
  return { tabMs, readyMs: performance.now() - started, reportMs };
}

/** Each screen's first click on the first page and its revisit from the bridge, then each one's first click on a reloaded page. */
export async function measureMetricsUi(contractPath: string, screens: MetricsScreen[]): Promise<MetricsUiFigures> {
  const [first] = screens;
  if (!first) throw new Error('measureMetricsUi: no screen to time');
  const home = mkdtempSync(path.join(os.tmpdir(), 'recon-bench-metrics-ui-'));
  const started = performance.now();
  const server = await startServer({ home, contract: contractPath, timeoutMs: 600_000 });
  const serverStartMs = performance.now() - started;
  const browser = await chromium.launch({ executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const tabOf = (screen: MetricsScreen) => page.getByRole('tab', { name: screen.tab, exact: true });
    const bridge = page.getByRole('tab', { name: 'Bridge', exact: true });
    const loaded = await timeMetricsReady(page, first.tab, () => page.goto(server.url));
    const figures: Record<string, ScreenFigures> = {};
    for (const screen of screens) {
      const firstClickMs = await timeUntil(() => tabOf(screen).click(), () => screen.waitForDrawn(page));
      await bridge.click();
      const revisitMs = await timeUntil(() => tabOf(screen).click(), () => screen.waitForDrawn(page));
      await bridge.click();
      // Set once every screen was clicked on a page reloaded for it.
      figures[screen.tab] = { firstClickMs, revisitMs, afterReloadMs: NaN };
    }
    let afterReloadReportMs = 0;
    for (const screen of screens) {
      const reloaded = await timeMetricsReady(page, screen.tab, () => page.reload());
      afterReloadReportMs = reloaded.reportMs;
      const afterReloadMs = await timeUntil(() => tabOf(screen).click(), () => screen.waitForDrawn(page));
      figures[screen.tab] = { ...(figures[screen.tab] as ScreenFigures), afterReloadMs };
    }
    return { serverStartMs, tabsShownMs: loaded.tabMs, metricsReadyMs: loaded.readyMs, afterReloadReportMs, screens: figures };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

/** The Attribution screen is drawn when its credit table's first channel row shows a credit. */
export function attributionScreen(entry: string): MetricsScreen {
  return {
    tab: 'Attribution',
    waitForDrawn: (page) => page.getByRole('table', { name: `Credit by channel and model: ${entry}` }).locator('tbody tr').first().locator('.credit-amount').first().waitFor(WAIT),
  };
}

/** The Funnel screen is drawn when its last stage's row shows its counts. */
export function funnelScreen(funnel: string): MetricsScreen {
  return {
    tab: 'Funnel',
    waitForDrawn: (page) => page.getByRole('table', { name: `Stages of ${funnel}` }).locator('tbody tr').last().locator('.count-button').last().waitFor(WAIT),
  };
}

/** The Shared metrics screen is drawn when its cards are, the SLA's last among them. */
export function sharedMetricsScreen(sla: string): MetricsScreen {
  return {
    tab: 'Shared metrics',
    waitForDrawn: (page) => page.getByRole('article', { name: `SLA · ${sla}`, exact: true }).locator('.drill-button').last().waitFor(WAIT),
  };
}
