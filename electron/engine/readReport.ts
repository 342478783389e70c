// Reads the bridge report of spec/report.md off the compiled bridge tables.
import type { Contract } from '../../shared/contractTypes';
import { BUCKET_KINDS, type Bucket, type ReconciliationReport, type ReconReport, type Side, type SourceReport } from '../../shared/reportTypes';
import type { CompiledReconcile } from './compiledInvestigation';
import type { Database } from './openDatabase';
import { quoteIdent } from './openDatabase';
import { idOrderSql } from './buildSourceTable';

interface BucketRow {
  side: Side;
  kind: Bucket['kind'];
  reason: string;
  count: string;
  ids: string[];
}

export async function readReport(db: Database, contract: Contract, sources: SourceReport[], reconciles: CompiledReconcile[], withIds = true): Promise<ReconReport> {
  const reconciliations: ReconciliationReport[] = [];
  for (const r of reconciles) reconciliations.push(await readReconciliation(db, r, withIds));
  return {
    contract: { title: contract.title, version: contract.version },
    period: { from: contract.reporting.from, to: contract.reporting.to, timezone: contract.reporting.timezone },
    sources,
    reconciliations,
  };
}

async function readReconciliation(db: Database, r: CompiledReconcile, withIds: boolean): Promise<ReconciliationReport> {
  const ids = withIds ? `list(__id ORDER BY ${idOrderSql('__id')})` : 'CAST([] AS VARCHAR[])';
  const rows = await db.all<BucketRow>(
    `SELECT side, kind, reason, count(*) AS count, ${ids} AS ids
     FROM ${quoteIdent(r.table)} GROUP BY side, kind, reason`,
  );
  const buckets = rows.map((row) => ({ side: row.side, kind: row.kind, reason: row.reason, count: Number(row.count), ids: row.ids }));
  buckets.sort((a, b) => compareBuckets(a, b, r));
  const total = (side: Side, net: boolean) =>
    buckets.filter((b) => b.side === side && (!net || !['excluded', 'duplicate', 'out_of_period'].includes(b.kind))).reduce((n, b) => n + b.count, 0);
  return {
    name: r.spec.name,
    left: { metric: r.left.spec.name, source: r.left.source.spec.name, gross: total('left', false), net: total('left', true) },
    right: { metric: r.right.spec.name, source: r.right.source.spec.name, gross: total('right', false), net: total('right', true) },
    buckets,
  };
}

/** The bridge reads top to bottom: left side first, kinds in spec order, reasons in contract order. */
function compareBuckets(a: Bucket, b: Bucket, r: CompiledReconcile): number {
  if (a.side !== b.side) return a.side === 'left' ? -1 : 1;
  if (a.kind !== b.kind) return BUCKET_KINDS.indexOf(a.kind) - BUCKET_KINDS.indexOf(b.kind);
  return reasonRank(a, r) - reasonRank(b, r) || a.reason.localeCompare(b.reason);
}

function reasonRank(bucket: Bucket, r: CompiledReconcile): number {
  const own = bucket.side === 'left' ? r.left : r.right;
  const other = bucket.side === 'left' ? r.right : r.left;
  const fixed = ['outside_period', 'missing_date', 'unreadable_date', 'no_counterpart', 'missing_key'];
  if (bucket.kind === 'excluded') return own.spec.exclude.findIndex((rule) => rule.name === bucket.reason);
  if (bucket.kind === 'excluded_on_other_side') return other.spec.exclude.findIndex((rule) => rule.name === bucket.reason);
  return fixed.indexOf(bucket.reason);
}
