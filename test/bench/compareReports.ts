// Compares the engine's report with the floor's: the same files and contract must give the same buckets and ids.
import fs from 'node:fs';
import type { Bucket, ReconciliationReport } from '../../shared/reportTypes';

interface ReportFile {
  reconciliations: ReconciliationReport[];
}

/** One line per difference (empty when they agree); a bridge that differs from the floor is a finding, not noise. */
export function compareReports(floorPath: string, enginePath: string, reconciliation: string): string[] {
  const floor = findReconciliation(floorPath, reconciliation);
  const engine = findReconciliation(enginePath, reconciliation);
  if (!floor || !engine) return [`reconciliation '${reconciliation}' missing from the ${floor ? 'engine' : 'floor'} report`];
  const differences: string[] = [];
  for (const side of ['left', 'right'] as const) {
    for (const total of ['gross', 'net'] as const) {
      if (floor[side][total] !== engine[side][total]) differences.push(`${side} ${total}: engine ${engine[side][total]}, floor ${floor[side][total]}`);
    }
  }
  const floorBuckets = indexBuckets(floor.buckets);
  const engineBuckets = indexBuckets(engine.buckets);
  for (const key of new Set([...floorBuckets.keys(), ...engineBuckets.keys()])) {
    const f = floorBuckets.get(key);
    const e = engineBuckets.get(key);
    if (f?.count !== e?.count) {
      differences.push(`${key}: engine ${e?.count ?? 0}, floor ${f?.count ?? 0}`);
      continue;
    }
    const at = firstDifference(f?.ids ?? [], e?.ids ?? []);
    if (at !== undefined) differences.push(`${key}: same count, ids differ from position ${at} (engine ${e?.ids[at] ?? 'none'}, floor ${f?.ids[at] ?? 'none'})`);
  }
  return differences;
}

function findReconciliation(reportPath: string, name: string): ReconciliationReport | undefined {
  const report = JSON.parse(fs.readFileSync(reportPath, 'utf8')) as ReportFile;
  return report.reconciliations.find((r) => r.name === name);
}

/** Buckets with a count of 0 may be left out of a report, so they are left out of the comparison too. */
function indexBuckets(buckets: Bucket[]): Map<string, Bucket> {
  return new Map(buckets.filter((b) => b.count > 0).map((b) => [`${b.side} ${b.kind}/${b.reason}`, b]));
}

function firstDifference(a: string[], b: string[]): number | undefined {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return i;
  return undefined;
}
