// Records a reviewer can hand on: unreadable values open to their records, a filtered bucket exports with its labels, steps, dates and About part.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { expect, test, type Download, type Page } from '@playwright/test';
import { REVIEW_TITLE, writeReviewInvestigation } from '../engine/writeReviewInvestigation';
import { makeRunHome } from './makeRunHome';
import { readGridIds } from './readGridIds';
import { projectRoot, startServer, type RunningServer } from './startServer';

const home = makeRunHome('exportsForReviewers');
const contract = writeReviewInvestigation(path.join(home, 'review'));
let server: RunningServer | null = null;
let page: Page;
const pageErrors: string[] = [];

async function readDownload(download: Download): Promise<Buffer> {
  return readFileSync(await download.path());
}

/** Opens the filter of one grid column and types a "contains" value into it. */
async function filterColumn(columnId: string, value: string): Promise<void> {
  await page.locator(`.ag-header-cell[col-id="${columnId}"] .ag-header-cell-filter-button`).click();
  const input = page.locator('.ag-filter .ag-input-field-input[type="text"]').first();
  await input.fill(value);
  await page.keyboard.press('Escape');
}

test.beforeAll(async ({ browser }) => {
  server = await startServer({ home, contract });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1, name: REVIEW_TITLE })).toBeVisible();
});

test.afterAll(async () => {
  await page?.close();
  await server?.stop();
});

test('the source card\'s unreadable values open to the records that carry them', async () => {
  const card = page.getByRole('region', { name: 'Source hubspot' });
  // Create Date of L5 and MQL Date of L2 do not read as dates.
  await card.getByRole('button', { name: '2 unreadable values of hubspot: show the records of Create Date' }).click();
  await expect(page.getByRole('tab', { name: 'Records' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { level: 2 })).toContainText('Left · Gross: hubspot rows whose "Create Date" could not be read as a date');
  await expect(page.locator('.record-count')).toHaveText('1 record');
  expect((await readGridIds(page)).ids).toEqual(['L5']);

  await page.getByRole('tab', { name: 'Bridge' }).click();
  await card.getByText('Unreadable values of hubspot').click();
  await card.getByRole('button', { name: 'Show the record of MQL Date' }).click();
  await expect(page.locator('.record-count')).toHaveText('1 record');
  expect((await readGridIds(page)).ids).toEqual(['L2']);
  // Its step and reason in words: an unreadable date, not a missing one.
  await expect(page.locator('.ag-row[row-index="0"] [col-id="kind"]')).toHaveText('Out of period');
  await expect(page.locator('.ag-row[row-index="0"] [col-id="reason"]')).toHaveText('Unreadable date');
  await page.screenshot({ path: path.join(projectRoot, 'test-results/screenshots/records-unreadable.png'), animations: 'disabled', caret: 'hide' });
});

test('a filtered bucket exports as .xlsx and CSV with its labels, steps, dates and About part', async () => {
  await page.getByRole('combobox', { name: 'Records of' }).selectOption({ label: 'Left · Gross: every hubspot row (6)' });
  const exportButton = page.getByRole('button', { name: /^Export \d+ (filtered )?rows?$/ });
  await expect(exportButton).toHaveText('Export 6 rows');
  await expect(page.getByRole('columnheader', { name: 'MQL date (America/New_York)' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'MQL date as exported (UTC)' })).toBeVisible();
  // dee@x.com and eve@x.com: L4 (timing) and L5 (unmatched, a date alone).
  await filterColumn('identity_key', 'e@');
  await expect(page.locator('.record-count')).toHaveText('2 of 6 records');
  await expect(exportButton).toHaveText('Export 2 filtered rows');
  expect((await readGridIds(page)).ids).toEqual(['L4', 'L5']);
  await page.screenshot({ path: path.join(projectRoot, 'test-results/screenshots/records-filtered.png'), animations: 'disabled', caret: 'hide' });

  await page.getByRole('combobox', { name: 'Export format' }).selectOption('xlsx');
  const [xlsx] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
  expect(xlsx.suggestedFilename()).toBe('mqls-vs-crm-leads-left-gross.xlsx');
  const book = XLSX.read(await readDownload(xlsx), { type: 'buffer', cellNF: true });
  expect(book.SheetNames).toEqual(['About', 'Records']);
  const about = new Map(XLSX.utils.sheet_to_json<string[]>(book.Sheets.About as XLSX.WorkSheet, { header: 1 }).map((r) => [r[0], r[1]]));
  expect(about.get('Contract')).toBe(REVIEW_TITLE);
  expect(about.get('Version')).toBe('3');
  expect(about.get('Period')).toBe('2026-07-01 to 2026-09-30');
  expect(about.get('Time zone')).toBe('America/New_York');
  expect(about.get('Reconciliation')).toBe('MQLs vs CRM leads');
  expect(about.get('Bucket')).toBe('Gross: every hubspot row');
  expect(about.get('Filter')).toBe('Identity key contains "e@"');
  expect(about.get('Rows')).toBe('2');
  const sheet = book.Sheets.Records as XLSX.WorkSheet;
  const [header = [], ...rows] = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null });
  expect(header.slice(0, 6)).toEqual(['Record id', 'Identity key', 'Step', 'Reason', 'MQL date as exported (UTC)', 'MQL date (America/New_York)']);
  expect(rows.map((r) => r.slice(0, 4))).toEqual([
    ['L4', 'dee@x.com', 'Timing', 'Timing'],
    ['L5', 'eve@x.com', 'Unmatched', 'No counterpart'],
  ]);
  // Real Excel dates: number cells with a date format, in New York time (02:30 UTC on Oct 1 is Sep 30 there).
  const dates = [2, 3].map((row) => sheet[XLSX.utils.encode_cell({ r: row - 1, c: 5 })] as XLSX.CellObject);
  expect(dates.map((c) => [c.t, XLSX.SSF.format(c.z as string, c.v as number)])).toEqual([
    ['n', '2026-09-30 22:30'],
    ['n', '2026-08-01'],
  ]);

  await page.getByRole('combobox', { name: 'Export format' }).selectOption('csv');
  const [csv] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
  expect(csv.suggestedFilename()).toBe('mqls-vs-crm-leads-left-gross.csv');
  const lines = (await readDownload(csv)).toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
  const blank = lines.indexOf('');
  expect(lines.slice(0, blank)).toEqual(expect.arrayContaining([`Contract,${REVIEW_TITLE}`, 'Bucket,Gross: every hubspot row', 'Filter,"Identity key contains ""e@"""', 'Rows,2']));
  expect(lines[blank + 1]?.split(',').slice(0, 6)).toEqual(['Record id', 'Identity key', 'Step', 'Reason', 'MQL date as exported (UTC)', 'MQL date (America/New_York)']);
  expect(lines.slice(blank + 2, -1).map((l) => l.split(',').slice(0, 6))).toEqual([
    ['L4', 'dee@x.com', 'Timing', 'Timing', '2026-10-01 02:30', '2026-09-30T22:30:00'],
    ['L5', 'eve@x.com', 'Unmatched', 'No counterpart', '2026-08-01', '2026-08-01'],
  ]);
  expect(pageErrors).toEqual([]);
  await expect(page.getByRole('alert')).toHaveCount(0);
});
