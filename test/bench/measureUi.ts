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
  /** From clicking the largest bucket's bar to its first rows in the grid (Playwright's click: its checks included). */
  bucketFirstRowsMs: number;
  /** The same in the page: from the click event to the frame that has the rows (what a person waits). */
  bucketFirstRowsInPageMs: number;
  /** In the page, from scrolling the grid to the middle of that bucket to the first frame with the rows there. */
  middleRowsMs: number;
  /** From a click on a column header of the export (the bucket sorted by it) to the first sorted rows shown. */
  sortRowsMs: number;
  sortColumn: string;
  /** From typing the last letter of a column filter to the first filtered rows shown, the filter's own pause included. */
  filterRowsMs: number;
  /** The same from the moment the grid asked for the filtered rows (the pause for typing left out). */
  filterRequestRowsMs: number;
  filterColumn: string;
  filterText: string;
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

/**
 * Columns on screen without scrolling sideways (the grid draws only those): the anchor date in the reporting zone,
 * a sort that reads every record's date from the source, and the identity key, what a person is looked up by.
 */
const SORT_COLUMN = 'anchor_reporting';
const FILTER_COLUMN = 'identity_key';
const FILTER_TEXT = 'smith';

/** An answer to the grid's request for rows of the sorted or filtered listing. */
function waitForRows(page: Page, marker: string): Promise<unknown> {
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/fetchRows') && (r.request().postData() ?? '').includes(marker), { timeout: 120_000 });
  // When the action before it fails, the browser closes under this wait: that failure is the one to report.
  answered.catch(() => undefined);
  return answered;
}

/**
 * Times in the page itself, from the next click event to the first animation frame whose DOM has the row's record
 * cell filled: Playwright's own waits before it clicks (the element stable over two frames, the protocol's round
 * trips) are not part of what a person waits for.
 */
function watchClickToRow(page: Page, index: number): { armed: Promise<void>; ms: Promise<number> } {
  let armedResolve: () => void = () => undefined;
  const armed = new Promise<void>((resolve) => (armedResolve = resolve));
  // A script of the page's own (this project's Node types have no DOM): the cell's selector is ours, the index a number.
  const ms = page.evaluate<number>(`new Promise((resolve) => {
    document.addEventListener('click', () => {
      const clickedAt = performance.now();
      const check = () => {
        const cell = document.querySelector('.ag-row[row-index="${index}"] [col-id="record_id"]');
        if (cell && /\\S/.test(cell.textContent || '')) resolve(performance.now() - clickedAt);
        else requestAnimationFrame(check);
      };
      check();
    }, { capture: true, once: true });
  })`);
  // The listener is in place once the evaluate has run its synchronous part: a round trip later.
  void page.evaluate(() => undefined).then(armedResolve);
  return { armed, ms };
}

/** In the page: from scrolling the grid to the row at `index` to the first frame that shows it filled. */
function timeScrollInPage(page: Page, index: number): Promise<number> {
  return page.evaluate<number>(`new Promise((resolve) => {
    const row = document.querySelector('.ag-row[row-index="0"]');
    const viewport = document.querySelector('.ag-grid-viewport');
    const startedAt = performance.now();
    viewport.scrollTo({ top: ${index} * row.getBoundingClientRect().height });
    const check = () => {
      const cell = document.querySelector('.ag-row[row-index="${index}"] [col-id="record_id"]');
      if (cell && /\\S/.test(cell.textContent || '')) resolve(performance.now() - startedAt);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })`);
}

/** Scrolls back to the top, then clicks the column's header: ascending sort, the grid asks for its first rows again. */
async function measureSort(page: Page, column: string): Promise<number> {
  await page.locator('.ag-grid-viewport').evaluate((el) => el.scrollTo({ top: 0 }));
  await waitForRowAt(page, 0);
  const answered = waitForRows(page, `"column":"${column}","direction":"asc"`);
  return timeUntil(
    () => page.locator(`.ag-header-cell[col-id="${column}"] .ag-header-cell-label`).click(),
    async () => {
      await answered;
      await waitForRowAt(page, 0);
    },
  );
}

/** Opens the column's filter, types the text; the grid filters after its pause for typing (ag-grid's debounce). */
async function measureFilter(page: Page, column: string, text: string): Promise<{ typed: number; requested: number }> {
  await page.locator(`.ag-header-cell[col-id="${column}"] .ag-header-cell-filter-button`).click();
  const input = page.locator('.ag-filter input[type="text"]').first();
  await input.waitFor();
  await input.fill(text.slice(0, -1));
  let requestedAt = 0;
  const onRequest = (request: { url(): string; postData(): string | null }) => {
    if (request.url().endsWith('/api/fetchRows') && (request.postData() ?? '').includes(`"value":"${text}"`)) requestedAt = performance.now();
  };
  page.on('request', onRequest);
  const answered = waitForRows(page, `"value":"${text}"`);
  try {
    const started = performance.now();
    await input.press(text.slice(-1));
    await answered;
    await waitForRowAt(page, 0);
    const done = performance.now();
    return { typed: done - started, requested: done - requestedAt };
  } finally {
    page.off('request', onRequest);
  }
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
    const inPage = watchClickToRow(page, 0);
    await inPage.armed;
    // Playwright's own polling for the row (a query of the whole page every few milliseconds) would take the page's
    // time while it is measured: the page's promise is awaited first, the check after it.
    const bucketFirstRowsMs = await timeUntil(
      () => target.click(),
      () => inPage.ms,
    );
    await waitForRowAt(page, 0);
    const bucketFirstRowsInPageMs = await inPage.ms;
    const middle = Math.floor(largest.count / 2);
    const middleRowsMs = await timeScrollInPage(page, middle);
    await waitForRowAt(page, middle);
    const sorted = await measureSort(page, SORT_COLUMN);
    const filtered = await measureFilter(page, FILTER_COLUMN, FILTER_TEXT);
    return {
      serverStartMs,
      bridgeDrawnMs,
      reopenDrawnMs,
      bucketFirstRowsMs,
      bucketFirstRowsInPageMs,
      middleRowsMs,
      sortRowsMs: sorted,
      sortColumn: SORT_COLUMN,
      filterRowsMs: filtered.typed,
      filterRequestRowsMs: filtered.requested,
      filterColumn: FILTER_COLUMN,
      filterText: FILTER_TEXT,
      largestBucket: `${largest.side} ${largest.kind} ${largest.reason}`,
    };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(home, { recursive: true, force: true });
  }
}
