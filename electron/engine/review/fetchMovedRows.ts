// Pages the records of one move of a comparison (bucket under A -> bucket under B), with their export's columns, as fetchRows pages a bucket.
import type { PageRequest, RowPage } from '../../../shared/api';
import type { MovedQuery } from '../../../shared/reviewTypes';
import { idOrderSql } from '../buildSourceTable';
import { quoteIdent, type Database } from '../openDatabase';
import type { MovedRecords } from './compareContracts';

/** record_id, then the file's own columns (a file column called record_id is listed as "record_id (file)"). */
function listMovedColumns(moved: MovedRecords, query: MovedQuery): string[] {
  return ['record_id', ...moved.sources[query.side].fileColumns.map((c) => (c === 'record_id' ? `${c} (file)` : c))];
}

/** Records in report.md's id order; the page's rows are picked in the moved table first, then joined to their source rows. */
export async function fetchMovedRows(db: Database, moved: MovedRecords, query: MovedQuery, page: PageRequest): Promise<RowPage> {
  const source = moved.sources[query.side];
  const columns = listMovedColumns(moved, query);
  const rows = await db.all<Record<string, string | null>>(
    `WITH page AS (
       SELECT __row_no, __id FROM ${quoteIdent(moved.table)}
       WHERE side = $1 AND from_kind = $2 AND from_reason = $3 AND to_kind = $4 AND to_reason = $5
       ORDER BY ${idOrderSql('__id')} LIMIT $6 OFFSET $7)
     SELECT p.__id AS record_id, ${source.fileColumns.map((c, i) => `CAST(s.${quoteIdent(c)} AS VARCHAR) AS ${quoteIdent(`c${i}`)}`).join(', ')}
     FROM page p JOIN ${quoteIdent(source.table)} s ON s.__row_no = p.__row_no
     ORDER BY ${idOrderSql('p.__id')}`,
    [query.side, query.from.kind, query.from.reason, query.to.kind, query.to.reason, page.limit, page.offset],
  );
  return { columns, rows: rows.map((row) => [row.record_id ?? null, ...source.fileColumns.map((_, i) => row[`c${i}`] ?? null)]) };
}
