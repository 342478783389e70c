// Checks every number of the bridge screen against a report: each bar, total and table count, and nothing more.
import { expect, type Page } from '@playwright/test';
import type { ReconciliationReport } from '../../shared/reportTypes';
import { listBridgeControlNames } from './bridgeControlNames';

export async function expectBridgeCounts(page: Page, recon: ReconciliationReport): Promise<void> {
  const names = listBridgeControlNames(recon);
  const chart = page.getByRole('region', { name: 'Bridge chart' });
  const table = page.getByRole('region', { name: 'Bridge table' });
  await expect(page.getByRole('heading', { name: recon.name })).toBeVisible();
  for (const name of names.bars) await expect(chart.getByRole('button', { name, exact: true }), `bar "${name}"`).toBeVisible();
  for (const name of names.totals) await expect(chart.getByRole('button', { name, exact: true }), `total "${name}"`).toBeVisible();
  for (const name of [...names.counts, ...names.totalCounts]) await expect(table.getByRole('button', { name, exact: true }), `count "${name}"`).toBeVisible();
  // No bar or count the report does not have (a stale or invented number would be an extra control).
  await expect(chart.getByRole('button')).toHaveCount(names.bars.length + names.totals.length);
  await expect(table.getByRole('button')).toHaveCount(names.counts.length + names.totalCounts.length);
}
