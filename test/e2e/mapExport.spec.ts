// Mapping one export in the browser shell: browse to a workbook, pick its second sheet, choose id, key and date, see the dates read.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { expect, test, type Page } from '@playwright/test';
import { makeRunHome } from './makeRunHome';
import { saveScreenshot } from './saveScreenshot';
import { startServer, type RunningServer } from './startServer';

const home = makeRunHome('map-export');
/** The folder the browser may browse: the test's own, never the real home folder. */
const browseRoot = path.join(home, 'browse');
let server: RunningServer | null = null;
let page: Page;
const pageErrors: string[] = [];

/** A workbook as people send them: a notes sheet first, the records on the second sheet. */
function writeWorkbook(file: string): void {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['About this file'], ['Leads exported for the Q3 review.']]), 'Notes');
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([
      ['Lead ID', 'Email', 'Owner', 'Signup Date'],
      ['L-1', 'ann@example.com', 'Grace', '2026-07-01T02:00:00Z'],
      ['L-2', 'bob@example.com', 'Grace', '7/21/2026'],
      ['L-3', 'cy@example.com', 'Omar', 'n/a'],
      ['L-4', 'dee@example.com', 'Omar', '2026-08-15 09:30'],
      ['L-5', 'eve@example.com', 'Grace', '2026-09-30'],
    ]),
    'Leads',
  );
  writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

test.beforeAll(async ({ browser }) => {
  mkdirSync(path.join(browseRoot, 'exports', 'q3'), { recursive: true });
  writeWorkbook(path.join(browseRoot, 'exports', 'q3', 'leads-review.xlsx'));
  writeFileSync(path.join(browseRoot, 'exports', 'readme.md'), 'not an export');
  // A report as Salesforce writes it: a title above the header, totals and a confidentiality line below.
  writeFileSync(
    path.join(browseRoot, 'exports', 'leads-report.csv'),
    ['"Leads Q3"', '', '"Lead ID";"Email";"Create Date"', '"00Q1";"ann@example.com";"7/21/2026 9:26 PM"', '"00Q2";"bob@example.com";"7/22/2026 8:00 AM"', '', '"Grand Totals (2 records)"', '"Confidential"'].join('\r\n'),
  );
  server = await startServer({ home, env: { RECON_BROWSE_ROOT: browseRoot } });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Investigations' }).click();
});

test.afterAll(async () => {
  await page?.close();
  await server?.stop();
});

test('browses to a workbook, reads its second sheet and maps its id, key and date', async () => {
  const left = page.getByRole('group', { name: 'Left export' });
  await left.getByRole('button', { name: 'Browse for the left export' }).click();
  const browser = page.getByRole('dialog', { name: 'Left: choose an export' });
  // The top of what may be browsed: no way up from it.
  await expect(browser.getByLabel('Current folder')).toHaveText(browseRoot);
  await expect(browser.getByRole('button', { name: 'Up one folder' })).toBeDisabled();
  await browser.getByRole('button', { name: 'Open folder exports' }).click();
  // Only folders and exports are listed.
  await expect(browser.getByRole('button', { name: 'Open folder q3' })).toBeVisible();
  await expect(browser.getByRole('button', { name: /readme/ })).toHaveCount(0);
  await browser.getByRole('button', { name: 'Open folder q3' }).click();
  await browser.getByRole('button', { name: 'Choose leads-review.xlsx' }).click();
  await expect(browser).toHaveCount(0);
  await expect(left.getByRole('textbox', { name: 'Left export file path' })).toHaveValue(path.join(browseRoot, 'exports', 'q3', 'leads-review.xlsx'));

  // The first sheet is read first; the picker shows both with their sizes and first rows.
  const sheets = left.getByRole('group', { name: 'Left workbook sheet' });
  await expect(sheets.getByRole('radio', { name: 'Notes 1 row' })).toBeChecked();
  await expect(sheets.getByRole('table', { name: 'First rows of Leads' })).toContainText('ann@example.com');
  await sheets.getByRole('radio', { name: 'Leads 5 rows' }).click();
  await expect(sheets.getByRole('radio', { name: 'Leads 5 rows' })).toBeChecked();
  await expect(left.getByText('5 rows read · sheet "Leads"')).toBeVisible();

  // The unique, non-empty id column is chosen by itself; the key is the e-mail column.
  const id = left.getByRole('combobox', { name: 'Left record id column', exact: true });
  await expect(id).toHaveValue('Lead ID');
  const key = left.getByRole('combobox', { name: 'Left key that says two records are the same', exact: true });
  await expect(key).toHaveValue('Email');
  // Any column may be the key: an id both systems carry, then back to the e-mail address.
  await key.selectOption('Lead ID');
  await expect(key).toHaveValue('Lead ID');
  await key.selectOption('Email');
  await id.selectOption('Owner');
  await expect(left.getByText("'Owner' is empty or repeats on some rows")).toBeVisible();
  await id.selectOption('Lead ID');
  await expect(left.getByText("'Owner' is empty or repeats on some rows")).toHaveCount(0);

  // A column that does not hold dates is flagged right where it is chosen.
  const date = left.getByRole('combobox', { name: 'Left date that counts', exact: true });
  await date.selectOption('Owner');
  await expect(left.getByRole('alert').filter({ hasText: 'not read as dates' })).toHaveText("5 of 5 values of 'Owner' do not read as dates: 'Grace', 'Omar'");
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toHaveAccessibleDescription(/5 of 5 values of 'Owner' do not read as dates/);

  // The real date: its first values as they read in the file's zone, the one that is no date called out.
  await date.selectOption('Signup Date');
  await expect(left.getByText('signup_date', { exact: true })).toBeVisible();
  const zone = left.getByRole('combobox', { name: 'Left time zone of the file', exact: true });
  await zone.fill('America/New_York');
  const preview = left.getByRole('table', { name: 'Left date preview' });
  await expect(preview.getByRole('columnheader', { name: 'Reads as (America/New_York)' })).toBeVisible();
  await expect(preview.getByRole('row')).toHaveText([/As exported/, /2026-07-01T02:00:00Z\s*2026-06-30 22:00/, /7\/21\/2026\s*2026-07-21/, /n\/a\s*not a date/, /2026-08-15 09:30\s*2026-08-15 09:30/, /2026-09-30\s*2026-09-30/]);
  await expect(left.getByRole('alert').filter({ hasText: 'not read as dates' })).toHaveText("1 of 5 values of 'Signup Date' does not read as dates: 'n/a'");
  await zone.fill('Asia/Tokyo');
  await expect(preview.getByRole('row').nth(1)).toHaveText(/2026-07-01 11:00/);
  await left.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'map-export');
  expect(pageErrors).toEqual([]);
});

test('the folder browser refuses to leave its root and says so', async () => {
  const right = page.getByRole('group', { name: 'Right export' });
  await right.getByRole('textbox', { name: 'Right export file path' }).fill('/etc/passwd');
  await right.getByRole('button', { name: 'Browse for the right export' }).click();
  const browser = page.getByRole('dialog', { name: 'Right: choose an export' });
  await expect(browser.getByRole('alert')).toContainText(`/etc: outside ${browseRoot}; only folders under it can be browsed here`);
  await expect(browser.getByLabel('Current folder')).toHaveText(browseRoot);
  await browser.getByRole('button', { name: 'Close' }).click();
  await expect(browser).toHaveCount(0);
});

test('a file that cannot be read is said next to its path; a report that reads says what was read and asks its zone', async () => {
  const right = page.getByRole('group', { name: 'Right export' });
  const missing = path.join(browseRoot, 'exports', 'gone.csv');
  const file = right.getByRole('textbox', { name: 'Right export file path' });
  await file.fill(missing);
  await right.getByRole('button', { name: 'Read the right export' }).click();
  await expect(file).toHaveAccessibleDescription(`${missing}: file not found`);
  await expect(file).toHaveAttribute('aria-invalid', 'true');
  // A file that reads: what was read is said in one line, and the layout's word on its time zone next to the zone.
  await file.fill(path.join(browseRoot, 'exports', 'leads-report.csv'));
  await file.press('Enter');
  await expect(right.getByText('Recognised: Salesforce report export, 3 columns.')).toBeVisible();
  await expect(right.getByText('2 rows read · UTF-8 · semicolon-separated · left out 1 title line, 3 footer lines')).toBeVisible();
  await expect(file).not.toHaveAttribute('aria-invalid', 'true');
  const zone = right.getByRole('combobox', { name: 'Right time zone of the file', exact: true });
  await expect(zone).toHaveValue('');
  await expect(right.getByText(/Salesforce reports are written in the time zone of the user who ran the report/)).toBeVisible();
  await expect(right.getByText("Choose the file's time zone to see how these dates read.")).toBeVisible();
  await expect(right.getByRole('combobox', { name: 'Right date that counts', exact: true })).toHaveValue('Create Date');
  await expect(right.getByText('created_date', { exact: true })).toBeVisible();
  // Escape closes the folder browser too.
  await right.getByRole('button', { name: 'Browse for the right export' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Right: choose an export' })).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});
