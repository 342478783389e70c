// The report of `recon metrics` (spec/revenue.md, "Command line and report"), computed on demand from the compiled metric steps.
import type { MetricsReport } from '../../../shared/metricsReportTypes';
import { buildAttribution } from './attribution/buildAttribution';
import { buildFunnel } from './buildFunnel';
import { buildSharedMetrics } from './buildSharedMetrics';
import { buildSla } from './buildSla';
import { createLinkPairTables, dropLinkPairTables } from './createLinkPairTables';
import type { MetricsContext } from './MetricsContext';

export async function readMetricsReport(base: MetricsContext): Promise<MetricsReport> {
  const linkPairs = await createLinkPairTables(base);
  try {
    return await readReport({ ...base, linkPairs });
  } finally {
    await dropLinkPairTables(base, linkPairs);
  }
}

async function readReport(ctx: MetricsContext): Promise<MetricsReport> {
  const revenue = ctx.contract.revenue;
  const funnels = [];
  for (const funnel of revenue?.funnels ?? []) funnels.push(await buildFunnel(ctx, funnel));
  const attribution = [];
  for (const [index, entry] of (revenue?.attribution ?? []).entries()) attribution.push(await buildAttribution(ctx, entry, index));
  const sla = [];
  for (const spec of revenue?.sharedMetrics?.sla ?? []) sla.push(await buildSla(ctx, spec));
  return {
    contract: { title: ctx.contract.title, version: ctx.contract.version },
    currency: ctx.contract.reporting.currency ?? null,
    funnels,
    attribution,
    shared_metrics: await buildSharedMetrics(ctx, funnels),
    sla,
  };
}
