// Each bucket's count (and value) before and after a contract edit, so the analyst sees what the edit moved.
import type { BucketChange } from '../../shared/api';
import type { ReconReport } from '../../shared/reportTypes';

export function diffReports(before: ReconReport | null, after: ReconReport): BucketChange[] {
  const counts = new Map<string, BucketChange>();
  const keyOf = (r: string, b: { side: string; kind: string; reason: string }) => JSON.stringify([r, b.side, b.kind, b.reason]);
  for (const r of before?.reconciliations ?? []) {
    for (const b of r.buckets) {
      const values = b.value === undefined ? {} : { valueBefore: b.value, valueAfter: 0 };
      counts.set(keyOf(r.name, b), { reconciliation: r.name, side: b.side, kind: b.kind, reason: b.reason, before: b.count, after: 0, ...values });
    }
  }
  for (const r of after.reconciliations) {
    for (const b of r.buckets) {
      const key = keyOf(r.name, b);
      const entry = counts.get(key) ?? { reconciliation: r.name, side: b.side, kind: b.kind, reason: b.reason, before: 0, after: 0 };
      counts.set(key, { ...entry, after: b.count, ...(b.value === undefined ? {} : { valueBefore: entry.valueBefore ?? 0, valueAfter: b.value }) });
    }
  }
  return [...counts.values()];
}
