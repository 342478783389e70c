// The bridge the engine must produce, collected from what each story declared for each record it planted.
import { BUCKET_KINDS } from '../../shared/reportTypes';
import type { BucketKind, Side } from '../../shared/reportTypes';
import type { Expectation } from './expectations';
import type { PlacedExports } from './placeRecords';

export interface ExpectedBucket {
  side: Side;
  kind: BucketKind;
  reason: string;
  count: number;
  ids: string[];
}

export interface ExpectedSide {
  metric: string;
  source: string;
  gross: number;
  net: number;
}

export interface ExpectedBridge {
  reconciliation: string;
  left: ExpectedSide;
  right: ExpectedSide;
  buckets: ExpectedBucket[];
}

const NET_KINDS: readonly BucketKind[] = ['matched', 'timing', 'excluded_on_other_side', 'unmatched'];

/** spec/report.md: numerically when the id column is numeric, else as text (code-unit order). */
function sortIds(ids: string[], numeric: boolean): string[] {
  return [...ids].sort((a, b) => (numeric ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0));
}

function collectBuckets(side: Side, records: { id: string; expect: Expectation }[]): ExpectedBucket[] {
  const byBucket = new Map<string, { kind: BucketKind; reason: string; ids: string[] }>();
  for (const { id, expect } of records) {
    const key = `${expect.kind}\u0000${expect.reason}`;
    const bucket = byBucket.get(key) ?? { kind: expect.kind, reason: expect.reason, ids: [] };
    bucket.ids.push(id);
    byBucket.set(key, bucket);
  }
  const numeric = records.every((r) => /^\d+$/.test(r.id));
  return [...byBucket.values()]
    .sort((a, b) => BUCKET_KINDS.indexOf(a.kind) - BUCKET_KINDS.indexOf(b.kind) || (a.reason < b.reason ? -1 : 1))
    .map(({ kind, reason, ids }) => ({
      side,
      kind,
      reason,
      count: ids.length,
      ids: sortIds(ids, numeric),
    }));
}

function summarise(metric: string, source: string, records: { expect: Expectation }[]): ExpectedSide {
  return { metric, source, gross: records.length, net: records.filter((r) => NET_KINDS.includes(r.expect.kind)).length };
}

export function buildExpectedBridge(placed: PlacedExports): ExpectedBridge {
  return {
    reconciliation: 'MQLs vs CRM leads',
    left: summarise('MQL', 'hubspot', placed.hubspot),
    right: summarise('CRM Lead', 'salesforce', placed.salesforce),
    buckets: [...collectBuckets('left', placed.hubspot), ...collectBuckets('right', placed.salesforce)],
  };
}
