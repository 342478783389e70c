// Compares the engine's report with the floor's: the same files and contract must give the same buckets, ids, values and pairs.
import fs from 'node:fs';
import type { Bucket, Pair, ReconciliationReport } from '../../shared/reportTypes';

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
    for (const total of ['gross', 'net', 'gross_value', 'net_value'] as const) {
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
    for (const figure of ['value', 'missing_values'] as const) {
      if (f?.[figure] !== e?.[figure]) differences.push(`${key} ${figure}: engine ${e?.[figure]}, floor ${f?.[figure]}`);
    }
    const at = firstDifference(f?.ids ?? [], e?.ids ?? []);
    if (at !== undefined) differences.push(`${key}: same count, ids differ from position ${at} (engine ${e?.ids[at] ?? 'none'}, floor ${f?.ids[at] ?? 'none'})`);
  }
  differences.push(...comparePairs(floor.pairs, engine.pairs));
  for (const figure of ['count', 'increase', 'decrease'] as const) {
    const f = floor.value_differences?.[figure];
    const e = engine.value_differences?.[figure];
    if (f !== e) differences.push(`value_differences ${figure}: engine ${e}, floor ${f}`);
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

/** Pairs in report order, each with its reason and every differing field's two values; the first disagreement is enough to find the rest. */
function comparePairs(floor: Pair[] | undefined, engine: Pair[] | undefined): string[] {
  if (floor === undefined && engine === undefined) return [];
  if (floor === undefined || engine === undefined) return [`pairs: ${floor ? 'missing from the engine report' : 'missing from the floor report'}`];
  const shown = (pair: Pair | undefined) => (pair === undefined ? 'none' : JSON.stringify(pair));
  const lines = floor.length === engine.length ? [] : [`pairs: engine ${engine.length}, floor ${floor.length}`];
  const length = Math.max(floor.length, engine.length);
  for (let i = 0; i < length; i++) {
    if (shown(floor[i]) !== shown(engine[i]) && !samePair(floor[i], engine[i])) return [...lines, `pairs differ from position ${i}: engine ${shown(engine[i])}, floor ${shown(floor[i])}`];
  }
  return lines;
}

/** Field by field, so that key order in `differs` is no difference. */
function samePair(a: Pair | undefined, b: Pair | undefined): boolean {
  if (!a || !b || a.left_id !== b.left_id || a.right_id !== b.right_id || a.reason !== b.reason) return false;
  const fields = new Set([...Object.keys(a.differs), ...Object.keys(b.differs)]);
  return [...fields].every((f) => a.differs[f]?.[0] === b.differs[f]?.[0] && a.differs[f]?.[1] === b.differs[f]?.[1]);
}
