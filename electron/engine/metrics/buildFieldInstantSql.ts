// The instant of a source's date field (an SLA's clock, a touch's moment): from the stored reading, or the export's own text near a clock change.
import path from 'node:path';
import { canonicalColumn, dateOnlyColumn, detectDateOrder } from '../buildSourceTable';
import type { CompiledSource } from '../compiledInvestigation';
import { quoteIdent, quoteLiteral } from '../openDatabase';
import { rankTimestampFormats } from '../rankTimestampFormats';
import { buildInstantSql } from '../sql/buildTimestampSql';
import type { MetricsContext } from './MetricsContext';

/** The instant read again from the export's text, with the import's formats and zones. */
async function buildTextInstantSql(ctx: MetricsContext, source: CompiledSource, field: string, column: string, alias: string): Promise<string> {
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
  });
}

/**
 * The calendar days of the field's timed values on which the reporting zone's clocks may change: the zone's offset is
 * not the same at the midnights of the day before, the day, the day after and the one after that (four zone
 * conversions per distinct day, not per row). A clock change is hours away from any other, so a day outside this
 * list has one offset from three hours before its first minute to three hours after its last.
 */
async function listClockChangeDays(ctx: MetricsContext, source: CompiledSource, field: string): Promise<string[]> {
  const zone = quoteLiteral(ctx.contract.reporting.timezone);
  const offset = (days: number) => `(day + INTERVAL (${days}) DAY) - timezone('UTC', timezone(${zone}, day + INTERVAL (${days}) DAY))`;
  const wall = quoteIdent(canonicalColumn(field));
  const rows = await ctx.db.all<{ day: string }>(
    `SELECT CAST(CAST(day AS DATE) AS VARCHAR) AS day FROM (
       SELECT DISTINCT CAST(CAST(${wall} AS DATE) AS TIMESTAMP) AS day FROM ${quoteIdent(source.table)} WHERE ${wall} IS NOT NULL AND NOT ${quoteIdent(dateOnlyColumn(field))}
     ) WHERE NOT (${offset(-1)} = ${offset(0)} AND ${offset(0)} = ${offset(1)} AND ${offset(1)} = ${offset(2)}) ORDER BY day`,
  );
  return rows.map((r) => r.day);
}

/**
 * TIMESTAMPTZ over `alias` (a row of the source table, which keeps the file's columns): a value with a time of day is
 * that moment, a date alone the instant its day ends in reporting.timezone (revenue.md, "Instants and dates").
 *
 * The source table stores each reading as wall time in the reporting zone. Turned back into an instant it is exact
 * except in the hour a clock change repeats (two 01:30 in one night): values on days the clocks may change are read
 * from the export's text, as the import read them; the rest from the stored reading, one zone conversion instead of
 * formats, regular expressions and two conversions per row.
 */
export async function buildFieldInstantSql(ctx: MetricsContext, source: CompiledSource, field: string, alias: string): Promise<string> {
  const column = source.fields[field];
  if (column === undefined) throw new Error(`source '${source.spec.name}' has no column for its field '${field}'`);
  if (!source.dateFields.includes(field)) return buildTextInstantSql(ctx, source, field, column, alias);
  const zone = quoteLiteral(ctx.contract.reporting.timezone);
  const wall = `${alias}.${quoteIdent(canonicalColumn(field))}`;
  const changeDays = await listClockChangeDays(ctx, source, field);
  const nearChange = changeDays.length
    ? `WHEN CAST(${wall} AS DATE) IN (${changeDays.map((d) => `DATE ${quoteLiteral(d)}`).join(', ')}) THEN ${await buildTextInstantSql(ctx, source, field, column, alias)}`
    : '';
  return `(CASE
    WHEN ${wall} IS NULL THEN NULL
    WHEN ${alias}.${quoteIdent(dateOnlyColumn(field))} THEN timezone(${zone}, ${wall} + INTERVAL 1 DAY)
    ${nearChange}
    ELSE timezone(${zone}, ${wall})
  END)`;
}
