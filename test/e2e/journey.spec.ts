// The journey a person makes through the browser shell: sample, bridge, every bucket's records, inspector, contract edit, export, reopen, crash.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { expect, test, type Download, type Page } from '@playwright/test';
import type { Bucket, ReconReport, ReconciliationReport } from '../../shared/reportTypes';
import { nameBucket } from './bridgeControlNames';
import { readContractEditor, selectInContractEditor } from './contractEditorText';
import { expectBridgeCounts } from './expectBridgeCounts';
import { readGridIds } from './readGridIds';
import { makeRunHome } from './makeRunHome';
import { inspectWithCli, reconcileWithCli } from './runReconCli';
import { saveScreenshot } from './saveScreenshot';
import { startServer, type RunningServer } from './startServer';

const TITLE = 'Acme Q3 2026 MQL to CRM lead reconciliation';
const HOSTILE_RULE = "read_csv('/etc/passwd') IS NOT NULL";
/** The edit of step 5: Closed - Not Converted leads leave the CRM's count as well. */
const WIDER_DISQUALIFIED = `'"Lead Status" IN (''Disqualified'', ''Closed - Not Converted'')'`;
/** The edit the server is killed in the middle of applying. */
const WIDER_PARTNER = `"lead_source IN ('Partner Referral', 'Webinar')"`;

/**
 * The steps run in order, one worker, one page. The investigation lives in `home` (kept for the whole run):
 * each step reads what it expects from the CLI on the contract file as saved, so a failed step does not stop
 * the next ones, which carry on in a new worker from what the app saved.
 */
const home = makeRunHome('journey');
const contract = path.join(home, 'sample', 'acme-q3-2026.recon.yaml');
let server: RunningServer | null = null;
let page: Page;
const pageErrors: string[] = [];

function firstRecon(r: ReconReport): ReconciliationReport {
  const recon = r.reconciliations[0];
  if (!recon) throw new Error('the report has no reconciliation');
  return recon;
}

function findBucket(r: ReconReport, side: string, kind: string, reason: string): Bucket {
  const bucket = firstRecon(r).buckets.find((b) => b.side === side && b.kind === kind && b.reason === reason);
  if (!bucket) throw new Error(`the report has no ${side} ${kind} ${reason} bucket`);
  return bucket;
}

async function openServer(): Promise<RunningServer> {
  server = await startServer({ home });
  return server;
}

async function showTab(name: 'Bridge' | 'Records' | 'Contract'): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
}

/** From any screen, back to the start screen, then reopen the investigation from the recent list. */
async function reopenFromStart(): Promise<void> {
  await page.getByRole('button', { name: 'Investigations' }).click();
  await page.getByRole('button', { name: `Reopen ${TITLE}` }).click();
  await expect(page.getByRole('tab', { name: 'Bridge' })).toHaveAttribute('aria-selected', 'true');
}

/** Puts the caret over a rule's expression (everything after `NAME: ` on its line) and types a new one, key by key. */
async function retypeRule(rule: string, expression: string): Promise<number> {
  const text = await readContractEditor(page);
  const lines = text.split('\n');
  const lineIndex = lines.findIndex((l) => new RegExp(`^\\s+${rule}: `).test(l));
  expect(lineIndex, `a line defining the rule ${rule}`).toBeGreaterThanOrEqual(0);
  const line = lines[lineIndex] as string;
  const start = lines.slice(0, lineIndex).reduce((n, l) => n + l.length + 1, 0) + line.indexOf(': ') + 2;
  await selectInContractEditor(page, start, start + line.length - line.indexOf(': ') - 2);
  await page.keyboard.type(expression);
  return lineIndex + 1;
}

async function readDownload(download: Download): Promise<Buffer> {
  const file = await download.path();
  return readFileSync(file);
}

/** The records of an export: the Records sheet of a workbook, or what follows the About lines of a CSV. */
function readRecords(sheet: XLSX.WorkSheet): { header: string[]; rows: unknown[][] } {
  const [header, ...rows] = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null });
  return { header: (header ?? []).map(String), rows };
}

function readColumn(records: { header: string[]; rows: unknown[][] }, label: string): string[] {
  const at = records.header.indexOf(label);
  expect(at, `a "${label}" column in the export`).toBeGreaterThanOrEqual(0);
  return records.rows.map((row) => String(row[at]));
}

const sorted = (ids: string[]) => [...ids].sort();

test.beforeAll(async ({ browser }) => {
  const started = await openServer();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(started.url);
});

test.afterAll(async () => {
  await page?.close();
  await server?.stop();
});

test('1. the start screen opens the sample investigation', async () => {
  // The server opened the sample before the page loaded: the first screen is its bridge.
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Bridge' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'Investigations' }).click();
  await expect(page.getByRole('button', { name: 'Open the sample investigation' })).toBeEnabled();
  await expect(page.getByRole('textbox', { name: 'Contract file path', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: `Reopen ${TITLE}` })).toBeVisible();
  await saveScreenshot(page, 'start');
  await page.getByRole('button', { name: 'Open the sample investigation' }).click();
  await expect(page.getByRole('tab', { name: 'Bridge' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
});

test('2. every count of the bridge equals `recon reconcile --json` on the same contract', async () => {
  const report = await reconcileWithCli(contract);
  await showTab('Bridge');
  await expectBridgeCounts(page, firstRecon(report));
  await expect(page.getByRole('alert')).toHaveCount(0);
  await saveScreenshot(page, 'bridge');
});

test('3. every bucket opens to exactly its records', async () => {
  test.setTimeout(150_000);
  const recon = firstRecon(await reconcileWithCli(contract));
  const buckets = recon.buckets.filter((b) => b.count > 0);
  // Every kind on each side where the sample has it.
  expect(new Set(buckets.map((b) => `${b.side} ${b.kind}`)).size).toBe(14);
  for (const bucket of buckets) {
    await showTab('Bridge');
    // The left side through the chart's bars, the right side (and matched) through the table's counts.
    const viaBar = bucket.side === 'left' && bucket.kind !== 'matched';
    const control = viaBar
      ? page.getByRole('region', { name: 'Bridge chart' }).getByRole('button', { name: `${nameBucket(bucket)}: ${bucket.count}`, exact: true })
      : page.getByRole('region', { name: 'Bridge table' }).getByRole('button', { name: `${bucket.count} records: ${nameBucket(bucket)}`, exact: true });
    await control.click();
    await expect(page.getByRole('tab', { name: 'Records' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('.record-count'), nameBucket(bucket)).toHaveText(`${bucket.count} records`);
    const grid = await readGridIds(page);
    // Soft: one run lists every bucket that is wrong, not only the first.
    expect.soft(grid.rowCount, `${nameBucket(bucket)}: the grid's row count`).toBe(bucket.count);
    expect.soft(grid.ids.length, `${nameBucket(bucket)}: rows read from the grid`).toBe(bucket.count);
    expect.soft(sorted(grid.ids), `${nameBucket(bucket)}: the grid's record ids`).toEqual(sorted(bucket.ids));
  }
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('4. the inspector shows a timing record with the dates `recon inspect` gives', async () => {
  const report = await reconcileWithCli(contract);
  const timing = findBucket(report, 'left', 'timing', 'timing');
  await showTab('Bridge');
  await page.getByRole('region', { name: 'Bridge table' }).getByRole('button', { name: `${timing.count} records: left timing`, exact: true }).click();
  await expect(page.locator('.record-count')).toHaveText(`${timing.count} records`);
  const firstRow = page.locator('.ag-row[row-index="0"] [col-id="record_id"]');
  await expect(firstRow).not.toBeEmpty();
  const recordId = (await firstRow.textContent()) ?? '';
  expect(timing.ids).toContain(recordId);
  await saveScreenshot(page, 'records');

  await page.getByRole('button', { name: `Inspect record ${recordId}`, exact: true }).click();
  const inspector = page.getByRole('complementary', { name: 'Record inspector' });
  await expect(inspector).toBeVisible();
  const heading = (await inspector.getByRole('heading').first().textContent()) ?? '';
  const key = heading.replace(/^Identity key /, '');
  expect(key, 'the inspector names the identity key').not.toBe(heading);
  const zone = report.period.timezone;
  // The inspector's table: a header row of records, then one row per field; cell i+1 is record i.
  const table = await inspector.locator('table tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim())));
  const byField = new Map(table.map((cells) => [cells[0] ?? '', cells.slice(1)]));
  const recordIds = byField.get('Record') ?? [];
  const headers = table[0]?.slice(1) ?? [];
  const expected = await inspectWithCli(contract, key);
  expect(expected.rows.length).toBeGreaterThanOrEqual(2);
  expect(recordIds.length).toBe(expected.rows.length);
  for (const row of expected.rows) {
    const column = recordIds.findIndex((id, i) => id === row.id && (headers[i] ?? '').startsWith(row.side === 'left' ? 'Left' : 'Right'));
    expect(column, `the inspector shows ${row.side} record ${row.id}`).toBeGreaterThanOrEqual(0);
    expect(byField.get('Date as exported')?.[column], `${row.side} ${row.id}: date as exported`).toBe(row.dateExported ?? '');
    expect(byField.get(`Date in ${zone}`)?.[column], `${row.side} ${row.id}: date in ${zone}`).toBe(row.dateReporting ?? '');
    expect.soft(byField.get('Row in the file')?.[column], `${row.side} ${row.id}: row in the file`).toBe(String(row.rowNo));
  }
  // Timing: counted on the left, out of the period on the right.
  expect(expected.rows.some((r) => r.side === 'left' && r.id === recordId && r.kind === 'timing')).toBe(true);
  expect(expected.rows.some((r) => r.side === 'right' && r.kind === 'out_of_period')).toBe(true);
  await saveScreenshot(page, 'inspector');
  await inspector.getByRole('button', { name: 'Close the inspector' }).click();
  await expect(inspector).toHaveCount(0);
});

test('5. a contract edit is checked as typed, applied, and moves the bridge', async () => {
  const previous = await reconcileWithCli(contract);
  const before = findBucket(previous, 'right', 'excluded', 'disqualified');
  await showTab('Contract');
  const apply = page.getByRole('button', { name: 'Apply', exact: true });
  await expect.poll(() => readContractEditor(page)).toBe(readFileSync(contract, 'utf8'));

  const line = await retypeRule('disqualified', `"${HOSTILE_RULE}"`);
  const problem = page.getByRole('button', { name: new RegExp(`^Line ${line}(:\\d+)?$`) });
  await expect(problem).toBeVisible();
  await expect(page.locator('#contract-issues')).toContainText('disqualified');
  await expect(page.locator('#contract-issues')).toContainText('read_csv');
  await expect(apply).toBeDisabled();

  await retypeRule('disqualified', WIDER_DISQUALIFIED);
  await expect(problem).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText(/^No problems/);
  await expect(apply).toBeEnabled();
  const edited = await readContractEditor(page);
  await apply.click();

  const changes = page.getByRole('region', { name: 'Changes against the previous run' });
  await expect(changes).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Saved');
  // Only the edited metric and its bridge were recomputed (issue 11): the screen says so, and how long it took.
  await expect(page.getByText(/^Recomputed CRM Lead and rebuilt the bridge MQLs vs CRM leads in \d+(\.\d)? m?s; 9 sources and 5 other metrics reused\.$/)).toBeVisible();
  expect(readFileSync(contract, 'utf8'), 'the contract file holds the applied text').toBe(edited);
  const report = await reconcileWithCli(contract);
  const after = findBucket(report, 'right', 'excluded', 'disqualified');
  expect(after.count).toBeGreaterThan(before.count);
  const row = changes.getByRole('row').filter({ hasText: 'disqualified' }).filter({ hasText: 'Right' });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell')).toHaveText(['Right', /disqualified/, String(before.count), String(after.count), `+${after.count - before.count}`]);
  // One row per bucket whose count moved, zero-count buckets that appeared or went away included.
  const key = (b: Bucket) => `${b.side}|${b.kind}|${b.reason}`;
  const counts = (r: ReconReport) => new Map(firstRecon(r).buckets.map((b) => [key(b), b.count]));
  const was = counts(previous);
  const now = counts(report);
  const moved = [...new Set([...was.keys(), ...now.keys()])].filter((k) => (was.get(k) ?? 0) !== (now.get(k) ?? 0));
  await expect(changes.locator('tbody tr')).toHaveCount(moved.length);
  await saveScreenshot(page, 'contract');

  await showTab('Bridge');
  await expect(page.getByRole('region', { name: 'Bridge chart' }).getByRole('button', { name: `right excluded disqualified: ${after.count}`, exact: true })).toBeVisible();
  await expectBridgeCounts(page, firstRecon(report));
});

test('6. a bucket exports to CSV and Excel with exactly its records', async () => {
  const report = await reconcileWithCli(contract);
  const bucket = findBucket(report, 'right', 'excluded', 'disqualified');
  // The bucket step 5 widened: the export must follow the applied contract.
  expect(readFileSync(contract, 'utf8')).toContain(WIDER_DISQUALIFIED);
  await showTab('Bridge');
  await page.getByRole('region', { name: 'Bridge table' }).getByRole('button', { name: `${bucket.count} records: ${nameBucket(bucket)}`, exact: true }).click();
  await expect(page.locator('.record-count')).toHaveText(`${bucket.count} records`);

  const exportButton = page.getByRole('button', { name: `Export ${bucket.count} rows`, exact: true });
  const format = page.getByRole('combobox', { name: 'Export format' });
  const reason = 'disqualified';

  await format.selectOption('csv');
  const [csv] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const lines = (await readDownload(csv)).toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
  const blank = lines.indexOf('');
  expect(lines.slice(0, blank)).toEqual(expect.arrayContaining([`Contract,${TITLE}`, 'Reconciliation,MQLs vs CRM leads', `Bucket,Excluded: ${reason}`, `Rows,${bucket.count}`]));
  const csvRecords = readRecords(XLSX.read(lines.slice(blank + 1).join('\n'), { type: 'string', raw: true }).Sheets.Sheet1 as XLSX.WorkSheet);
  expect(sorted(readColumn(csvRecords, 'Record id'))).toEqual(sorted(bucket.ids));
  expect(new Set(readColumn(csvRecords, 'Step'))).toEqual(new Set(['Excluded']));
  expect(new Set(readColumn(csvRecords, 'Reason'))).toEqual(new Set([reason]));
  // Salesforce's Create Date is Los Angeles wall time; the listed date is New York's, in ISO 8601.
  const dates = readColumn(csvRecords, 'CRM Lead date (America/New_York)').filter((d) => d !== 'null');
  expect(dates.length).toBeGreaterThan(0);
  for (const date of dates) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00$/);

  await format.selectOption('xlsx');
  const [xlsx] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const book = XLSX.read(await readDownload(xlsx), { type: 'buffer' });
  expect(book.SheetNames).toEqual(['About', 'Records']);
  const records = readRecords(book.Sheets.Records as XLSX.WorkSheet);
  expect(sorted(readColumn(records, 'Record id'))).toEqual(sorted(bucket.ids));
  expect(new Set(readColumn(records, 'Reason'))).toEqual(new Set([reason]));
});

test('7. a stopped server reopens the edited investigation from the recent list', async () => {
  expect(await server?.stop(), 'the server exits cleanly on SIGTERM').toBe(0);
  server = null;
  const next = await openServer();
  await page.goto(next.url);
  await reopenFromStart();
  const report = await reconcileWithCli(contract);
  expect(readFileSync(contract, 'utf8'), 'the edit of step 5 is saved').toContain(WIDER_DISQUALIFIED);
  await expectBridgeCounts(page, firstRecon(report));
  await showTab('Contract');
  await expect.poll(() => readContractEditor(page)).toBe(readFileSync(contract, 'utf8'));
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('8. a server killed while it applies a contract reopens the investigation as the file says', async () => {
  const saved = readFileSync(contract, 'utf8');
  await showTab('Contract');
  await retypeRule('partner', WIDER_PARTNER);
  await expect(page.getByRole('status')).toHaveText(/^No problems/);
  const edited = await readContractEditor(page);
  const applying = page.waitForRequest((request) => request.url().endsWith('/api/applyContract'));
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await applying;
  await server?.kill();
  server = null;

  // Killed before or after the file was renamed into place: either text, never a mix.
  const onDisk = readFileSync(contract, 'utf8');
  expect([saved, edited]).toContain(onDisk);
  test.info().annotations.push({ type: 'crash', description: onDisk === saved ? 'killed before the contract was saved' : 'killed after the contract was saved' });
  const next = await openServer();
  await page.goto(next.url);
  await reopenFromStart();
  await expectBridgeCounts(page, firstRecon(await reconcileWithCli(contract)));
});

test('9. a server killed right after it started reopens the investigation as it was', async () => {
  expect(await server?.stop()).toBe(0);
  await (await openServer()).kill();
  server = null;
  const report = await reconcileWithCli(contract);
  const next = await openServer();
  await page.goto(next.url);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expectBridgeCounts(page, firstRecon(report));
  await reopenFromStart();
  await expectBridgeCounts(page, firstRecon(report));
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(pageErrors, 'uncaught errors in the page').toEqual([]);
});
