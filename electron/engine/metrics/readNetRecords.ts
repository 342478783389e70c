// Count, exact value and ids of a metric's net records (the shared metrics' building block).
import type { CompiledMetric } from '../compiledInvestigation';
import { quoteIdent } from '../openDatabase';
import { buildIdListSql } from './buildIdListSql';
import type { MetricsContext } from './MetricsContext';

export interface NetRow {
  n: string;
  value: string;
  ids: string;
}

/** Count, exact value (DECIMAL as text) and ids of a metric's net records, optionally only those whose row numbers `rows` selects. */
export async function readNetRecords(ctx: MetricsContext, metric: CompiledMetric, rows?: string): Promise<NetRow> {
  const [row] = await ctx.db.all<NetRow>(`SELECT count(*) AS n, CAST(coalesce(sum(__value), 0) AS VARCHAR) AS value, ${buildIdListSql('__id')} AS ids
    FROM ${quoteIdent(metric.table)} WHERE step = 'net' ${rows === undefined ? '' : `AND __row_no IN (${rows})`}`);
  return row ?? { n: '0', value: '0', ids: '[]' };
}
