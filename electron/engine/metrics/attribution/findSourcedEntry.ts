// The attribution entry whose `sourced` the shared metrics use (shared_metrics.sourced_by, default the first) and its place in the list.
import type { AttributionSpec, SharedMetricsSpec } from '../../../../shared/revenueContractTypes';
import type { MetricsContext } from '../MetricsContext';

export function findSourcedEntry(ctx: MetricsContext, spec: SharedMetricsSpec): { entry: AttributionSpec; index: number } | undefined {
  const entries = ctx.contract.revenue?.attribution ?? [];
  const index = spec.sourcedBy === undefined ? 0 : entries.findIndex((a) => a.name === spec.sourcedBy);
  const entry = entries[index];
  return entry === undefined ? undefined : { entry, index };
}
