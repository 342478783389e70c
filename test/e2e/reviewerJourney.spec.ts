// The reviewer's journey through the browser shell (issue 10, point 8): decide three lines (one disputed), edit a rule, compare the two
// revisions and open a moved record, sign off, see the sign-off hold when nothing changed, export the audit pack and read it back.
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import type { Bucket, BucketKind, ReconciliationReport, Side } from '../../shared/reportTypes';
import type { DecisionLine } from '../../shared/reviewTypes';
import { nameBucket } from './bridgeControlNames';
import { makeRunHome } from './makeRunHome';
import { readGridIds } from './readGridIds';
import { readPdfText } from './readPdfText';
import { reconcileWithCli } from './runReconCli';
import { saveScreenshot } from './saveScreenshot';
import { startServer, type RunningServer } from './startServer';

const TITLE = 'Acme Q3 2026 MQL to CRM lead reconciliation';
const REVIEWER = 'Dana Ruiz';
/** The rule edited: Closed - Not Converted leads leave the CRM's count as well (the version field is left at 7). */
const DISQUALIFIED_BEFORE = `disqualified: '"Lead Status" = ''Disqualified'''`;
const DISQUALIFIED_AFTER = `disqualified: '"Lead Status" IN (''Disqualified'', ''Closed - Not Converted'')'`;
/** The three lines decided, none of which the edit changes: their decisions are still current in the pack. */
const DECIDED = [
  { side: 'left', kind: 'excluded', reason: 'internal', status: 'Explained', note: 'our own staff, excluded by the contract' },
  { side: 'left', kind: 'excluded', reason: 'test', status: 'Accepted', note: 'test contacts from the form QA' },
  { side: 'right', kind: 'excluded', reason: 'internal', status: 'Disputed', note: 'sales says two of these are customers' },
] as const;

/**
 * The steps run in order on one page; each reads what it expects from the CLI on the contract as saved, and from the
 * files the app wrote, so a failed step does not hide what the next ones check.
 */
const home = makeRunHome('reviewerJourney');
const sample = path.join(home, 'sample');
const contract = path.join(sample, 'acme-q3-2026.recon.yaml');
/** The contract as shipped, kept by the test beside it: the expected "before" of the comparison. */
const original = path.join(sample, 'original.recon.yaml');
const decisionsFile = `${contract}.decisions.jsonl`;
let server: RunningServer | null = null;
let page: Page;
const pageErrors: string[] = [];

function firstRecon(report: { reconciliations: ReconciliationReport[] }): ReconciliationReport {
  const recon = report.reconciliations[0];
  if (!recon) throw new Error('the report has no reconciliation');
  return recon;
}

function findBucket(recon: ReconciliationReport, side: string, kind: string, reason: string): Bucket {
  const bucket = recon.buckets.find((b) => b.side === side && b.kind === kind && b.reason === reason);
  if (!bucket) throw new Error(`the report has no ${side} ${kind} ${reason} bucket`);
  return bucket;
}

function readDecisions(): DecisionLine[] {
  return readFileSync(decisionsFile, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as DecisionLine);
}

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

async function showTab(name: 'Bridge' | 'Contract' | 'Compare'): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
}

const bridgeTable = () => page.getByRole('region', { name: 'Bridge table' });

/** The bridge table's row of a line: the row holding its count button. */
function lineRow(bucket: Bucket): Locator {
  return bridgeTable()
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: `${bucket.count} records: ${nameBucket(bucket)}`, exact: true }) });
}

interface ExpectedMove {
  side: Side;
  from: { kind: BucketKind; reason: string };
  to: { kind: BucketKind; reason: string };
  /** In the order of B's report (report.md's sorted ids). */
  ids: string[];
}

/** The moves between two reports, worked out from their buckets' ids alone (not from the comparison's code). */
function listMoves(before: ReconciliationReport, after: ReconciliationReport): ExpectedMove[] {
  const bucketOf = new Map<string, Bucket>();
  for (const bucket of before.buckets) for (const id of bucket.ids) bucketOf.set(`${bucket.side}\u0000${id}`, bucket);
  const moves = new Map<string, ExpectedMove>();
  for (const to of after.buckets) {
    for (const id of to.ids) {
      const from = bucketOf.get(`${to.side}\u0000${id}`);
      if (!from || (from.kind === to.kind && from.reason === to.reason)) continue;
      const key = [to.side, from.kind, from.reason, to.kind, to.reason].join('\u0000');
      const move = moves.get(key) ?? { side: to.side, from: { kind: from.kind, reason: from.reason }, to: { kind: to.kind, reason: to.reason }, ids: [] };
      move.ids.push(id);
      moves.set(key, move);
    }
  }
  return [...moves.values()];
}

const spellBucket = (side: Side, bucket: { kind: BucketKind; reason: string }) => nameBucket({ side, ...bucket });
const moveButtonName = (move: ExpectedMove) => `${move.ids.length} records moved: ${spellBucket(move.side, move.from)} to ${spellBucket(move.side, move.to)}`;

test.beforeAll(async ({ browser }) => {
  // The folder browser may list the run's folder only: a pilot file is chosen there.
  server = await startServer({ home, env: { RECON_BROWSE_ROOT: home } });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  copyFileSync(contract, original);
});

test.afterAll(async () => {
  await page?.close();
  await server?.stop();
});

test('1. the reviewer decides three bridge lines, one of them disputed', async () => {
  const recon = firstRecon(await reconcileWithCli(contract));
  for (const [i, decided] of DECIDED.entries()) {
    const bucket = findBucket(recon, decided.side, decided.kind, decided.reason);
    await bridgeTable().getByRole('button', { name: `Decide ${nameBucket(bucket)}`, exact: true }).click();
    const form = page.getByRole('form', { name: `Decide ${nameBucket(bucket)}` });
    await form.getByRole('radio', { name: decided.status }).check();
    await form.getByRole('textbox', { name: 'Note' }).fill(decided.note);
    await form.getByRole('textbox', { name: 'Note' }).press('Enter');
    if (i === 0) {
      // The first decision asks the reviewer's name, once.
      const dialog = page.getByRole('dialog', { name: 'Your name, as it will appear on decisions' });
      await dialog.getByRole('textbox', { name: 'Your name' }).fill(REVIEWER);
      await dialog.getByRole('button', { name: 'Save the name' }).click();
      await expect(dialog).toBeHidden();
    }
    await expect(lineRow(bucket).locator('.decision-badge')).toHaveText(decided.status);
  }
  const total = recon.buckets.filter((b) => b.count > 0).length;
  await expect(page.getByRole('group', { name: 'Review progress' })).toContainText(`3 of ${total} lines decided`);
  expect(readDecisions().map((d) => [d.side, d.kind, d.reason, d.status, d.note, d.by])).toEqual(
    DECIDED.map((d) => [d.side, d.kind, d.reason, d.status.toLowerCase(), d.note, REVIEWER]),
  );
});

test('2. a rule is edited in the contract editor and applied, the version left as it was', async () => {
  await showTab('Contract');
  const before = readFileSync(contract, 'utf8');
  expect(before).toContain(DISQUALIFIED_BEFORE);
  const edited = before.replace(DISQUALIFIED_BEFORE, DISQUALIFIED_AFTER);
  await page.getByRole('textbox', { name: 'Contract YAML' }).fill(edited);
  await expect(page.getByRole('status').filter({ hasText: 'No problems' })).toBeVisible();
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect.poll(() => readFileSync(contract, 'utf8'), { message: 'the contract file saved with the edited rule' }).toBe(edited);
  // The apply kept a second revision with the same version field: the screen says so.
  await expect(page.getByText('Definitions changed, version still 7.')).toBeVisible();
});

test('3. the two revisions are compared: every bridge line under A and B, the moves, a moved record in the inspector', async () => {
  const before = firstRecon(await reconcileWithCli(original));
  const after = firstRecon(await reconcileWithCli(contract));
  await showTab('Compare');
  const a = page.getByRole('combobox', { name: 'Contract A' });
  const b = page.getByRole('combobox', { name: 'Contract B' });
  // The screen proposes the last apply: the revision before it against the one it kept.
  await expect(a.locator('option:checked')).toHaveText(/^Revision 1 · .* · version 7$/);
  await expect(b.locator('option:checked')).toHaveText(new RegExp(`^Revision 2 · .* · ${REVIEWER} · version 7$`));
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const comparison = page.getByRole('region', { name: `Comparison of ${before.name}` });
  await expect(comparison).toBeVisible();
  await expect(page.getByText('Definitions changed, version still 7.')).toBeVisible();

  // Every line non-empty under A or B, with both counts and the signed delta.
  const keyOf = (bucket: Bucket) => `${bucket.side} ${bucket.kind} ${bucket.reason}`;
  const counts = new Map<string, { a: number; b: number }>();
  for (const bucket of before.buckets) if (bucket.count > 0) counts.set(keyOf(bucket), { a: bucket.count, b: 0 });
  for (const bucket of after.buckets) if (bucket.count > 0) counts.set(keyOf(bucket), { a: counts.get(keyOf(bucket))?.a ?? 0, b: bucket.count });
  const lines = comparison.getByRole('table', { name: `Bridge lines of ${before.name} under A and B` }).locator('tbody tr');
  await expect(lines).toHaveCount(counts.size);
  const shown = (await lines.evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent ?? '')))).map((cells) => [cells[2], cells[3], cells[4]]);
  const signed = (n: number) => (n === 0 ? '0' : `${n < 0 ? '−' : '+'}${Math.abs(n).toLocaleString('en-US')}`);
  expect(shown.sort()).toEqual([...counts.values()].map((c) => [c.a.toLocaleString('en-US'), c.b.toLocaleString('en-US'), signed(c.b - c.a)]).sort());
  const disqualified = lines.filter({ hasText: 'disqualified' }).filter({ has: page.getByRole('cell', { name: 'Right', exact: true }) });
  const wider = counts.get('right excluded disqualified') ?? { a: 0, b: 0 };
  await expect(disqualified.locator('td.delta-up')).toHaveText(signed(wider.b - wider.a));

  // Every move, each count a button; the records of the largest one open in a grid, in the report's order.
  const moves = listMoves(before, after);
  expect(moves.length).toBeGreaterThan(1);
  const movesTable = comparison.getByRole('table', { name: `Records that moved in ${before.name}` });
  await expect(movesTable.getByRole('button')).toHaveCount(moves.length);
  for (const move of moves) await expect(movesTable.getByRole('button', { name: moveButtonName(move), exact: true })).toBeVisible();
  const largest = moves.reduce((x, y) => (y.ids.length > x.ids.length ? y : x));
  expect(largest).toMatchObject({ side: 'right', to: { kind: 'excluded', reason: 'disqualified' } });
  await movesTable.getByRole('button', { name: moveButtonName(largest), exact: true }).click();
  const moved = page.getByRole('region', { name: 'Moved records' });
  await expect(moved).toBeVisible();
  const grid = await readGridIds(page);
  expect(grid.rowCount).toBe(largest.ids.length);
  expect(grid.ids).toEqual(largest.ids);
  // The picture starts at the top of the screen (opening the move scrolled down to its records).
  await page.locator('html').evaluate((html) => html.scrollTo({ top: 0 }));
  await saveScreenshot(page, 'compare');

  // From the grid to the inspector: the open contract (B) reads the moved record in its new line. The grid was read
  // to its end: back to its first record.
  await moved.locator('.ag-grid-viewport').evaluate((viewport) => viewport.scrollTo({ top: 0 }));
  const recordId = largest.ids[0] as string;
  await moved.getByRole('button', { name: `Inspect record ${recordId}`, exact: true }).click();
  const inspector = page.getByRole('complementary', { name: 'Record inspector' });
  await expect(inspector).toBeVisible();
  await expect(inspector.locator('thead')).toContainText('(this record)');
  await expect(inspector.locator('tr', { hasText: 'Reason' }).first()).toContainText('disqualified');
  await inspector.getByRole('button', { name: 'Close the inspector' }).click();
  expect(pageErrors).toEqual([]);
});

test('4. the open contract is compared with a pilot file chosen in the folder browser', async () => {
  const before = firstRecon(await reconcileWithCli(contract));
  const after = firstRecon(await reconcileWithCli(original));
  await showTab('Compare');
  await page.getByRole('combobox', { name: 'Contract A' }).selectOption({ label: 'The open contract, as saved' });
  await page.getByRole('combobox', { name: 'Contract B' }).selectOption({ label: 'Another contract file (a pilot definition)…' });
  await page.getByRole('button', { name: 'Browse for contract B' }).click();
  const browser = page.getByRole('dialog', { name: 'Contract B: choose a contract file' });
  await browser.getByRole('button', { name: 'Open folder sample' }).click();
  // Contract files only: the exports folder is listed, its CSV files are not.
  await expect(browser.getByRole('button', { name: 'Choose acme-q3-2026.recon.yaml' })).toBeVisible();
  await browser.getByRole('button', { name: 'Choose original.recon.yaml' }).click();
  await expect(page.getByRole('textbox', { name: 'Contract B file path' })).toHaveValue(original);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('group', { name: 'Compared contracts' })).toContainText('Pilot original.recon.yaml');
  // The pilot puts back the rule as shipped: every move of the edit, the other way.
  const movesTable = page.getByRole('table', { name: `Records that moved in ${before.name}` });
  const moves = listMoves(before, after);
  await expect(movesTable.getByRole('button')).toHaveCount(moves.length);
  for (const move of moves) await expect(movesTable.getByRole('button', { name: moveButtonName(move), exact: true })).toBeVisible();
});

test('5. the reviewer signs off, and with nothing changed the sign-off holds after a reopen', async () => {
  const recon = firstRecon(await reconcileWithCli(contract));
  await showTab('Bridge');
  await page.getByRole('button', { name: 'Sign off', exact: true }).click();
  const form = page.getByRole('form', { name: `Sign off ${recon.name}` });
  await form.getByRole('textbox', { name: 'Sign-off note' }).fill('agreed with both teams; the wider disqualified rule applies');
  await form.getByRole('button', { name: 'Confirm sign-off' }).click();
  const signed = page.getByRole('status').filter({ hasText: 'Signed off by' });
  await expect(signed).toContainText(`Signed off by ${REVIEWER}`);
  await expect(signed).toContainText('(version 7)');
  expect(readDecisions().at(-1)).toMatchObject({ status: 'signed_off', reconciliation: recon.name, by: REVIEWER, contract_sha256: sha256(readFileSync(contract)) });

  // Nothing changes: the investigation reopened from the start screen recomputes everything, and the sign-off still holds.
  await page.getByRole('button', { name: 'Investigations' }).click();
  await page.getByRole('button', { name: `Reopen ${TITLE}` }).click();
  await expect(page.getByRole('tab', { name: 'Bridge' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'Signed off by' })).toContainText(`Signed off by ${REVIEWER}`);
  await expect(page.getByRole('alert').filter({ hasText: 'Sign-off no longer holds' })).toHaveCount(0);
});

test('6. the audit pack is exported and read back: the decisions in the Summary, a bucket sheet holds its records, the PDF its title and hashes', async () => {
  const recon = firstRecon(await reconcileWithCli(contract));
  const downloads: Download[] = [];
  page.on('download', (download) => downloads.push(download));
  await page.getByRole('button', { name: 'Export audit pack' }).click();
  await expect.poll(() => downloads.length, { message: 'the workbook and the PDF downloaded' }).toBe(2);
  const [workbookDownload, pdfDownload] = downloads as [Download, Download];
  expect(workbookDownload.suggestedFilename()).toBe(`${TITLE} v7 audit.xlsx`);
  expect(pdfDownload.suggestedFilename()).toBe(`${TITLE} v7 audit.pdf`);

  const workbook = XLSX.read(readFileSync(await workbookDownload.path()), { type: 'buffer' });
  const summary = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets['Summary'] as XLSX.WorkSheet, { header: 1, defval: '' });
  for (const decided of DECIDED) {
    const row = summary.find((r) => r[0] === decided.side && r[1] === decided.kind && r[2] === decided.reason);
    expect(row, `the Summary's row of ${decided.side} excluded ${decided.reason}`).toBeDefined();
    expect(row?.slice(5, 7)).toEqual([decided.status.toLowerCase(), decided.note]);
  }
  // The wider rule's bucket: row 1 names it, row 2 is the header, its records from row 3, exactly the report's ids.
  const disqualified = findBucket(recon, 'right', 'excluded', 'disqualified');
  const sheet = workbook.Sheets['R excl disqualified'];
  expect(sheet, 'a sheet for the right excluded disqualified bucket').toBeDefined();
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet as XLSX.WorkSheet, { header: 1, defval: '' });
  expect(rows[1]?.[0]).toBe('id');
  expect(rows.slice(2).map((r) => String(r[0]))).toEqual(disqualified.ids);

  const pages = await readPdfText(readFileSync(await pdfDownload.path()));
  // Long hashes may wrap: they are looked for in the text without its spaces.
  const text = pages.join('\n');
  const compact = text.replace(/\s+/g, '');
  expect(text).toContain(TITLE);
  expect(compact).toContain(sha256(readFileSync(contract)));
  expect(compact).toContain(sha256(readFileSync(path.join(sample, 'exports', 'hubspot_contacts.csv'))));
  for (const [i, content] of pages.entries()) expect(content, `page ${i + 1} carries the title`).toContain(TITLE);
  expect(pageErrors).toEqual([]);
});
