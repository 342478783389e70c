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
  // A money bridge's table also opens the pairs: one link per `<field>_differs` line, and its differences row.
  const pairLinks = recon.buckets.filter((b) => b.kind === 'matched' && b.reason.endsWith('_differs')).map((b) => `List the pairs whose ${b.reason.replace(/_differs$/, '')} differs`);
  const differences = recon.value_differences ? [`${recon.value_differences.count} pairs: amounts differ`] : [];
  for (const name of [...new Set(pairLinks), ...differences]) await expect(table.getByRole('button', { name, exact: true }).first(), `pairs "${name}"`).toBeVisible();
  // Every non-empty line can be decided (review.md), from its own row.
  for (const name of names.decides) await expect(table.getByRole('button', { name, exact: true }), `"${name}"`).toBeVisible();
  // No bar or count the report does not have (a stale or invented number would be an extra control); the decision cells hold Decide and History.
  await expect(chart.getByRole('button')).toHaveCount(names.bars.length + names.totals.length);
  await expect(table.locator('.decision-cell').getByRole('button', { name: /^Decide / })).toHaveCount(names.decides.length);
  const decisionControls = await table.locator('.decision-cell').getByRole('button').count();
  await expect(table.getByRole('button')).toHaveCount(names.counts.length + names.totalCounts.length + pairLinks.length + differences.length + decisionControls);
}
