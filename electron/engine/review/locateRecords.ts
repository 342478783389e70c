// Which bucket (kind, reason) some records of one side are in now: what a record decision is checked against.
import type { BucketKind, Side } from '../../../shared/reportTypes';
import type { CompiledReconcile } from '../compiledInvestigation';
import { quoteIdent, type Database } from '../openDatabase';

export interface RecordBucket {
  kind: BucketKind;
  reason: string;
}

/** Record id -> its bucket; ids the side does not have are left out. One query for all of them. */
export async function locateRecords(db: Database, r: CompiledReconcile, side: Side, ids: readonly string[]): Promise<Map<string, RecordBucket>> {
  const found = new Map<string, RecordBucket>();
  if (ids.length === 0) return found;
  const rows = await db.all<{ record_id: string; kind: BucketKind; reason: string }>(
    `SELECT CAST(record_id AS VARCHAR) AS record_id, kind, reason FROM ${quoteIdent(r.listings[side].view)}
     WHERE CAST(record_id AS VARCHAR) IN (SELECT unnest(CAST(CAST($1 AS JSON) AS VARCHAR[])))`,
    [JSON.stringify(ids)],
  );
  for (const row of rows) found.set(row.record_id, { kind: row.kind, reason: row.reason });
  return found;
}
