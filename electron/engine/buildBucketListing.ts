// The listing of a bridge side: one view that both bucket counts and drill-downs read, so they cannot disagree.
import type { Side } from '../../shared/reportTypes';
import type { CompiledReconcile } from './compiledInvestigation';
import type { Database } from './openDatabase';
import { quoteIdent, quoteLiteral } from './openDatabase';
import { buildShownTimestampSql } from './sql/buildTimestampSql';
import { canonicalColumn, dateOnlyColumn } from './buildSourceTable';
import { amountColumns } from './money/buildAmountColumns';
import { FILE_NO_COLUMN, LINE_COLUMN } from './import/importSourceFiles';

/** A source of several files: each record's file and physical line, listed after the record id. */
export const ORIGIN_COLUMNS = ['source_file', 'source_line'] as const;

/** Columns every listing starts with (`value` only when the metric has one); the export's own columns follow. */
export const LISTING_COLUMNS = [
  'record_id',
  'identity_key',
  'kind',
  'reason',
  'value',
  'anchor_exported',
  'anchor_reporting',
  'other_record_id',
  'other_anchor_exported',
  'other_anchor_reporting',
] as const;

/** Columns of the own-record view that sort anchor_reporting as its text sorts, without formatting it (queryBucketRows). */
export const ANCHOR_SORT = { wallTime: '__anchor_wall_time', dateOnly: '__anchor_date_only' } as const;

/** The listed columns that need the other record (a file column of that name is listed as "NAME (file)"). */
const OTHER_RECORD_COLUMNS: readonly string[] = ['other_record_id', 'other_anchor_exported', 'other_anchor_reporting'];

export interface BucketListing {
  view: string;
  /**
   * The same rows with only the columns of the side's own record (no other_* column): sorts and filters on those
   * read the bridge and its source, not the two joins that find the other record.
   */
  ownView: string;
  ownColumns: string[];
  /** The bridge table and side the view reads, for paging by row numbers without the joins. */
  bridge: string;
  side: Side;
  /**
   * The view's own SELECT with its scans narrowed to some rows, by placeholders narrowPageSql replaces with a page's
   * row numbers. One definition serves the view and the pages.
   */
  pageSql: string;
  /** Listed column name -> the view's column (a file column that collides with a fixed name gets " (file)"). */
  columns: string[];
  /** The side's source table and its file columns mapped as dates or amounts, each with the column holding its reading. */
  sourceReadings: { table: string; columns: Record<string, string> };
}

type UnlistedReconcile = Pick<CompiledReconcile, 'spec' | 'table' | 'left' | 'right'>;

function listingViewName(r: UnlistedReconcile, side: Side): string {
  return `${r.table}_${side}_list`;
}

/** The row numbers a page reads of each table of pageSql: its own records, their surviving duplicates, their counterparts. */
export interface PageRowNumbers {
  own: number[];
  survivors: number[];
  other: number[];
}

const BRIDGE_ROWIDS = '/*BRIDGE_ROWIDS*/';

/** A placeholder of pageSql: `column` is one of the page's row numbers of `set`. */
function buildRowsPlaceholder(set: keyof PageRowNumbers, column: string): string {
  return `/*ROWS ${set} ${column}*/`;
}

/**
 * pageSql narrowed to a page's rows. Each row number condition is a list and its range: the list alone reaches the
 * scan as an optional filter that DuckDB did not apply, and the scan read the whole row group of the source table
 * (122,880 rows, 30-50 ms); the range lets it skip to the rows. `bridgeRowids` is the page's run of bridge rowids
 * when it is one (findBucketRun): the bridge is ordered by bucket, not by row number, so row numbers alone leave its
 * scan reading half the table.
 */
export function narrowPageSql(pageSql: string, rows: PageRowNumbers, bridgeRowids?: { from: number; to: number }): string {
  return pageSql
    .replace(/\/\*ROWS (own|survivors|other) ([a-z_.]+)\*\//g, (_match, set: keyof PageRowNumbers, column: string) => {
      // Row numbers are our own BIGINTs, inlined as integers; -1 is no row, so an empty list matches nothing.
      const numbers = rows[set];
      const [low, high] = numbers.length ? [Math.min(...numbers), Math.max(...numbers)] : [-1, -1];
      return `${column} IN (${[...numbers, -1].join(', ')}) AND ${column} BETWEEN ${low} AND ${high}`;
    })
    .replaceAll(BRIDGE_ROWIDS, bridgeRowids ? `AND b.rowid >= ${bridgeRowids.from} AND b.rowid < ${bridgeRowids.to}` : '');
}

/**
 * Joins are on equalities alone (a condition on the left row in a LEFT JOIN's ON makes DuckDB fall back
 * to a nested-loop join). For a duplicate, "other" is the survivor on the same side; for matched, timing and
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
  const files = own.source.files?.map((f) => f.name);
  const origin = files ? [...ORIGIN_COLUMNS] : [];
  const fixed = new Set<string>([...LISTING_COLUMNS, ...origin]);
  // The file's name from its place in the list (a SMALLINT in the table, not a name per row).
  const originSql = files
    ? `[${files.map(quoteLiteral).join(', ')}][s.${FILE_NO_COLUMN} + 1] AS source_file, CAST(s.${LINE_COLUMN} AS VARCHAR) AS source_line,`
    : '';
  const valued = own.spec.value !== undefined;
  // What the record adds to its bucket, exact cents; empty when its own amount is (a summed survivor shows its group's total).
  const value = valued ? `CASE WHEN b.__missing AND b.__value = 0 THEN NULL ELSE CAST(b.__value AS VARCHAR) END AS value,` : '';
  const fileColumns = own.source.fileColumns.map((c) => ({ source: c, listed: fixed.has(c) ? `${c} (file)` : c }));
  const view = listingViewName(r, side);
  // One fragment for what both views list of the side's own record: the full view adds the other record between
  // the anchor and the file's columns, the own-record view the anchor's sort columns.
  const ownHead = `b.__row_no, b.__other_row_no, b.__other_is_own_side, b.__id AS record_id, b.__key AS identity_key, b.kind, b.reason, ${value}
      ${a.exported} AS anchor_exported, ${a.reporting} AS anchor_reporting,`;
  const ownTail = `${originSql}
      ${fileColumns.map((c) => `CAST(s.${quoteIdent(c.source)} AS VARCHAR) AS ${quoteIdent(c.listed)}`).join(', ')}`;
  // Conditions on the joined table alone are pushed into its scan, so a page reads only its rows.
  const ownFrom = (narrow: boolean) => `FROM ${quoteIdent(r.table)} b
    JOIN ${quoteIdent(own.source.table)} s ON s.__row_no = b.__row_no${narrow ? ` AND ${buildRowsPlaceholder('own', 's.__row_no')}` : ''}`;
  const ownWhere = (narrow: boolean) => `WHERE b.side = '${side}'${narrow ? ` AND ${buildRowsPlaceholder('own', 'b.__row_no')} ${BRIDGE_ROWIDS}` : ''}`;
  const select = (narrow: boolean) => `
    SELECT ${ownHead}
      coalesce(d.__id, o.__id) AS other_record_id,
      CASE WHEN d.__row_no IS NOT NULL THEN ${d.exported} ELSE ${o.exported} END AS other_anchor_exported,
      CASE WHEN d.__row_no IS NOT NULL THEN ${d.reporting} ELSE ${o.reporting} END AS other_anchor_reporting, ${ownTail}
    ${ownFrom(narrow)}
    LEFT JOIN ${quoteIdent(own.source.table)} d ON d.__row_no = CASE WHEN b.__other_is_own_side THEN b.__other_row_no END${narrow ? ` AND ${buildRowsPlaceholder('survivors', 'd.__row_no')}` : ''}
    LEFT JOIN ${quoteIdent(other.source.table)} o ON o.__row_no = CASE WHEN NOT b.__other_is_own_side THEN b.__other_row_no END${narrow ? ` AND ${buildRowsPlaceholder('other', 'o.__row_no')}` : ''}
    ${ownWhere(narrow)}`;
  await db.run(`CREATE OR REPLACE VIEW ${quoteIdent(view)} AS ${select(false)}`);
  const ownView = `${view}_own`;
  await db.run(`CREATE OR REPLACE VIEW ${quoteIdent(ownView)} AS
    SELECT ${ownHead}
      s.${quoteIdent(canonicalColumn(own.spec.date))} AS ${ANCHOR_SORT.wallTime}, s.${quoteIdent(dateOnlyColumn(own.spec.date))} AS ${ANCHOR_SORT.dateOnly}, ${ownTail}
    ${ownFrom(false)}
    ${ownWhere(false)}`);
  const readingOf = (fields: string[], column: (field: string) => string) =>
    fields.flatMap((f) => (own.source.fields[f] === undefined ? [] : [[own.source.fields[f], column(f)] as const]));
  const readings = Object.fromEntries([
    ...readingOf(own.source.dateFields, canonicalColumn),
    ...readingOf(own.source.amounts.amountFields, (f) => amountColumns(f).cents),
  ]);
  // The file and line beside the record id, where the grid shows them without scrolling.
  const columns = [...LISTING_COLUMNS.filter((c) => valued || c !== 'value').flatMap((c) => (c === 'record_id' ? [c, ...origin] : [c])), ...fileColumns.map((c) => c.listed)];
  return {
    view,
    ownView,
    ownColumns: columns.filter((c) => !OTHER_RECORD_COLUMNS.includes(c)),
    bridge: r.table,
    side,
    pageSql: select(true),
    columns,
    sourceReadings: { table: own.source.table, columns: readings },
  };
}
