// The instant of a source's date field (an SLA's clock, a touch's moment): from the stored reading, or the export's own text near a clock change.
import path from 'node:path';
import { canonicalColumn, dateOnlyColumn, detectDateOrder } from '../buildSourceTable';
import type { CompiledSource } from '../compiledInvestigation';
import { quoteIdent, quoteLiteral } from '../openDatabase';
import { rankTimestampFormats } from '../rankTimestampFormats';
import { buildInstantSql } from '../sql/buildTimestampSql';
import type { MetricsContext } from './MetricsContext';

/**
 * TIMESTAMPTZ over `alias` (a row of the source table, which keeps the file's columns): a value with a time of day is
 * that moment, a date alone the instant its day ends in reporting.timezone (revenue.md, "Instants and dates").
 *
 * The source table stores each reading as wall time in the reporting zone. Turned back into an instant it is exact
 * except in the hour a clock change repeats (two 01:30 in one night): a wall time whose zone offset is the same three
 * hours before and after is read from the stored value, which costs a fifth of reading the text again (formats,
 * regular expressions, two zone conversions per row); one near a change is read from the export's text, as before.
 */
export async function buildFieldInstantSql(ctx: MetricsContext, source: CompiledSource, field: string, alias: string): Promise<string> {
  const column = source.fields[field];
  if (column === undefined) throw new Error(`source '${source.spec.name}' has no column for its field '${field}'`);
  const order = source.spec.dateFormat ?? (await detectDateOrder(ctx.db, source.table, column));
  // Most frequent first, as the import read them: a failed try costs far more than a successful one.
  const formats = await rankTimestampFormats(ctx.db, source.table, column, order);
  const fromText = buildInstantSql(`${alias}.${quoteIdent(column)}`, {
    sourceZone: source.spec.timezone,
    reportingZone: ctx.contract.reporting.timezone,
    dateTimeFormats: formats.dateTimes,
    dateOnlyFormats: formats.dateOnly,
    excelSerials: path.extname(source.file).toLowerCase() === '.xlsx',
    monthStarts: source.monthFields?.includes(field) ?? false,
  });
  if (!source.dateFields.includes(field)) return fromText;
  const zone = quoteLiteral(ctx.contract.reporting.timezone);
  const wall = `${alias}.${quoteIdent(canonicalColumn(field))}`;
  const instant = `timezone(${zone}, ${wall})`;
  const steady = `timezone(${zone}, ${instant} - INTERVAL 3 HOUR) = ${wall} - INTERVAL 3 HOUR AND timezone(${zone}, ${instant} + INTERVAL 3 HOUR) = ${wall} + INTERVAL 3 HOUR`;
  return `(CASE
    WHEN ${wall} IS NULL THEN NULL
    WHEN ${alias}.${quoteIdent(dateOnlyColumn(field))} THEN timezone(${zone}, ${wall} + INTERVAL 1 DAY)
    WHEN ${steady} THEN ${instant}
    ELSE ${fromText}
  END)`;
}
