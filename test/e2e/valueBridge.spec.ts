// A money investigation in the browser shell: the value bridge adds up to the report, every step opens its records, the pairs grid lists, orders and filters the pairs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Bucket, BucketKind, ReconciliationReport, Side } from '../../shared/reportTypes';
import { listBridgeControlNames } from './bridgeControlNames';
import { cents, expectValueBridge, listValueSteps, nameDifferences, spell } from './expectValueBridge';
import { makeRunHome } from './makeRunHome';
import { readGridIds } from './readGridIds';
import { reconcileWithCli } from './runReconCli';
import { saveScreenshot } from './saveScreenshot';
import { startServer, type RunningServer } from './startServer';
import { PAIRS, planDelta, writeMoneyInvestigation, type PlannedPair } from './writeMoneyInvestigation';

const home = makeRunHome('valueBridge');
const contract = writeMoneyInvestigation(path.join(home, 'pipeline'));
let server: RunningServer;
let page: Page;
const pageErrors: string[] = [];

async function readRecon(): Promise<ReconciliationReport> {
  const recon = (await reconcileWithCli(contract)).reconciliations[0];
  if (!recon) throw new Error('the report has no reconciliation');
  return recon;
}

function listIds(recon: ReconciliationReport, side: Side, kinds?: readonly BucketKind[]): string[] {
  return recon.buckets.filter((b) => b.side === side && (!kinds || kinds.includes(b.kind))).flatMap((b) => b.ids);
}

async function showTab(name: 'Bridge' | 'Records' | 'Pairs'): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
}

function chart() {
  return page.getByRole('region', { name: 'Bridge chart' });
}

/** The pairs grid's rows in order: both ids and every shown cell by column id. */
async function readPairRows(count: number): Promise<{ left: string; right: string; cells: Record<string, { text: string; differs: boolean }> }[]> {
  const grid = page.locator('[role="grid"], [role="treegrid"]').first();
  await expect(grid).toHaveAttribute('aria-rowcount', String(count + 1));
  if (count > 0) await expect(page.locator('.ag-row[row-index="0"] [col-id="left_id"]')).not.toBeEmpty();
  const rows = await page.locator('.ag-row[row-index]').evaluateAll((elements) =>
    elements.map((row) => ({
      index: Number(row.getAttribute('row-index')),
      cells: Object.fromEntries(
        [...row.querySelectorAll('[col-id]')].map((cell) => [cell.getAttribute('col-id') ?? '', { text: cell.textContent ?? '', differs: cell.classList.contains('cell-differs') }]),
      ),
    })),
  );
  return rows
    .sort((a, b) => a.index - b.index)
    .map((row) => ({ left: row.cells.left_id?.text ?? '', right: row.cells.right_id?.text ?? '', cells: row.cells }));
}

/** The plan's pairs in the grid's order: the largest amount difference first, then by the left record id. */
function orderPairs(pairs: PlannedPair[]): PlannedPair[] {
  return [...pairs].sort((a, b) => Math.abs(planDelta(b)) - Math.abs(planDelta(a)) || Number(a.left) - Number(b.left));
}

test.beforeAll(async ({ browser }) => {
  server = await startServer({ home, contract });
  // Amounts are shown for the user's locale: the expected texts below are American English.
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(server.url);
});

test.afterAll(async () => {
  await page?.close();
  await server?.stop();
});

test('the value bridge is shown first, and its steps add up to the figures of the report', async () => {
  const recon = await readRecon();
  await showTab('Bridge');
  await expect(page.getByRole('radio', { name: 'Value' })).toBeChecked();
  await expectValueBridge(page, recon);
  const differencesName = nameDifferences(recon);
  const differences = recon.value_differences ?? { count: -1, increase: -1, decrease: -1 };

  // The differences step by the plan: N pairs whose amounts changed, the increases and the decreases.
  const deltas = PAIRS.map(planDelta).filter((d) => d !== 0);
  expect(differences).toEqual({
    count: deltas.length,
    increase: deltas.filter((d) => d > 0).reduce((n, d) => n + d, 0) / 100,
    decrease: -deltas.filter((d) => d < 0).reduce((n, d) => n + d, 0) / 100,
  });
  await expect(chart().getByRole('button', { name: differencesName })).toContainText('Amounts differ on 4 matched records');
  await expect(chart().getByRole('button', { name: differencesName })).toContainText('+$350.01 / −$1,500.00');
  await expect(chart().getByRole('button', { name: `left excluded test_deal value: 4000.00` })).toContainText('−$4,000.00 · 1 record');
  // The table: each bucket's value beside its count, and its records without an amount (deals 3 and 5).
  const table = page.getByRole('region', { name: 'Bridge table' });
  await expect(table.getByRole('row', { name: /Value differs/ }).first()).toContainText('$12,500.00');
  await expect(table.getByRole('row', { name: /Value differs/ }).first()).toContainText('2 without an amount');
  await expect(table.getByRole('button', { name: `${differences.count} pairs: amounts differ`, exact: true })).toBeVisible();
  await saveScreenshot(page, 'value-bridge');
  expect(pageErrors).toEqual([]);
});

test('every step of the value bridge opens exactly its records', async () => {
  test.setTimeout(120_000);
  const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
  const recon = await readRecon();
  for (const step of listValueSteps(recon)) {
    await showTab('Bridge');
    await chart().getByRole('button', { name: step.name, exact: true }).click();
    await expect(page.getByRole('tab', { name: 'Records' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('.record-count'), step.name).toHaveText(`${step.ids.length} record${step.ids.length === 1 ? '' : 's'}`);
    // What the listing is worth, beside its count: the step's own value.
    const amount = usd.format(Number(/value: (-?[\d.]+)$/.exec(step.name)?.[1]));
    await expect.poll(async () => ((await page.locator('.record-value').textContent()) ?? '').replace(/, \d+ without an amount$/, ''), step.name).toBe(amount);
    const grid = await readGridIds(page);
    expect.soft([...grid.ids].sort(), `${step.name}: the grid's record ids`).toEqual([...step.ids].sort());
  }
});

test('the differences step opens the pairs whose amounts changed, largest difference first', async () => {
  const recon = await readRecon();
  await showTab('Bridge');
  await chart().getByRole('button', { name: /^amounts differ on/ }).click();
  await expect(page.getByRole('tab', { name: 'Pairs' })).toHaveAttribute('aria-selected', 'true');
  const changed = orderPairs(PAIRS.filter((p) => planDelta(p) !== 0));
  await expect(page.getByRole('button', { name: `Amounts not equal (${changed.length})` })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.pair-count')).toHaveText(`${changed.length} pairs`);
  const rows = await readPairRows(changed.length);
  expect(rows.map((r) => `${r.left} ${r.right}`)).toEqual(changed.map((p) => `${p.left} ${p.right}`));
  // Both amounts side by side to the cent, the difference beside them, the differing cells marked.
  const first = rows[0]?.cells ?? {};
  expect(first['value:left']).toEqual({ text: '$12,500.00', differs: true });
  expect(first['value:right']).toEqual({ text: '$11,000.00', differs: true });
  expect(first.difference?.text).toBe('−$1,500.00');
  expect(first['stage:left']).toEqual({ text: 'closedwon', differs: false });
  expect(rows.find((r) => r.left === '3')?.cells['value:left']).toEqual({ text: 'no amount', differs: true });
  // A cent apart is within the tolerance: the pair is matched, and its amount still changed.
  expect(rows.find((r) => r.left === '10')?.cells.reason?.text).toBe('Matched');
  expect(rows.find((r) => r.left === '10')?.cells.difference?.text).toBe('+$0.01');
  expect(recon.pairs?.map((p) => p.left_id).sort()).toEqual(PAIRS.filter((p) => p.differs.length > 0).map((p) => p.left).sort());
});

test('the pairs grid filters by the field that differs, with the counts of each filter', async () => {
  await showTab('Pairs');
  const all = orderPairs(PAIRS);
  await page.getByRole('button', { name: `All matched pairs (${all.length})` }).click();
  const rows = await readPairRows(all.length);
  expect(rows.map((r) => r.left)).toEqual(all.map((p) => p.left));
  for (const row of rows) {
    const planned = PAIRS.find((p) => p.left === row.left);
    const marked = ['value', 'stage', 'close_date'].filter((f) => row.cells[`${f}:left`]?.differs && row.cells[`${f}:right`]?.differs);
    expect(marked, `pair ${row.left}: the cells marked as differing`).toEqual(planned?.differs);
  }
  await saveScreenshot(page, 'pairs-grid');
  for (const field of ['value', 'stage', 'close_date']) {
    const planned = orderPairs(PAIRS.filter((p) => p.differs.includes(field)));
    const label = `${field === 'close_date' ? 'Close date' : field === 'stage' ? 'Stage' : 'Value'} differs (${planned.length})`;
    await page.getByRole('button', { name: label }).click();
    await expect(page.getByRole('button', { name: label })).toHaveAttribute('aria-pressed', 'true');
    expect((await readPairRows(planned.length)).map((r) => r.left), label).toEqual(planned.map((p) => p.left));
  }
});

test('a pair opens both its records, and the table reaches the pairs from a matched line', async () => {
  await showTab('Pairs');
  await page.getByRole('button', { name: /^All matched pairs/ }).click();
  await page.getByRole('button', { name: 'Inspect pair 1 and 0068c00000AbCdEAAU' }).click();
  const inspector = page.getByRole('complementary', { name: 'Record inspector' });
  await expect(inspector.getByRole('row', { name: 'Record 1 0068c00000AbCdEAAU', exact: true })).toBeVisible();
  await expect(inspector.getByRole('row', { name: /^Step / })).toHaveText(/Matched: Value differs.*Matched: Value differs/);
  await expect(inspector.getByRole('row', { name: 'Value (USD) $12,500.00 $11,000.00', exact: true })).toBeVisible();
  await inspector.getByRole('button', { name: 'Close the inspector' }).click();

  await showTab('Bridge');
  await page.getByRole('region', { name: 'Bridge table' }).getByRole('button', { name: 'List the pairs whose stage differs' }).first().click();
  await expect(page.getByRole('tab', { name: 'Pairs' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: 'Stage differs (1)' })).toHaveAttribute('aria-pressed', 'true');
  expect((await readPairRows(1)).map((r) => r.right)).toEqual(['0068c00000St001AAA']);
});

test('the count bridge stays one click away, and the choice lasts the browser session', async () => {
  const recon = await readRecon();
  await showTab('Bridge');
  await page.getByRole('radio', { name: 'Count' }).check();
  const names = listBridgeControlNames(recon);
  for (const name of [...names.bars, ...names.totals]) await expect(chart().getByRole('button', { name, exact: true }), name).toBeVisible();
  await expect(chart().getByRole('button')).toHaveCount(names.bars.length + names.totals.length);
  // The matched bar opens every matched record, whichever field differs.
  const matched = listIds(recon, 'left', ['matched']);
  await chart().getByRole('button', { name: `matched: ${matched.length}`, exact: true }).click();
  expect([...(await readGridIds(page)).ids].sort()).toEqual([...matched].sort());
  await page.reload();
  await showTab('Bridge');
  await expect(page.getByRole('radio', { name: 'Count' })).toBeChecked();
  await page.getByRole('radio', { name: 'Value' }).check();
  await expect(chart().getByRole('button', { name: /^left gross value: / })).toBeVisible();
});

test('a contract edit that moves amounts says which buckets changed in value, and the value bridge follows', async () => {
  const before = await readRecon();
  await showTab('Bridge');
  await page.getByRole('tab', { name: 'Contract' }).click();
  const editor = page.getByRole('textbox', { name: 'Contract YAML' });
  const text = readFileSync(contract, 'utf8');
  // Deal 2's 1,000.00 EUR becomes 1,100.00 USD: 20.00 above its opportunity, so its pair's value now differs.
  const edited = text.replace('rates: { EUR: 1.08 }', 'rates: { EUR: 1.10 }');
  expect(edited).not.toBe(text);
  await editor.fill(edited);
  const status = page.locator('.editor-status');
  await expect(status).toHaveText(/^No problems/);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  const changes = page.getByRole('region', { name: 'Changes against the previous run' });
  await expect(status).toHaveText('Saved');
  const after = await readRecon();
  const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
  const key = (b: Bucket) => `${b.side}|${b.kind}|${b.reason}`;
  const was = new Map(before.buckets.map((b) => [key(b), b]));
  const now = new Map(after.buckets.map((b) => [key(b), b]));
  const moved = [...new Set([...was.keys(), ...now.keys()])].filter((k) => was.get(k)?.count !== now.get(k)?.count || cents(was.get(k)?.value) !== cents(now.get(k)?.value));
  expect(moved).toContain('left|matched|value_differs');
  await expect(changes.locator('tbody tr')).toHaveCount(moved.length);
  const row = changes.getByRole('row').filter({ hasText: 'Left' }).filter({ hasText: 'Value differs' });
  const [old, fresh] = [was.get('left|matched|value_differs'), now.get('left|matched|value_differs')];
  await expect(row.getByRole('cell')).toHaveText([
    'Left',
    'Matched: Value differs',
    String(old?.count),
    String(fresh?.count),
    `+${(fresh?.count ?? 0) - (old?.count ?? 0)}`,
    usd.format(old?.value ?? 0),
    usd.format(fresh?.value ?? 0),
    `+${usd.format((cents(fresh?.value) - cents(old?.value)) / 100)}`,
  ]);
  await showTab('Bridge');
  await expect(chart().getByRole('button', { name: `left gross value: ${spell(cents(after.left.gross_value))}`, exact: true })).toBeVisible();
  expect(cents(after.left.gross_value) - cents(before.left.gross_value), 'deal 2 is worth 20.00 more').toBe(2000);
});
