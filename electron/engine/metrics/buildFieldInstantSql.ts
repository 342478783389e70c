// The instant of a source's date field (an SLA's clock): kept by the import, else read again from the export's text with its rules.
import path from 'node:path';
import { detectDateOrder, instantColumn } from '../buildSourceTable';
import type { CompiledSource } from '../compiledInvestigation';
import { quoteIdent } from '../openDatabase';
import { rankTimestampFormats } from '../rankTimestampFormats';
import { buildInstantSql } from '../sql/buildTimestampSql';
import type { MetricsContext } from './MetricsContext';

/**
 * TIMESTAMPTZ over `alias` (a row of the source table, which keeps the file's columns): a value with a time of day is
 * that moment, a date alone the instant its day ends in reporting.timezone (revenue.md, "Instants and dates").
 */
export async function buildFieldInstantSql(ctx: MetricsContext, source: CompiledSource, field: string, alias: string): Promise<string> {
  const column = source.fields[field];
  if (column === undefined) throw new Error(`source '${source.spec.name}' has no column for its field '${field}'`);
  // Kept by the import, read through the same parse as the wall time (buildPairedTimestampSql).
  if (source.instantFields?.includes(field)) return `${alias}.${quoteIdent(instantColumn(field))}`;
  const order = source.spec.dateFormat ?? (await detectDateOrder(ctx.db, source.table, column));
  // Most frequent first, as the import read them: a failed try costs far more than a successful one.
  const formats = await rankTimestampFormats(ctx.db, source.table, column, order);
  return buildInstantSql(`${alias}.${quoteIdent(column)}`, {
    sourceZone: source.spec.timezone,
    reportingZone: ctx.contract.reporting.timezone,
    dateTimeFormats: formats.dateTimes,
    dateOnlyFormats: formats.dateOnly,
    excelSerials: path.extname(source.file).toLowerCase() === '.xlsx',
    monthStarts: source.monthFields?.includes(field) ?? false,
    usualDateTime: formats.usualDateTime,
  });
}
