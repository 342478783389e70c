// Counts and pages a bucket's records for drill-downs: SQL built from a description, values always bound.
import { MAX_PAGE_ROWS, type BucketQuery, type FilterSpec, type PageRequest, type RowPage } from '../../shared/api';
import { DIFFERS_SUFFIX, KIND_WORDS, REASON_WORDS } from '../../shared/labelStep';
import { LISTING_KINDS, NET_KINDS, NET_UNMATCHED_KINDS, type ListingKind } from '../../shared/reportTypes';
import { ANCHOR_SORT, narrowPageSql, type BucketListing } from './buildBucketListing';
import { buildShownTimestampOrderSql } from './sql/buildTimestampSql';
import { findBucketRun } from './findBucketRun';
import type { Database, SqlParam } from './openDatabase';
import { quoteIdent, quoteLiteral } from './openDatabase';
import { UserError } from './UserError';

/** Listed columns the bridge table holds itself: sorting or filtering on them needs none of the joins. */
const BRIDGE_COLUMNS: Record<string, string> = { record_id: '__id', identity_key: '__key', kind: 'kind', reason: 'reason' };

/** Steps and reasons are shown in words (shared/labelStep.ts): filters and sorts apply to those words. */
function buildWordsSql(column: string, words: Readonly<Record<string, string>>, otherwise = column): string {
  const cases = Object.entries(words).map(([code, word]) => `WHEN ${quoteLiteral(code)} THEN ${quoteLiteral(word)}`);
  return `(CASE ${column} ${cases.join(' ')} ELSE ${otherwise} END)`;
}

/** A matched record's `<field>_differs` in labelReason's words: the field's underscores as spaces, capitalised, " differs". */
function buildDiffersWordsSql(column: string): string {
  const field = `replace(left(${column}, length(${column}) - ${DIFFERS_SUFFIX.length}), '_', ' ')`;
  return `CASE WHEN ends_with(${column}, ${quoteLiteral(DIFFERS_SUFFIX)}) AND length(${column}) > ${DIFFERS_SUFFIX.length}
    THEN upper(left(${field}, 1)) || substr(${field}, 2) || ' differs' ELSE ${column} END`;
}

function buildColumnSql(listed: string, column: string): string {
  if (listed === 'kind') return buildWordsSql(column, KIND_WORDS);
  if (listed === 'reason') return buildWordsSql(column, REASON_WORDS, buildDiffersWordsSql(column));
  return column;
}

function buildFilterSql(filter: FilterSpec, column: string, params: SqlParam[]): string {
  const value = () => {
    params.push(filter.value ?? '');
    return `$${params.length}`;
  };
  switch (filter.op) {
    case 'contains':
      return `contains(lower(${column}), lower(${value()}))`;
    case 'equals':
      return `${column} = ${value()}`;
    case 'notEquals':
      return `${column} IS DISTINCT FROM ${value()}`;
    case 'startsWith':
      return `starts_with(lower(${column}), lower(${value()}))`;
    case 'endsWith':
      return `ends_with(lower(${column}), lower(${value()}))`;
    case 'blank':
      return `coalesce(${column}, '') = ''`;
    case 'notBlank':
      return `coalesce(${column}, '') <> ''`;
    default:
      throw new UserError(`unknown filter operator '${String((filter as FilterSpec).op)}'`);
  }
}

/**
 * Rows whose value in a date or amount column was not empty and yet read as no date or no amount: what the
 * source's report counts as unreadable (a currency without a rate never gets this far: the import refuses it).
 */
function buildUnreadableSql(listing: BucketListing, column: string): string {
  const reading = listing.sourceReadings.columns[column];
  if (reading === undefined) {
    const mapped = Object.keys(listing.sourceReadings.columns);
    throw new UserError(`'${column}' is not a column mapped as a date or an amount of the ${listing.side} side's source${mapped.length ? `; its date and amount columns: ${mapped.join(', ')}` : ''}`);
  }
  // The column is one of the source's own (checked above): an identifier, quoted, never a value.
  return `__row_no IN (SELECT __row_no FROM ${quoteIdent(listing.sourceReadings.table)} WHERE ${quoteIdent(reading)} IS NULL AND trim(coalesce(CAST(${quoteIdent(column)} AS VARCHAR), '')) <> '')`;
}

/** gross: every row of the side; net: the kinds a metric's net count is made of; net_unmatched: those but matched; else the one kind. */
function buildKindSql(kind: ListingKind, params: SqlParam[]): string {
  if (kind === 'gross') return 'true';
  const kinds = kind === 'net' ? NET_KINDS : kind === 'net_unmatched' ? NET_UNMATCHED_KINDS : [kind];
  const placeholders = kinds.map((k) => {
    params.push(k);
    return `$${params.length}`;
  });
  return `kind IN (${placeholders.join(', ')})`;
}

function checkColumn(listing: BucketListing, column: string): void {
  if (!listing.columns.includes(column)) throw new UserError(`unknown column '${column}'; the listing has: ${listing.columns.join(', ')}`);
}

/**
 * Where the query's rows come from: the bridge table alone when sort and filter only touch its own
 * columns (fast: no joins), the side's own-record view when they touch no other_* column (one join), else
 * the listing view. All hold exactly the same rows for a bucket.
 */
function buildSelection(listing: BucketListing, query: BucketQuery, params: SqlParam[]): { from: string; where: string; order: string } {
  if (!LISTING_KINDS.includes(query.kind)) throw new UserError(`unknown bucket kind '${String(query.kind)}'; kinds: ${LISTING_KINDS.join(', ')}`);
  const used = [...(query.filter ?? []).map((f) => f.column), ...(query.sort ?? []).map((s) => s.column)];
  used.forEach((c) => checkColumn(listing, c));
  const onBridge = used.every((c) => c in BRIDGE_COLUMNS);
  const onOwnRecord = used.every((c) => listing.ownColumns.includes(c));
  const col = (c: string) => buildColumnSql(c, quoteIdent(onBridge ? (BRIDGE_COLUMNS[c] ?? c) : c));
  const clauses = [buildKindSql(query.kind, params)];
  if (onBridge) {
    params.push(listing.side);
    clauses.push(`side = $${params.length}`);
  }
  if (query.reason !== undefined) {
    params.push(query.reason);
    clauses.push(`reason = $${params.length}`);
  }
  if (query.unreadableColumn !== undefined) clauses.push(buildUnreadableSql(listing, query.unreadableColumn));
  for (const filter of query.filter ?? []) clauses.push(buildFilterSql(filter, col(filter.column), params));
  const order = [
    ...(query.sort ?? []).map((s) => {
      const direction = s.direction === 'desc' ? 'DESC' : 'ASC';
      // The own-record view carries the anchor's typed reading: sorting 500k dates beats formatting and sorting 500k texts.
      if (s.column === 'anchor_reporting' && !onBridge && onOwnRecord) return buildShownTimestampOrderSql(ANCHOR_SORT.wallTime, ANCHOR_SORT.dateOnly, direction);
      return `${col(s.column)} ${direction} NULLS LAST`;
    }),
    '__row_no',
  ].join(', ');
  return { from: quoteIdent(onBridge ? listing.bridge : onOwnRecord ? listing.ownView : listing.view), where: clauses.join(' AND '), order };
}

export async function countBucketRows(db: Database, listing: BucketListing, query: BucketQuery): Promise<number> {
  const run = await findBucketRun(db, listing, query);
  if (run) return run.count;
  const params: SqlParam[] = [];
  const { from, where } = buildSelection(listing, query, params);
  const [row] = await db.all<{ n: string }>(`SELECT count(*) AS n FROM ${from} WHERE ${where}`, params);
  return Number(row?.n ?? 0);
}

type PageNumbers = { n: string; other: string | null; own_side: boolean | null }[];
/** A page's row numbers, and the run of bridge rowids they were read from when the page is one. */
interface PageRows {
  numbers: PageNumbers;
  rowids?: { from: number; to: number };
}

/** The page's row numbers in order: a range of rowids for a bucket in row order (findBucketRun), else sorted by query. */
async function readPageNumbers(db: Database, listing: BucketListing, query: BucketQuery, page: PageRequest): Promise<PageRows> {
  const select = 'SELECT __row_no AS n, __other_row_no AS other, __other_is_own_side AS own_side';
  const run = await findBucketRun(db, listing, query);
  if (run) {
    // rowids are our own integers, inlined so the range reaches the scan (a bound parameter does not). Side, kind and
    // reason are checked again, on the rows read, so a page can never hold another bucket's rows: as filters of the
    // scan they cost more than the read itself (17 ms against 2 ms at 1M rows a side).
    const from = run.start + Math.min(page.offset, run.count);
    const to = run.start + Math.min(page.offset + page.limit, run.count);
    const rows = await db.all<PageNumbers[number] & { side: string; kind: string; reason: string }>(
      `${select}, side, kind, reason FROM ${quoteIdent(listing.bridge)} WHERE rowid >= ${from} AND rowid < ${to} ORDER BY rowid`,
    );
    if (rows.every((row) => row.side === listing.side && row.kind === query.kind && row.reason === query.reason)) {
      return { numbers: rows.map(({ n, other, own_side }) => ({ n, other, own_side })), rowids: { from, to } };
    }
  }
  const params: SqlParam[] = [];
  const { from, where, order } = buildSelection(listing, query, params);
  params.push(page.limit, page.offset);
  return { numbers: await db.all<PageNumbers[number]>(`${select} FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT $${params.length - 1} OFFSET $${params.length}`, params) };
}

/** Two steps: the page's row numbers in order, then the listed columns of just those rows. */
export async function fetchBucketRows(db: Database, listing: BucketListing, query: BucketQuery, page: PageRequest): Promise<RowPage> {
  if (!Number.isInteger(page.offset) || page.offset < 0 || !Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_PAGE_ROWS) {
    throw new UserError(`invalid page: offset must be a whole number >= 0 and limit between 1 and ${MAX_PAGE_ROWS}`);
  }
  const { numbers, rowids } = await readPageNumbers(db, listing, query, page);
  if (numbers.length === 0) return { columns: listing.columns, rows: [] };
  // Row numbers come from our own BIGINT columns, so they are inlined as integers, never as text.
  const list = (values: (string | null)[]) => values.filter((v) => v !== null).map(Number);
  const sql = narrowPageSql(
    listing.pageSql,
    {
      own: list(numbers.map((r) => r.n)),
      survivors: list(numbers.filter((r) => r.own_side === true).map((r) => r.other)),
      other: list(numbers.filter((r) => r.own_side === false).map((r) => r.other)),
    },
    rowids,
  );
  const rows = await db.all<Record<string, string | null>>(sql);
  const byNumber = new Map(rows.map((row) => [Number(row.__row_no), row]));
  return {
    columns: listing.columns,
    rows: numbers.map((n) => {
      const row = byNumber.get(Number(n.n)) ?? {};
      return listing.columns.map((c) => row[c] ?? null);
    }),
  };
}
