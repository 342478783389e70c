// Each bucket's count before and after a contract edit, so the analyst sees what the edit moved.
import type { BucketChange } from '../../shared/api';
import type { ReconReport } from '../../shared/reportTypes';

export function diffReports(before: ReconReport | null, after: ReconReport): BucketChange[] {
  const counts = new Map<string, BucketChange>();
  const keyOf = (r: string, b: { side: string; kind: string; reason: string }) => JSON.stringify([r, b.side, b.kind, b.reason]);
  for (const r of before?.reconciliations ?? []) {
    for (const b of r.buckets) counts.set(keyOf(r.name, b), { reconciliation: r.name, side: b.side, kind: b.kind, reason: b.reason, before: b.count, after: 0 });
  }
  for (const r of after.reconciliations) {
    for (const b of r.buckets) {
      const key = keyOf(r.name, b);
      const entry = counts.get(key) ?? { reconciliation: r.name, side: b.side, kind: b.kind, reason: b.reason, before: 0, after: 0 };
      counts.set(key, { ...entry, after: b.count });
    }
  }
  return [...counts.values()];
}
