// Reads the bridge report of spec/report.md off the compiled bridge tables.
import type { Contract } from '../../shared/contractTypes';
import { BUCKET_KINDS, type Bucket, type Pair, type PairValue, type ReconciliationReport, type ReconReport, type Side, type SourceReport, type ValueDifferences } from '../../shared/reportTypes';
import { pairColumns, pairShownSql } from './buildPairs';
import type { CompiledReconcile } from './compiledInvestigation';
import type { Database } from './openDatabase';
import { quoteIdent } from './openDatabase';
import { idOrderSql } from './buildSourceTable';

interface BucketRow {
  side: Side;
  kind: Bucket['kind'];
  reason: string;
  count: string;
  /** Exact sums as text (DECIMAL(38,2)), turned into JSON numbers only at the end. */
  value: string;
  missing: string;
  /** The bucket's ids as one JSON array text (see readReconciliation). */
  ids: string;
}

export async function readReport(db: Database, contract: Contract, sources: SourceReport[], reconciles: CompiledReconcile[], withIds = true): Promise<ReconReport> {
  const reconciliations: ReconciliationReport[] = [];
  for (const r of reconciles) reconciliations.push(await readReconciliation(db, r, withIds));
  return {
    ...(contract.reporting.currency ? { currency: contract.reporting.currency } : {}),
    contract: { title: contract.title, version: contract.version },
    period: { from: contract.reporting.from, to: contract.reporting.to, timezone: contract.reporting.timezone },
    sources,
    reconciliations,
  };
}

async function readReconciliation(db: Database, r: CompiledReconcile, withIds: boolean): Promise<ReconciliationReport> {
  // Ids cross from DuckDB as one JSON text per bucket: converting millions of list values one by one costs
  // about twice as much (2.3 s against 1.4 s for 2M ids).
  const ids = withIds ? `to_json(list(__id ORDER BY ${idOrderSql('__id')}))` : `'[]'`;
  const rows = await db.all<BucketRow>(
    `SELECT side, kind, reason, count(*) AS count, CAST(sum(__value) AS VARCHAR) AS value, count_if(__missing) AS missing, ${ids} AS ids
     FROM ${quoteIdent(r.table)} GROUP BY side, kind, reason`,
  );
  const valued = r.left.spec.value !== undefined;
  const buckets: Bucket[] = rows.map((row) => ({
    side: row.side,
    kind: row.kind,
    reason: row.reason,
    count: Number(row.count),
    ...(valued ? { value: Number(row.value), missing_values: Number(row.missing) } : {}),
    ids: JSON.parse(row.ids) as string[],
  }));
  buckets.sort((a, b) => compareBuckets(a, b, r));
  const inTotal = (b: Bucket, side: Side, net: boolean) => b.side === side && (!net || !['excluded', 'duplicate', 'out_of_period'].includes(b.kind));
  const count = (side: Side, net: boolean) => buckets.filter((b) => inTotal(b, side, net)).reduce((n, b) => n + b.count, 0);
  const sums = valued ? await readSideValues(db, r) : undefined;
  const summary = (side: Side) => {
    const m = side === 'left' ? r.left : r.right;
    const values = sums?.[side];
    return { metric: m.spec.name, source: m.source.spec.name, gross: count(side, false), net: count(side, true), ...(values ?? {}) };
  };
  return {
    name: r.spec.name,
    left: summary('left'),
    right: summary('right'),
    buckets,
    ...(r.spec.compare.length ? { pairs: await readPairs(db, r, withIds) } : {}),
    ...(valued ? { value_differences: await readValueDifferences(db, r) } : {}),
  };
}

/** Gross and net values summed in SQL, exactly, rather than adding up rounded JSON numbers. */
async function readSideValues(db: Database, r: CompiledReconcile): Promise<Record<Side, { gross_value: number; net_value: number }>> {
  const rows = await db.all<{ side: Side; gross: string; net: string }>(
    `SELECT side, CAST(sum(__value) AS VARCHAR) AS gross, CAST(coalesce(sum(__value) FILTER (WHERE step = 'net'), 0) AS VARCHAR) AS net
     FROM ${quoteIdent(r.table)} GROUP BY side`,
  );
  const of = (side: Side) => {
    const row = rows.find((candidate) => candidate.side === side);
    return { gross_value: Number(row?.gross ?? 0), net_value: Number(row?.net ?? 0) };
  };
  return { left: of('left'), right: of('right') };
}

async function readValueDifferences(db: Database, r: CompiledReconcile): Promise<ValueDifferences> {
  const [row] = await db.all<{ n: string; up: string; down: string }>(
    `SELECT count_if(delta <> 0) AS n, CAST(coalesce(sum(delta) FILTER (WHERE delta > 0), 0) AS VARCHAR) AS up,
       CAST(coalesce(-sum(delta) FILTER (WHERE delta < 0), 0) AS VARCHAR) AS down FROM ${quoteIdent(r.pairs)}`,
  );
  return { count: Number(row?.n ?? 0), increase: Number(row?.up ?? 0), decrease: Number(row?.down ?? 0) };
}

/**
 * Every pair whose reason is not `matched` as `p`: the ids, the reason, and each compare field's two values as shown
 * and whether they differ; `order` lists them as the report does (left id, then right id).
 */
export function buildPairRowsSql(r: CompiledReconcile): { from: string; order: string } {
  const columns = r.spec.compare.flatMap((spec, i) => {
    const c = pairColumns(i);
    return [`${pairShownSql(spec, quoteIdent(c.left))} AS ${quoteIdent(c.left)}`, `${pairShownSql(spec, quoteIdent(c.right))} AS ${quoteIdent(c.right)}`, quoteIdent(c.differs)];
  });
  return {
    from: `(SELECT left_id, right_id, reason, ${columns.join(', ')} FROM ${quoteIdent(r.pairs)} WHERE reason <> 'matched') p`,
    order: `${idOrderSql('p.left_id')}, ${idOrderSql('p.right_id')}`,
  };
}

/** One row of buildPairRowsSql, as to_json writes it and parsed back, as the report's pair: only the fields that differ, values as shown (money.md). */
export function toPair(r: CompiledReconcile, row: Record<string, string | boolean | null>): Pair {
  const differs: Pair['differs'] = {};
  r.spec.compare.forEach((spec, i) => {
    const c = pairColumns(i);
    if (row[c.differs] !== true) return;
    const shown = (v: string | boolean | null): PairValue => (v === null ? null : spec.kind === 'amount' ? Number(v) : String(v));
    differs[spec.field] = [shown(row[c.left] ?? null), shown(row[c.right] ?? null)];
  });
  return { left_id: String(row.left_id), right_id: String(row.right_id), reason: String(row.reason), differs };
}

/** Every pair whose reason is not `matched`, with each differing field's two values as shown (money.md). */
export async function readPairs(db: Database, r: CompiledReconcile, withIds: boolean): Promise<Pair[]> {
  if (!withIds) return [];
  // One JSON text for all pairs, as for ids: a row object per pair through the client is 2x slower at 200k pairs.
  const rows = buildPairRowsSql(r);
  const [json] = await db.all<{ pairs: string | null }>(`SELECT '[' || string_agg(to_json(p), ',' ORDER BY ${rows.order}) || ']' AS pairs FROM ${rows.from}`);
  return (JSON.parse(json?.pairs ?? '[]') as Record<string, string | boolean | null>[]).map((row) => toPair(r, row));
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
  const fixed = ['outside_period', 'missing_date', 'unreadable_date', 'no_counterpart', 'missing_key', 'duplicate', 'combined', 'matched'];
  if (bucket.kind === 'excluded') return own.spec.exclude.findIndex((rule) => rule.name === bucket.reason);
  // Matched first as `matched`, then each `<field>_differs` in the contract's compare order.
  if (bucket.kind === 'matched' && bucket.reason !== 'matched') return fixed.length + r.spec.compare.findIndex((c) => `${c.field}_differs` === bucket.reason);
  if (bucket.kind === 'excluded_on_other_side') return other.spec.exclude.findIndex((rule) => rule.name === bucket.reason);
  return fixed.indexOf(bucket.reason);
}
