// The bundled samples in the browser shell: the leads sample keeps its count bridge alone; the pipeline sample's two value bridges add up to `recon reconcile --json`, and the Pairs tab follows the reconciliation chosen.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { ReconciliationReport } from '../../shared/reportTypes';
import { expectValueBridge } from './expectValueBridge';
import { makeRunHome } from './makeRunHome';
import { reconcileWithCli } from './runReconCli';
import { projectRoot, startServer, type RunningServer } from './startServer';

const PIPELINE = path.join(projectRoot, 'samples/pipeline/acme-pipeline-q3-2026.recon.yaml');
const home = makeRunHome('valueBridgeSamples');
let server: RunningServer;
let page: Page;

/** Pairs where a field differs, from the report's complete pairs list (each pair carries every field that differs). */
function countDiffering(recon: ReconciliationReport, field: string): number {
  return (recon.pairs ?? []).filter((p) => field in p.differs).length;
}

test.beforeAll(async ({ browser }) => {
  server = await startServer({ home });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  await page.goto(server.url);
});

test.afterAll(async () => {
  await page?.close();
  await server?.stop();
});

test('the leads sample counts records only: no Count | Value choice, no Pairs tab', async () => {
  await expect(page.getByRole('tab', { name: 'Bridge' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Bridge chart' }).getByRole('button').first()).toBeVisible();
  await expect(page.getByRole('radio')).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Pairs' })).toHaveCount(0);
  await expect(page.locator('.value-headline')).toHaveCount(0);
});

test("the pipeline sample's two value bridges add up to the report, and the pairs follow the reconciliation chosen", async () => {
  test.setTimeout(120_000);
  const report = await reconcileWithCli(PIPELINE);
  expect(report.reconciliations.map((r) => r.name)).toEqual(['Sourced pipeline', 'Booked revenue']);
  await page.getByRole('button', { name: 'Investigations' }).click();
  await page.getByRole('button', { name: 'Open the pipeline sample' }).click();
  await expect(page.getByRole('heading', { level: 1, name: report.contract.title })).toBeVisible();
  for (const recon of report.reconciliations) {
    await page.getByRole('tab', { name: 'Bridge' }).click();
    await page.getByRole('combobox', { name: 'Reconciliation' }).selectOption(recon.name);
    await expect(page.getByRole('heading', { level: 2, name: recon.name })).toBeVisible();
    await expectValueBridge(page, recon);

    await page.getByRole('tab', { name: 'Pairs' }).click();
    await expect(page.getByRole('heading', { level: 2 })).toContainText(`Matched pairs · ${recon.name}`);
    const matched = recon.buckets.filter((b) => b.side === 'left' && b.kind === 'matched').reduce((n, b) => n + b.count, 0);
    const filters = page.getByRole('group', { name: 'Which pairs' });
    await expect(filters.getByRole('button', { name: `All matched pairs (${matched})`, exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(filters.getByRole('button', { name: `Amounts not equal (${recon.value_differences?.count})`, exact: true })).toBeVisible();
    await expect(filters.getByRole('button', { name: `Value differs (${countDiffering(recon, 'value')})`, exact: true })).toBeVisible();
    await expect(page.locator('[role="grid"], [role="treegrid"]').first()).toHaveAttribute('aria-rowcount', String(matched + 1));
  }
});
