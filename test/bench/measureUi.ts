// The UI's side of the bench: the real renderer in Chromium over the browser shell, timed as a person waits.
import { chromium, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../e2e/startServer';

export interface UiFigures {
  /** Server start on the contract: import, reconcile, then the address printed. */
  serverStartMs: number;
  /** From loading the page to the bridge's bars drawn (the investigation is open on the server). */
  bridgeDrawnMs: number;
  /** From "Reopen <title>" on the start screen to the bars drawn again (a stored session). */
  reopenDrawnMs: number;
  /** From clicking the largest bucket's bar to its first rows in the grid. */
  bucketFirstRowsMs: number;
  /** From jumping to the middle of that bucket to the rows there shown. */
  middleRowsMs: number;
  largestBucket: string;
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function timeUntil(action: () => Promise<unknown>, done: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  await done();
  return performance.now() - started;
}

/** Rows at an index are shown when their record cell has text (the infinite model shows empty stubs while loading). */
async function waitForRowAt(page: Page, index: number): Promise<void> {
  await page.locator(`.ag-row[row-index="${index}"] [col-id="record_id"]`).filter({ hasText: /\S/ }).first().waitFor({ timeout: 120_000 });
}

export async function measureUi(contractPath: string, reportTitle: string, largest: { side: string; kind: string; reason: string; count: number }): Promise<UiFigures> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'recon-bench-ui-'));
  const started = performance.now();
  const server = await startServer({ home, contract: contractPath, timeoutMs: 600_000 });
  const serverStartMs = performance.now() - started;
  const browser = await chromium.launch({ executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const bar = page.getByRole('button', { name: `${largest.side} ${largest.kind}${largest.reason === largest.kind ? '' : ` ${largest.reason}`}: ${largest.count}` });
    const matchedBar = page.getByRole('button', { name: `matched: ${largest.count}` });
    const target = largest.kind === 'matched' ? matchedBar : bar;
    const bridgeDrawnMs = await timeUntil(() => page.goto(server.url), () => target.waitFor({ timeout: 120_000 }));
    await page.getByRole('button', { name: 'Investigations' }).click();
    // The old bars may still stand while the reopened session answers: wait for its report, then the bars.
    let reopened: Promise<unknown> = Promise.resolve();
    const reopenDrawnMs = await timeUntil(
      async () => {
        reopened = page.waitForResponse((r) => r.url().endsWith('/api/getReport'), { timeout: 120_000 });
        await page.getByRole('button', { name: `Reopen ${reportTitle}` }).click();
      },
      async () => {
        await reopened;
        await target.waitFor({ timeout: 120_000 });
      },
    );
    const bucketFirstRowsMs = await timeUntil(() => target.click(), () => waitForRowAt(page, 0));
    const middle = Math.floor(largest.count / 2);
    const rowHeight = await page.locator('.ag-row[row-index="0"]').evaluate((row) => row.getBoundingClientRect().height);
    const middleRowsMs = await timeUntil(
      () => page.locator('.ag-grid-viewport').evaluate((el, top) => el.scrollTo({ top }), middle * rowHeight),
      () => waitForRowAt(page, middle),
    );
    return { serverStartMs, bridgeDrawnMs, reopenDrawnMs, bucketFirstRowsMs, middleRowsMs, largestBucket: `${largest.side} ${largest.kind} ${largest.reason}` };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(home, { recursive: true, force: true });
  }
}
