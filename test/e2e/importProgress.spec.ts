// The progress bar of a long import in Chromium: what it reads and how far, then Cancel, which leaves the investigation and its contract file as they were.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { readContractEditor } from './contractEditorText';
import { makeRunHome } from './makeRunHome';
import { saveScreenshot } from './saveScreenshot';
import { startServer, type RunningServer } from './startServer';

/** Long enough to be seen at work (some seconds on these machines), short enough to write in the test. */
const ROWS = 1_000_000;
const home = makeRunHome('importProgress');
const dir = path.join(home, 'big');
const contract = path.join(dir, 'small.recon.yaml');
const CONTRACT = `contract: progress
version: 1
reporting: { period: { from: 2026-07-01, to: 2026-09-30 } }
sources:
  a: { system: marketing, file: small.csv, id: Id, fields: { email: Email, at: When } }
  b: { system: sales, file: small.csv, id: Id, fields: { email: Email, at: When } }
identity: { key: email }
metrics:
  A: { source: a, date: at }
  B: { source: b, date: at }
reconcile:
  - { name: a vs b, left: A, right: B }
`;
let server: RunningServer;

test.beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  const lines = Array.from({ length: ROWS }, (_, i) => `${i + 1},person${i}@example.com,2026-08-${String((i % 28) + 1).padStart(2, '0')} 10:00,"Company ${i % 97}, Inc."`);
  writeFileSync(path.join(dir, 'big.csv'), `Id,Email,When,Company\n${lines.join('\n')}\n`);
  writeFileSync(path.join(dir, 'small.csv'), 'Id,Email,When\n1,a@x.com,2026-08-01 10:00\n2,b@x.com,2026-08-02 10:00\n');
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
  await expect(page.getByRole('alert')).toContainText('cancelled: the investigation is as it was before');
  expect(readFileSync(contract, 'utf8')).toBe(CONTRACT);
  await page.getByRole('tab', { name: 'Bridge' }).click();
  await expect(page.locator('.first-line')).toBeVisible();
  await expect(page.locator('.first-line')).not.toContainText('1,000,000');
});
