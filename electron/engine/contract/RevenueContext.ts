// What the parsers of revenue.md's sections know of the rest of the contract, to check the names they refer to.
import type { Contract, MetricSpec, ReconcileSpec, SourceSpec } from '../../../shared/contractTypes';
import type { LinkSpec } from '../../../shared/revenueContractTypes';

export interface RevenueContext {
  sources: SourceSpec[];
  metrics: MetricSpec[];
  links: LinkSpec[];
  /** How metrics are keyed per person: their bridge's match, else the identity key. */
  reconcile: ReconcileSpec[];
  identity?: Contract['identity'];
}

/** The declared source of a declared metric; undefined when either is unknown (already reported where written). */
export function findMetricSource(context: RevenueContext, metric: string): SourceSpec | undefined {
  const spec = context.metrics.find((candidate) => candidate.name === metric);
  return context.sources.find((source) => source.name === spec?.source);
}
