// Counts and pages a bucket's records for drill-downs: SQL built from a description, values always bound.
import type { BucketQuery, FilterSpec, PageRequest, RowPage } from '../../shared/api';
import { BUCKET_KINDS } from '../../shared/reportTypes';
import type { BucketListing } from './buildBucketListing';
import type { Database, SqlParam } from './openDatabase';
import { quoteIdent } from './openDatabase';
import { UserError } from './UserError';

const MAX_PAGE = 10_000;

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

function checkColumn(listing: BucketListing, column: string): string {
  if (!listing.columns.includes(column)) throw new UserError(`unknown column '${column}'; the listing has: ${listing.columns.join(', ')}`);
  return quoteIdent(column);
}

function buildWhereSql(listing: BucketListing, query: BucketQuery, params: SqlParam[]): string {
  if (!BUCKET_KINDS.includes(query.kind)) throw new UserError(`unknown bucket kind '${String(query.kind)}'; kinds: ${BUCKET_KINDS.join(', ')}`);
  params.push(query.kind);
  const clauses = [`kind = $${params.length}`];
  if (query.reason !== undefined) {
    params.push(query.reason);
    clauses.push(`reason = $${params.length}`);
  }
  for (const filter of query.filter ?? []) clauses.push(buildFilterSql(filter, checkColumn(listing, filter.column), params));
  return clauses.join(' AND ');
}

export async function countBucketRows(db: Database, listing: BucketListing, query: BucketQuery): Promise<number> {
  const params: SqlParam[] = [];
  const where = buildWhereSql(listing, query, params);
  const [row] = await db.all<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdent(listing.view)} WHERE ${where}`, params);
  return Number(row?.n ?? 0);
}

export async function fetchBucketRows(db: Database, listing: BucketListing, query: BucketQuery, page: PageRequest): Promise<RowPage> {
  if (!Number.isInteger(page.offset) || page.offset < 0 || !Number.isInteger(page.limit) || page.limit < 0 || page.limit > MAX_PAGE) {
    throw new UserError(`invalid page: offset must be a whole number >= 0 and limit between 0 and ${MAX_PAGE}`);
  }
  const params: SqlParam[] = [];
  const where = buildWhereSql(listing, query, params);
  const order = [...(query.sort ?? []).map((s) => `${checkColumn(listing, s.column)} ${s.direction === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`), '__row_no'];
  const select = listing.columns.map(quoteIdent).join(', ');
  params.push(page.limit, page.offset);
  const rows = await db.all(
    `SELECT ${select} FROM ${quoteIdent(listing.view)} WHERE ${where} ORDER BY ${order.join(', ')} LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return { columns: listing.columns, rows: rows.map((row) => listing.columns.map((c) => (row[c] ?? null) as string | null)) };
}
