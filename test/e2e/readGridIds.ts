// Reads every record id of the records grid by scrolling its viewport, and the row count the grid itself announces.
import { expect, type Page } from '@playwright/test';

interface RenderedRow {
  index: number;
  id: string | null;
}

interface ViewportBox {
  top: number;
  client: number;
  height: number;
}

export interface GridContents {
  /** Record ids in row order. */
  ids: string[];
  /** aria-rowcount of the grid minus its header row. */
  rowCount: number;
}

const VIEWPORT = '.ag-grid-viewport';

async function readRendered(page: Page): Promise<RenderedRow[]> {
  return page.locator('.ag-row[row-index]').evaluateAll((rows) =>
    rows.map((row) => ({
      index: Number(row.getAttribute('row-index')),
      id: row.querySelector('[col-id="record_id"]')?.textContent || null,
    })),
  );
}

/** Rows are virtualised (and fetched a page at a time): scroll a screenful at a time and wait for the rows in view. */
export async function readGridIds(page: Page): Promise<GridContents> {
  const grid = page.locator('[role="grid"], [role="treegrid"]').first();
  await expect(grid).toHaveAttribute('aria-rowcount', /^\d+$/);
  const rowCount = Number(await grid.getAttribute('aria-rowcount')) - 1;
  const viewport = page.locator(VIEWPORT);
  const rowHeight = await page
    .locator('.ag-row[row-index="0"]')
    .evaluate((row) => row.getBoundingClientRect().height)
    .catch(() => 0);
  const ids = new Map<number, string>();
  if (rowCount <= 0) return { ids: [], rowCount };
  expect(rowHeight).toBeGreaterThan(0);
  let top = 0;
  for (;;) {
    await viewport.evaluate((el, to) => el.scrollTo({ top: to }), top);
    const box: ViewportBox = await viewport.evaluate((el) => ({ top: el.scrollTop, client: el.clientHeight, height: el.scrollHeight }));
    const first = Math.floor(box.top / rowHeight);
    const last = Math.min(rowCount - 1, Math.floor((box.top + box.client - 1) / rowHeight));
    await expect
      .poll(async () => {
        const rendered = await readRendered(page);
        const inView = rendered.filter((r) => r.index >= first && r.index <= last && r.id !== null);
        for (const row of inView) ids.set(row.index, row.id as string);
        return inView.length;
      }, { message: `rows ${first}..${last} of the grid to show their ids`, intervals: [20, 50, 100] })
      .toBe(last - first + 1);
    if (last >= rowCount - 1 || box.top + box.client >= box.height) break;
    top = box.top + box.client - rowHeight;
  }
  // A row past the announced count would be a record the count does not include.
  expect((await readRendered(page)).filter((r) => r.index >= rowCount)).toEqual([]);
  const ordered = [...ids.entries()].sort((a, b) => a[0] - b[0]);
  return { ids: ordered.map(([, id]) => id), rowCount };
}
