// The bridge answers its question in the first line, its totals open to all their records, the inspector follows a
// record to its counterpart, and a long rule name never runs into its bar: in Chromium, against `recon reconcile --json`.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { BucketKind, ReconciliationReport, Side } from '../../shared/reportTypes';
import { makeRunHome } from './makeRunHome';
import { readGridIds } from './readGridIds';
import { inspectWithCli, reconcileWithCli } from './runReconCli';
import { projectRoot, startServer, type RunningServer } from './startServer';

/** The sample's partner rule renamed to a long name: the chart must wrap or cut it, never overlap its bar. */
const LONG_RULE = 'excluded because the lead source is partner referral or reseller';
const NET: BucketKind[] = ['matched', 'timing', 'excluded_on_other_side', 'unmatched'];
const ONLY: BucketKind[] = ['timing', 'excluded_on_other_side', 'unmatched'];

const home = makeRunHome('bridgeFirstLine');
const contract = path.join(home, 'long-rule', 'acme.recon.yaml');
let server: RunningServer;
let page: Page;

function firstRecon(report: { reconciliations: ReconciliationReport[] }): ReconciliationReport {
  const recon = report.reconciliations[0];
  if (!recon) throw new Error('the report has no reconciliation');
  return recon;
}

function listIds(recon: ReconciliationReport, side: Side, kinds: BucketKind[]): string[] {
  return recon.buckets.filter((b) => b.side === side && kinds.includes(b.kind)).flatMap((b) => b.ids);
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(projectRoot, 'test-results/screenshots', `${name}.png`), fullPage: true, animations: 'disabled', caret: 'hide' });
}

async function showBridge(): Promise<void> {
  await page.getByRole('tab', { name: 'Bridge' }).click();
  await expect(page.locator('.first-line')).toBeVisible();
}

/**
 * The records screen says how many and its grid holds that many rows; `every`: reads every id by scrolling, else the
 * first screenful belongs to the listing (the engine tests check the totals' ids one by one; scrolling 2,000 rows
 * on a shared 2-core machine is slow).
 */
async function expectListed(ids: string[], what: string, every = true): Promise<void> {
  await expect(page.getByRole('tab', { name: 'Records' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.record-count'), what).toHaveText(`${ids.length} records`);
  if (every) {
    const grid = await readGridIds(page);
    expect(grid.rowCount, `${what}: the grid's row count`).toBe(ids.length);
    expect([...grid.ids].sort(), `${what}: the grid's record ids`).toEqual([...ids].sort());
    return;
  }
  const grid = page.locator('[role="grid"], [role="treegrid"]').first();
  await expect(grid, `${what}: the grid's row count`).toHaveAttribute('aria-rowcount', String(ids.length + 1));
  await expect(page.locator('.ag-row[row-index="0"] [col-id="record_id"]')).not.toBeEmpty();
  const shown = await page.locator('.ag-row[row-index] [col-id="record_id"]').allTextContents();
  expect(shown.length).toBeGreaterThan(5);
  for (const id of shown.filter((t) => t !== '')) expect(ids, `${what}: a shown record belongs to the listing`).toContain(id);
}

test.beforeAll(async ({ browser }) => {
  const folder = path.dirname(contract);
  cpSync(path.join(projectRoot, 'samples/exports'), path.join(folder, 'exports'), { recursive: true });
  const text = readFileSync(path.join(projectRoot, 'samples/acme-q3-2026.recon.yaml'), 'utf8');
  const renamed = text.replace(/^ {6}partner: /m, `      ${LONG_RULE}: `);
  expect(renamed, 'the sample has a partner rule to rename').not.toBe(text);
  writeFileSync(contract, renamed);
  server = await startServer({ home, contract });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(server.url);
});

test.afterAll(async () => {
  await page?.close();
  await server?.stop();
});

test('the first line compares the two nets and opens what only each side counts', async () => {
  const recon = firstRecon(await reconcileWithCli(contract));
  const matched = listIds(recon, 'left', ['matched']).length;
  const difference = recon.right.net - recon.left.net;
  expect(difference, 'the sample: the CRM counts more').toBeGreaterThan(0);
  const onlyRight = recon.right.net - matched;
  const onlyLeft = recon.left.net - matched;
  await showBridge();
  // hubspot is the marketing system, salesforce the sales one (the CRM).
  await expect(page.locator('.first-line')).toHaveText(
    `${recon.right.metric} counts ${difference} more than ${recon.left.metric}: ${onlyRight} records only the CRM counts, ${onlyLeft} only marketing counts.`,
  );
  await shot('bridge-first-line');

  await page.getByRole('button', { name: `${onlyRight} records only the CRM counts`, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2 })).toContainText(`Right · Only ${recon.right.metric} counts`);
  await expectListed(listIds(recon, 'right', ONLY), 'only the CRM counts');

  await showBridge();
  await page.getByRole('button', { name: `${onlyLeft} records only marketing counts`, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2 })).toContainText(`Left · Only ${recon.left.metric} counts`);
  await expectListed(listIds(recon, 'left', ONLY), 'only marketing counts');
});

test('gross and net totals open all their records, from the chart and from the table', async () => {
  const recon = firstRecon(await reconcileWithCli(contract));
  for (const side of ['left', 'right'] as const) {
    const own = recon[side];
    const totals = [
      { total: 'gross', count: own.gross, ids: recon.buckets.filter((b) => b.side === side).flatMap((b) => b.ids), heading: `Gross: every ${own.source} row` },
      { total: 'net', count: own.net, ids: listIds(recon, side, NET), heading: `Net: every record ${own.metric} counts` },
    ];
    for (const { total, count, ids, heading } of totals) {
      expect(ids.length, `${side} ${total}: the report's buckets add up to its total`).toBe(count);
      await showBridge();
      // The chart for the left side, the table for the right one: both kinds of control are covered.
      const control =
        side === 'left'
          ? page.getByRole('region', { name: 'Bridge chart' }).getByRole('button', { name: `${side} ${total}: ${count}`, exact: true })
          : page.getByRole('region', { name: 'Bridge table' }).getByRole('button', { name: `${count} records: ${side} ${total}`, exact: true });
      await control.click();
      await expect(page.getByRole('heading', { level: 2 })).toContainText(`${side === 'left' ? 'Left' : 'Right'} · ${heading}`);
      // Steps differ row by row in a total: the step column is shown.
      await expect(page.locator('.ag-header-cell[col-id="kind"]')).toHaveText('Step');
      await expectListed(ids, `${side} ${total}`, false);
    }
  }
});

test('the inspector opens a timing record’s counterpart on the other side, and that record’s bucket', async () => {
  const recon = firstRecon(await reconcileWithCli(contract));
  const timing = recon.buckets.find((b) => b.side === 'left' && b.kind === 'timing');
  if (!timing) throw new Error('the sample has no left timing bucket');
  await showBridge();
  await page.getByRole('region', { name: 'Bridge table' }).getByRole('button', { name: `${timing.count} records: left timing`, exact: true }).click();
  const firstRow = page.locator('.ag-row[row-index="0"] [col-id="record_id"]');
  await expect(firstRow).not.toBeEmpty();
  const recordId = (await firstRow.textContent()) ?? '';
  await page.getByRole('button', { name: `Inspect record ${recordId}`, exact: true }).click();
  const inspector = page.getByRole('complementary', { name: 'Record inspector' });
  const marked = inspector.locator('thead th', { hasText: '(this record)' });
  await expect(marked).toHaveText(/^Left · hubspot/);

  // The sticky header hides what scrolls under it: its band, from the top of the scrolled view to the bottom of the
  // stuck cells, looks the same whatever rows are scrolled under it.
  const scroller = inspector.locator('.inspector-scroll');
  const band = await scroller.evaluate((view) => {
    const box = view.getBoundingClientRect();
    const bottom = Math.max(...[...view.querySelectorAll('thead th')].map((th) => th.getBoundingClientRect().bottom));
    return { x: box.left, y: box.top, width: view.clientWidth, height: bottom - box.top };
  });
  const bandAt = async (where: 'top' | 'bottom') => {
    const top = await scroller.evaluate((view, to) => {
      view.scrollTo({ top: to === 'top' ? 0 : view.scrollHeight });
      return view.scrollTop;
    }, where);
    if (where === 'bottom') expect(top, 'rows scrolled under the header').toBeGreaterThan(20);
    return page.screenshot({ clip: band, animations: 'disabled', caret: 'hide' });
  };
  const unscrolled = await bandAt('top');
  expect((await bandAt('bottom')).equals(unscrolled), 'the header band is unchanged with rows scrolled under it').toBe(true);
  await bandAt('top');

  const key = ((await inspector.getByRole('heading').first().textContent()) ?? '').replace(/^Identity key /, '');
  const rows = (await inspectWithCli(contract, key)).rows;
  // Timing: the key is on the right only among out-of-period records; the link names one of them.
  const candidates = rows.filter((r) => r.side === 'right' && r.kind === 'out_of_period');
  expect(candidates.length).toBeGreaterThan(0);
  const link = inspector.getByRole('button', { name: /^Open \S+ on the right side$/ });
  await expect(link).toHaveCount(1);
  const otherId = ((await link.textContent()) ?? '').replace(/^Open (\S+) on the right side$/, '$1');
  const other = candidates.find((r) => r.id === otherId);
  expect(other, `the right record ${otherId} is one of the key's out-of-period records`).toBeDefined();
  await shot('inspector-links');

  await link.click();
  await expect(marked).toHaveText(/^Right · salesforce/);
  const headers = await inspector.locator('thead th').allTextContents();
  const recordCells = await inspector.locator('tbody tr', { has: page.getByRole('rowheader', { name: 'Record', exact: true }) }).locator('td').allTextContents();
  const column = headers.slice(1).findIndex((h) => h.includes('(this record)'));
  expect(recordCells[column], 'the marked column is the counterpart').toBe(otherId);

  const bucket = recon.buckets.find((b) => b.side === 'right' && b.kind === 'out_of_period' && b.reason === other?.reason);
  if (!bucket) throw new Error(`the report has no right out_of_period ${other?.reason} bucket`);
  // The counterpart's bucket is linked from its own column and from the timing record's: either opens it.
  await inspector.getByRole('button', { name: new RegExp(`^List the bucket of ${otherId}: Right · Out of period`) }).first().click();
  await expect(inspector).toHaveCount(0);
  await expectListed(bucket.ids, `right out_of_period ${bucket.reason}`);
});

test('long rule names wrap or are cut beside their bars, never over them, at 1280 and 1440 pixels', async () => {
  for (const width of [1280, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await showBridge();
    const bars = page.getByRole('region', { name: 'Bridge chart' }).locator('g.bar');
    const boxes = await bars.evaluateAll((groups) =>
      groups.map((g) => {
        const label = g.querySelector('.bar-label')?.getBoundingClientRect();
        const fill = g.querySelector('.bar-fill')?.getBoundingClientRect();
        return { name: g.getAttribute('aria-label') ?? '', title: g.querySelector('title')?.textContent ?? '', labelRight: label?.right ?? Infinity, fillLeft: fill?.left ?? 0 };
      }),
    );
    expect(boxes.length).toBeGreaterThan(20);
    for (const box of boxes) expect(box.labelRight, `${width}px: the label of "${box.name}" ends before its bar`).toBeLessThan(box.fillLeft);
    const long = boxes.filter((b) => b.name.includes(LONG_RULE));
    expect(long.map((b) => b.title.startsWith(`Excluded on the other side: ${LONG_RULE}:`) || b.title.startsWith(`Excluded: ${LONG_RULE}:`))).toEqual([true, true]);
  }
  // The tooltip names the rule in full.
  const bar = page.getByRole('region', { name: 'Bridge chart' }).getByRole('button', { name: new RegExp(`^right excluded ${LONG_RULE}: \\d+$`) });
  await bar.hover();
  await expect(page.getByRole('tooltip')).toContainText(`Excluded: ${LONG_RULE}`);
  await shot('bridge-long-rule');
});
