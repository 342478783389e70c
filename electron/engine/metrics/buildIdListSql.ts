// Id lists cross from DuckDB as one JSON text each, in the bridge's id order (numeric ids by value, then text).
import { idOrderSql } from '../buildSourceTable';
import type { MetricsContext } from './MetricsContext';

/**
 * An aggregate giving the values of `column` (of the rows `filter` keeps) as a JSON array text, `[]` when there are
 * none; the rows must be distinct already. `rank`: a column holding each id's place in that order, computed once per
 * record (lists that hold a record many times sort on it instead of casting every id again).
 */
export function buildIdListSql(column: string, filter?: string, rank?: string): string {
  return `coalesce(to_json(list(${column} ORDER BY ${rank ?? idOrderSql(column)})${filter === undefined ? '' : ` FILTER (WHERE ${filter})`}), '[]')`;
}

/** A list the report holds: the ids, or what stands for the text when the report is read to be written (MetricsContext.keepIdText). */
export function readIdList(ctx: Pick<MetricsContext, 'keepIdText'>, text: string | null | undefined): string[] {
  return ctx.keepIdText ? ctx.keepIdText(text ?? '[]') : (JSON.parse(text ?? '[]') as string[]);
}
