// The listing of a bridge side: one view that both bucket counts and drill-downs read, so they cannot disagree.
import type { Side } from '../../shared/reportTypes';
import type { CompiledReconcile } from './compiledInvestigation';
import type { Database } from './openDatabase';
import { quoteIdent } from './openDatabase';
import { buildShownTimestampSql } from './sql/buildTimestampSql';
import { canonicalColumn, dateOnlyColumn } from './buildSourceTable';

/** Columns every listing starts with; the export's own columns follow. */
export const LISTING_COLUMNS = [
  'record_id',
  'identity_key',
  'kind',
  'reason',
  'anchor_exported',
  'anchor_reporting',
  'other_record_id',
  'other_anchor_exported',
  'other_anchor_reporting',
] as const;

export interface BucketListing {
  view: string;
  /** Listed column name -> the view's column (a file column that collides with a fixed name gets " (file)"). */
  columns: string[];
}

type UnlistedReconcile = Pick<CompiledReconcile, 'spec' | 'table' | 'left' | 'right'>;

export function listingViewName(r: UnlistedReconcile, side: Side): string {
  return `${r.table}_${side}_list`;
}

/**
 * For a duplicate, "other" is the survivor on the same side; for matched, timing and
 * excluded_on_other_side it is the counterpart on the other side.
 */
export async function buildBucketListing(db: Database, r: UnlistedReconcile, side: Side): Promise<BucketListing> {
  const own = side === 'left' ? r.left : r.right;
  const other = side === 'left' ? r.right : r.left;
  const anchor = (alias: string, m: typeof own) => ({
    exported: `CAST(${alias}.${quoteIdent(m.source.fields[m.spec.date] ?? '')} AS VARCHAR)`,
    reporting: buildShownTimestampSql(`${alias}.${quoteIdent(canonicalColumn(m.spec.date))}`, `${alias}.${quoteIdent(dateOnlyColumn(m.spec.date))}`),
  });
  const a = anchor('s', own);
  const d = anchor('d', own);
  const o = anchor('o', other);
  const fixed = new Set<string>(LISTING_COLUMNS);
  const fileColumns = own.source.fileColumns.map((c) => ({ source: c, listed: fixed.has(c) ? `${c} (file)` : c }));
  const view = listingViewName(r, side);
  await db.run(`CREATE OR REPLACE VIEW ${quoteIdent(view)} AS
    SELECT b.__row_no, b.__id AS record_id, b.__key AS identity_key, b.kind, b.reason,
      ${a.exported} AS anchor_exported, ${a.reporting} AS anchor_reporting,
      coalesce(d.__id, o.__id) AS other_record_id,
      CASE WHEN d.__row_no IS NOT NULL THEN ${d.exported} ELSE ${o.exported} END AS other_anchor_exported,
      CASE WHEN d.__row_no IS NOT NULL THEN ${d.reporting} ELSE ${o.reporting} END AS other_anchor_reporting,
      ${fileColumns.map((c) => `CAST(s.${quoteIdent(c.source)} AS VARCHAR) AS ${quoteIdent(c.listed)}`).join(', ')}
    FROM ${quoteIdent(r.table)} b
    JOIN ${quoteIdent(own.source.table)} s ON s.__row_no = b.__row_no
    LEFT JOIN ${quoteIdent(own.source.table)} d ON b.__other_is_own_side AND d.__row_no = b.__other_row_no
    LEFT JOIN ${quoteIdent(other.source.table)} o ON NOT b.__other_is_own_side AND o.__row_no = b.__other_row_no
    WHERE b.side = '${side}'`);
  return { view, columns: [...LISTING_COLUMNS, ...fileColumns.map((c) => c.listed)] };
}
