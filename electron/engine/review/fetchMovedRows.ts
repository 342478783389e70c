// Pages the records of one move of a comparison (bucket under A -> bucket under B), with their export's columns, as fetchRows pages a bucket.
import type { PageRequest, RowPage } from '../../../shared/api';
import type { MovedQuery } from '../../../shared/reviewTypes';
import { quoteIdent, type Database } from '../openDatabase';
import type { MovedRecords } from './compareContracts';

/**
 * Two steps, as fetchBucketRows: the page's row numbers by their position in report.md's id order (numbered when the
 * comparison was made), then the columns of just those rows (the source table is in row order, so a list of row
 * numbers lets DuckDB skip the rest of it).
 * Columns: record_id, then the file's own (a file column called record_id is listed as "record_id (file)").
 */
export async function fetchMovedRows(db: Database, moved: MovedRecords, query: MovedQuery, page: PageRequest): Promise<RowPage> {
  const source = moved.sources[query.side];
  const columns = ['record_id', ...source.fileColumns.map((c) => (c === 'record_id' ? `${c} (file)` : c))];
  const numbers = await db.all<{ n: string }>(
    `SELECT __row_no AS n FROM ${quoteIdent(moved.table)}
     WHERE side = $1 AND from_kind = $2 AND from_reason = $3 AND to_kind = $4 AND to_reason = $5 AND __pos > $6 AND __pos <= $7
     ORDER BY __pos`,
    [query.side, query.from.kind, query.from.reason, query.to.kind, query.to.reason, page.offset, page.offset + page.limit],
  );
  if (numbers.length === 0) return { columns, rows: [] };
  // Row numbers come from our own BIGINT column, so they are inlined as integers, never as text.
  const list = numbers.map((r) => Number(r.n)).join(', ');
  const rows = await db.all<Record<string, string | null>>(
    `SELECT __row_no, __id, ${source.fileColumns.map((c, i) => `CAST(${quoteIdent(c)} AS VARCHAR) AS ${quoteIdent(`c${i}`)}`).join(', ')}
     FROM ${quoteIdent(source.table)} WHERE __row_no IN (${list})`,
  );
  const byNumber = new Map(rows.map((row) => [Number(row.__row_no), row]));
  return {
    columns,
    rows: numbers.map((n) => {
      const row = byNumber.get(Number(n.n)) ?? {};
      return [row.__id ?? null, ...source.fileColumns.map((_, i) => row[`c${i}`] ?? null)];
    }),
  };
}
