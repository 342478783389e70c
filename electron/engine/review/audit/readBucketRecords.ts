// A bucket's records for the audit pack, page by page in report.md's id order: id, canonical fields, anchors, counterpart (and value).
import { MAX_PAGE_ROWS } from '../../../../shared/api';
import type { BucketKind, Side } from '../../../../shared/reportTypes';
import { LISTING_COLUMNS } from '../../buildBucketListing';
import { idOrderSql } from '../../buildSourceTable';
import type { CompiledReconcile } from '../../compiledInvestigation';
import { quoteIdent, type Database } from '../../openDatabase';
import { readListedRows, type ListedRowNumber } from '../../queryBucketRows';

export interface AuditBucket {
  side: Side;
  kind: BucketKind;
  reason: string;
}

/** Row 2 of a bucket sheet (review.md), and `value (<currency>)` after it when the metrics have a value. */
export function describeRecordHeaders(r: CompiledReconcile, side: Side, zone: string, currency: string | undefined): string[] {
  const own = side === 'left' ? r.left : r.right;
  const value = own.spec.value === undefined ? [] : [currency ? `value (${currency})` : 'value'];
  return ['id', ...Object.keys(own.source.fields), 'anchor as exported', `anchor (${zone})`, 'counterpart id', ...value];
}

/**
 * Yields the bucket's records in pages of at most `pageSize`, `limit` records in all: first the page's row numbers
 * in id order off the bridge table (numeric ids by value, then text, as the report sorts them; the row number
 * breaks ties), then only those rows' listed columns. A page at a time is all that is ever held.
 */
export async function* readBucketRecords(db: Database, r: CompiledReconcile, bucket: AuditBucket, limit = Infinity, pageSize = MAX_PAGE_ROWS): AsyncGenerator<(string | null)[][]> {
  const listing = r.listings[bucket.side];
  const own = bucket.side === 'left' ? r.left : r.right;
  const fixed: readonly string[] = LISTING_COLUMNS;
  const listed = (column: string) => listing.columns.indexOf(column);
  const fieldAt = Object.values(own.source.fields).map((column) => listed(fixed.includes(column) ? `${column} (file)` : column));
  const valued = own.spec.value !== undefined;
  const at = [listed('record_id'), ...fieldAt, listed('anchor_exported'), listed('anchor_reporting'), listed('other_record_id'), ...(valued ? [listed('value')] : [])];
  for (let offset = 0; offset < limit; offset += pageSize) {
    const size = Math.min(pageSize, limit - offset);
    const numbers = await db.all<ListedRowNumber>(
      `SELECT __row_no AS n, __other_row_no AS other, __other_is_own_side AS own_side FROM ${quoteIdent(r.table)}
       WHERE side = $1 AND kind = $2 AND reason = $3 ORDER BY ${idOrderSql('__id')}, __row_no LIMIT $4 OFFSET $5`,
      [bucket.side, bucket.kind, bucket.reason, size, offset],
    );
    if (numbers.length === 0) return;
    const page = await readListedRows(db, listing, numbers);
    yield page.rows.map((row) => at.map((i) => (i < 0 ? null : (row[i] ?? null))));
    if (numbers.length < size) return;
  }
}
