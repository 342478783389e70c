// The key a metric's steps table keys (matches and deduplicates) its records on, and how that key is normalised.
import type { Contract, Normalizer } from '../../shared/contractTypes';

export interface MetricKey {
  /** A canonical field of the metric's source, `__id` for the source's id, or null (no key: nothing is deduplicated). */
  identityKey: string | null;
  normalize: Normalizer[];
}

/**
 * The key a metric is matched (and deduplicated) on: its side of the first bridge that uses it, else the
 * contract's identity. parseReconcile made sure every bridge keys a metric the same way. `id` is the source's
 * id column, which the rule context holds as __id. A metric of no bridge whose source lacks the identity key
 * (opportunities, tasks) is deduplicated on its id, so never (revenue.md, "Keys").
 */
export function findMetricKey(contract: Contract, metric: string, sourceFields: Record<string, string>): MetricKey {
  const entry = contract.reconcile.find((r) => r.left === metric || r.right === metric);
  if (!entry && contract.identity && !(contract.identity.key in sourceFields)) return { identityKey: '__id', normalize: [] };
  const match = entry ? entry.match : { left: contract.identity?.key ?? '', right: '', normalize: contract.identity?.normalize ?? [] };
  const field = entry?.right === metric && entry.left !== metric ? match.right : match.left;
  return { identityKey: field === 'id' ? '__id' : field || null, normalize: match.normalize };
}
