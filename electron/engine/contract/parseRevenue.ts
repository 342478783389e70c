// Reads the top-level keys revenue.md adds (links, funnels, touches, attribution, shared_metrics) into Contract.revenue.
import type { MetricSpec, SourceSpec } from '../../../shared/contractTypes';
import type { RevenueSpec } from '../../../shared/revenueContractTypes';
import type { ContractReader, Entry } from './ContractReader';
import { parseAttribution } from './parseAttribution';
import { parseFunnels } from './parseFunnels';
import { parseLinks } from './parseLinks';
import { parseSharedMetrics } from './parseSharedMetrics';
import { parseTouches } from './parseTouches';

export const REVENUE_KEYS = ['links', 'funnels', 'touches', 'attribution', 'shared_metrics'] as const;

/** Undefined when the contract has none of revenue.md's keys, so a plain bridge contract reads as before. */
export function parseRevenue(reader: ContractReader, top: Map<string, Entry>, sources: SourceSpec[], metrics: MetricSpec[]): RevenueSpec | undefined {
  if (!REVENUE_KEYS.some((key) => top.has(key))) return undefined;
  const links = parseLinks(reader, top.get('links'), sources);
  const context = { sources, metrics, links };
  const funnels = parseFunnels(reader, top.get('funnels'), context);
  const touches = parseTouches(reader, top.get('touches'), context);
  const attribution = parseAttribution(reader, top.get('attribution'), context, touches);
  const sharedMetrics = parseSharedMetrics(reader, top.get('shared_metrics'), context, attribution);
  const revenue: RevenueSpec = { links, funnels, attribution };
  if (touches) revenue.touches = touches;
  if (sharedMetrics) revenue.sharedMetrics = sharedMetrics;
  return revenue;
}
