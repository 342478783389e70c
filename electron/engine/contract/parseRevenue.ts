// Reads the top-level keys revenue.md adds (links, funnels, touches, attribution, shared_metrics) into Contract.revenue.
import type { Contract } from '../../../shared/contractTypes';
import type { RevenueSpec } from '../../../shared/revenueContractTypes';
import type { ContractReader, Entry } from './ContractReader';
import { parseAttribution } from './parseAttribution';
import { parseFunnels } from './parseFunnels';
import { parseLinks } from './parseLinks';
import { parseSharedMetrics } from './parseSharedMetrics';
import { parseTouches } from './parseTouches';
import { REVENUE_KEYS } from '../../../shared/CONTRACT_KEYS';

/** Undefined when the contract has none of revenue.md's keys, so a plain bridge contract reads as before. */
/** `parsed`: the rest of the contract, already read. */
export function parseRevenue(reader: ContractReader, top: Map<string, Entry>, parsed: Pick<Contract, 'sources' | 'metrics' | 'reconcile' | 'identity'>): RevenueSpec | undefined {
  if (!REVENUE_KEYS.some((key) => top.has(key))) return undefined;
  const links = parseLinks(reader, top.get('links'), parsed.sources);
  const context = { ...parsed, links };
  const funnels = parseFunnels(reader, top.get('funnels'), context);
  const touches = parseTouches(reader, top.get('touches'), context);
  const attribution = parseAttribution(reader, top.get('attribution'), context, touches);
  const sharedMetrics = parseSharedMetrics(reader, top.get('shared_metrics'), context, attribution);
  const revenue: RevenueSpec = { links, funnels, attribution };
  if (touches) revenue.touches = touches;
  if (sharedMetrics) revenue.sharedMetrics = sharedMetrics;
  return revenue;
}
