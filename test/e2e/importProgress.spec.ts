// The progress bar of a long import in Chromium: what it reads and how far, then Cancel, which leaves the investigation and its contract file as they were.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { composeTwoSourceContract, writeLongExport, writeShortExport } from '../writeLongImport';
import { readContractEditor } from './contractEditorText';
import { makeRunHome } from './makeRunHome';
import { saveScreenshot } from './saveScreenshot';
import { startServer, type RunningServer } from './startServer';

/** Long enough to be seen at work (some seconds on these machines), short enough to write in the test. */
const ROWS = 1_000_000;
const home = makeRunHome('importProgress');
const dir = path.join(home, 'big');
const contract = path.join(dir, 'small.recon.yaml');
const CONTRACT = composeTwoSourceContract('progress', 'small.csv', 'small.csv');
let server: RunningServer;

test.beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  writeLongExport(path.join(dir, 'big.csv'), ROWS);
  writeShortExport(path.join(dir, 'small.csv'));
  writeFileSync(contract, CONTRACT);
  server = await startServer({ home, contract });
});

test.afterAll(async () => {
  await server.stop();
});

test('a contract edit that reads a large export shows its figures as it goes, and Cancel leaves everything as it was', async ({ page }) => {
  await page.goto(server.url);
  await expect(page.getByRole('tab', { name: 'Bridge' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Contract' }).click();
  const text = await readContractEditor(page);
  await page.getByRole('textbox', { name: 'Contract YAML' }).fill(text.replace('file: small.csv', 'file: big.csv'));
  await expect(page.locator('.editor-status')).toHaveText(/^No problems/);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();

  const bar = page.getByRole('progressbar', { name: 'Applying the contract' });
  // Determinate once the import has figures: a share done, and the bytes or rows read.
  await expect(bar).toHaveAttribute('aria-valuetext', /^Importing a, .*(MB|rows), \d+%$/);
  await expect(bar).toHaveAttribute('aria-valuenow', /^[1-9]\d*$/);
  const status = page.getByRole('status').filter({ has: bar });
  await expect(status).toContainText('Importing a');
  await expect(status.locator('.progress-percent')).toHaveText(/^\d+%$/);
  await saveScreenshot(page, 'import-progress', { fullPage: false });

  const cancelledAt = Date.now();
  await status.getByRole('button', { name: 'Cancel' }).click();
  await expect(status).toBeHidden();
  // The engine stops within a second (test/engine/cancelImport.test.ts); here the page also polls and redraws.
  expect(Date.now() - cancelledAt).toBeLessThan(2000);
  // The user's own act: a neutral notice naming what stopped, no alert.
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled applying the contract: nothing was changed.' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await saveScreenshot(page, 'import-cancelled', { fullPage: false });
  expect(readFileSync(contract, 'utf8')).toBe(CONTRACT);
  await page.getByRole('tab', { name: 'Bridge' }).click();
  await expect(page.locator('.first-line')).toBeVisible();
  await expect(page.locator('.first-line')).not.toContainText('1,000,000');
});

test('reading a large export for a new investigation shows its figures, and Cancel leaves that side of the form as it was', async ({ page }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Investigations' }).click();
  await page.getByRole('textbox', { name: 'Left export file path' }).fill(path.join(dir, 'big.csv'));
  await page.getByRole('button', { name: 'Read the left export' }).click();
  const bar = page.getByRole('progressbar', { name: 'Reading big.csv' });
  await expect(bar).toHaveAttribute('aria-valuetext', /^Importing big\.csv, reading [\d.]+ of [\d.]+ MB, \d+%$/);
  const status = page.getByRole('status').filter({ has: bar });
  await saveScreenshot(page, 'preview-progress', { fullPage: false });
  await status.getByRole('button', { name: 'Cancel' }).click();
  await expect(status).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled reading big.csv: nothing was changed.' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Left record id column', exact: true })).toHaveCount(0);
  // Read to the end, the form maps the export.
  await page.getByRole('button', { name: 'Read the left export' }).click();
  await expect(page.getByRole('combobox', { name: 'Left record id column', exact: true })).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
});
