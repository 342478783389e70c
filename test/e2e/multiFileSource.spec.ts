// A source of monthly exports (a glob) in the browser shell: what each file gave, and each record's file and line in the grid and inspector.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { writeMonthlyInvestigation } from '../engine/writeMonthlyInvestigation';
import { makeRunHome } from './makeRunHome';
import { projectRoot, startServer, type RunningServer } from './startServer';

const home = makeRunHome('multiFileSource');
const contract = writeMonthlyInvestigation(path.join(home, 'monthly'));
let server: RunningServer;
let page: Page;
const pageErrors: string[] = [];

test.beforeAll(async ({ browser }) => {
  server = await startServer({ home, contract });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(server.url);
});

test.afterAll(async () => {
  await page?.close();
  await server?.stop();
});

test('the bridge says what each file of the source gave', async () => {
  const files = page.getByRole('table', { name: 'Files of hubspot' });
  await expect(files).toBeVisible();
  const rows = await files.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => (td.textContent ?? '').trim())));
  expect(rows).toEqual([
    ['exports/hubspot_2026-01.csv', '4', '2'],
    ['exports/hubspot_2026-02.csv', '2', '0'],
    ['exports/hubspot_2026-03.csv', '2', '0'],
  ]);
  // The one-file source beside it is shown as before.
  await expect(page.getByRole('table', { name: 'Files of salesforce' })).toHaveCount(0);
});

test('the records grid and the inspector show the file and physical line of a record', async () => {
  await page.getByRole('region', { name: 'Bridge table' }).getByRole('button', { name: '5 records: left unmatched no_counterpart', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Records' })).toHaveAttribute('aria-selected', 'true');
  const row = page.locator('.ag-row', { has: page.locator('[col-id="record_id"]', { hasText: /^5$/ }) });
  await expect(row.locator('[col-id="source_file"]')).toHaveText('exports/hubspot_2026-01.csv');
  await expect(row.locator('[col-id="source_line"]')).toHaveText('8');
  await expect(page.getByRole('columnheader', { name: 'File', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Inspect record 5', exact: true }).click();
  const inspector = page.getByRole('complementary', { name: 'Record inspector' });
  await expect(inspector).toBeVisible();
  const fileRow = inspector.getByRole('row', { name: /^File and line/ });
  // After a quoted line break, a rejected line and a blank line: line 8, not data row 4 + 1.
  await expect(fileRow).toContainText('exports/hubspot_2026-01.csv, line 8');
  expect(pageErrors).toEqual([]);
});

test('the contract screen\'s rule builder counts over every file of the glob, and Apply removes what it said', async () => {
  await page.getByRole('tab', { name: 'Contract' }).click();
  await page.getByText('Add an exclude rule').click();
  await page.getByRole('combobox', { name: 'Metric' }).selectOption('MQL');
  await expect(page.locator('.rule-intro')).toHaveText(/^Counts are on every file of exports\/hubspot_2026-\*\.csv as saved/);
  // Campaign is a column only March has: offered all the same, the first file's columns then what the others add.
  await page.getByRole('combobox', { name: 'Contract rule column' }).selectOption({ label: 'Campaign' });
  await page.getByRole('combobox', { name: 'Contract rule operator' }).selectOption({ label: 'is' });
  await page.getByLabel('Contract rule Value', { exact: true }).fill('Spring');
  // 8 records over the three months (January's 4, February's 2, March's 2), March's 2 in the Spring campaign.
  await expect(page.getByRole('status', { name: 'Contract rule count' })).toHaveText('Would remove 2 of 8 records');
  await page.locator('.add-rule-panel').screenshot({ path: path.join(projectRoot, 'test-results/screenshots/contract-add-rule-several-files.png'), animations: 'disabled', caret: 'hide' });
  await page.getByRole('button', { name: /^Insert into the contract/ }).click();
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Bridge' }).click();
  await expect(page.getByRole('region', { name: 'Bridge table' }).getByRole('button', { name: '2 records: left excluded campaign_spring', exact: true })).toBeVisible();
  expect(pageErrors).toEqual([]);
});
