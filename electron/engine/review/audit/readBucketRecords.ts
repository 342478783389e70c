// A bucket's records for the audit pack in report.md's id order, streamed: id, canonical fields, anchors, counterpart (and value).
import type { BucketKind, Side } from '../../../../shared/reportTypes';
import { LISTING_COLUMNS, ORIGIN_COLUMNS } from '../../buildBucketListing';
import { idOrderSql } from '../../buildSourceTable';
import type { CompiledReconcile } from '../../compiledInvestigation';
import { quoteIdent, type Database } from '../../openDatabase';

export interface AuditBucket {
  side: Side;
  kind: BucketKind;
  reason: string;
}

/** Row 2 of a bucket sheet (review.md), and `value (<currency>)` after it when the metrics have a value. */
export function describeRecordHeaders(r: CompiledReconcile, side: Side, zone: string, currency: string | undefined): string[] {
  const own = side === 'left' ? r.left : r.right;
  const value = own.spec.value === undefined ? [] : [currency ? `value (${currency})` : 'value'];
  const origin = own.source.files ? ['file', 'line'] : [];
  return ['id', ...origin, ...Object.keys(own.source.fields), 'anchor as exported', `anchor (${zone})`, 'counterpart id', ...value];
}

/**
 * Yields the bucket's records (at most `limit`) in blocks as DuckDB streams them out of the side's listing view,
 * ordered as the report orders ids (numeric ids by value, then text; the row number breaks ties): one query and
 * one sort per bucket, a block at a time in memory. The values are those of describeRecordHeaders' columns.
 */
export async function* readBucketRecords(db: Database, r: CompiledReconcile, bucket: AuditBucket, limit?: number): AsyncGenerator<(string | null)[][]> {
  const own = bucket.side === 'left' ? r.left : r.right;
  const origin = own.source.files ? [...ORIGIN_COLUMNS] : [];
  const fixed: readonly string[] = [...LISTING_COLUMNS, ...origin];
  // A file column named like a fixed listing column is listed with " (file)" (buildBucketListing).
  const fields = Object.values(own.source.fields).map((column) => quoteIdent(fixed.includes(column) ? `${column} (file)` : column));
  const value = own.spec.value === undefined ? [] : ['value'];
  const columns = ['record_id', ...origin, ...fields, 'anchor_exported', 'anchor_reporting', 'other_record_id', ...value];
  const sql = `SELECT ${columns.join(', ')} FROM ${quoteIdent(r.listings[bucket.side].view)}
    WHERE kind = $1 AND reason = $2 ORDER BY ${idOrderSql('record_id')}, __row_no${limit === undefined ? '' : ` LIMIT ${Math.floor(limit)}`}`;
  for await (const rows of db.stream(sql, [bucket.kind, bucket.reason])) yield rows as (string | null)[][];
}
