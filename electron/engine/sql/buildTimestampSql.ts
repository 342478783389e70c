// SQL that reads an exported timestamp text the way spec/contract.md describes, into the reporting zone.
import type { DateOrder } from '../../../shared/contractTypes';
import { quoteLiteral } from '../openDatabase';

export interface TimestampSqlOptions {
  sourceZone: string;
  reportingZone: string;
  /** Formats to try, most frequent in this column first (see listTimestampFormats and rankTimestampFormats). */
  dateTimeFormats: string[];
  dateOnlyFormats: string[];
  /** .xlsx sources: a bare number is an Excel serial date (1899-12-30 + n days). */
  excelSerials: boolean;
  /** `YYYY-MM` is the first day of that month (a spend sheet's month, revenue.md), a date alone. */
  monthStarts?: boolean;
  /**
   * The column's usual date-time format (dateTimeFormats[0], read by most of its sampled values): tried before the
   * regular expressions. A text it reads whole has a time of day and no offset, so every other branch would have let
   * it through to the same format: the reading is the same, for one strptime instead of two regular expressions and a
   * list of formats.
   */
  usualDateTime?: boolean;
}

/** Both readings of one exported value: the reporting wall time and whether it was a date alone. */
export interface TimestampSql {
  /** TIMESTAMP: the moment as wall time in the reporting zone (date-only values: that date at 00:00). */
  wallTime: string;
  /** BOOLEAN: the value was a calendar date without a time of day. */
  dateOnly: string;
}

const isoDateTimes = ['%Y-%m-%dT%H:%M:%S.%f', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%dT%H:%M', '%Y-%m-%d %H:%M:%S.%f', '%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M'];
const dottedDateTimes = ['%d.%m.%Y %H:%M:%S', '%d.%m.%Y %H:%M'];

/** Every form of contract.md, in a fixed order; slashed dates in the column's day/month order. */
export function listTimestampFormats(order: DateOrder): { dateTimes: string[]; dateOnly: string[] } {
  const d = order === 'MDY' ? '%m/%d/%Y' : '%d/%m/%Y';
  const slashed = [`${d} %I:%M:%S %p`, `${d} %I:%M %p`, `${d}, %I:%M:%S %p`, `${d}, %I:%M %p`, `${d} %H:%M:%S`, `${d} %H:%M`, `${d}, %H:%M`];
  return { dateTimes: [...isoDateTimes, ...slashed, ...dottedDateTimes], dateOnly: ['%Y-%m-%d', d, '%d.%m.%Y'] };
}

function formatList(formats: string[]): string {
  return `[${formats.map(quoteLiteral).join(', ')}]`;
}

// A date alone (ISO, slashed or dotted), nothing else; RE2 has no back-references, hence three forms.
const DATE_ONLY = `'[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}|[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4}'`;

/**
 * Builds the expressions for one text column. A value with an explicit offset is an instant; a value
 * without one is wall time in the source zone; a date alone is a calendar date and is never shifted,
 * because it has no time of day to move across midnight. Formats are tried most frequent first, since
 * a failed try_strptime costs far more than a successful one.
 */
export function buildTimestampSql(column: string, options: TimestampSqlOptions): TimestampSql {
  const rep = quoteLiteral(options.reportingZone);
  const wallTime = buildReadingSql(column, options, { date: (date) => date, instant: (instant) => `timezone(${rep}, ${instant})` });
  return { wallTime, dateOnly: `coalesce(${buildDateOnlySql(column, options)}, false)` };
}

/**
 * The instant (TIMESTAMPTZ) a value stands for, where revenue.md needs one (an SLA's clock): its own moment, and for
 * a date alone the instant that calendar day ends in the reporting zone. Read from the text, not from the stored wall
 * time, which cannot tell the two 01:30 of the night the clocks go back.
 */
export function buildInstantSql(column: string, options: TimestampSqlOptions): string {
  return buildReadingSql(column, options, { date: (date) => `timezone(${quoteLiteral(options.reportingZone)}, ${date} + INTERVAL 1 DAY)`, instant: (instant) => instant });
}

/**
 * The wall time, the instant and whether it was a date alone, through one parse: `pair`, a struct of the date alone
 * (d) or the instant (i), and o, which branch read it (a date alone or not), is computed once, in a query under the
 * one that takes it apart into buildTimestampSql's wall time and date-alone flag and buildInstantSql's instant (the
 * same values, the text parsed once and matched against no regular expression twice).
 */
export interface PairedTimestampSql {
  pair: string;
  wallTime: (pair: string) => string;
  instant: (pair: string) => string;
  dateOnly: (pair: string) => string;
}

export function buildPairedTimestampSql(column: string, options: TimestampSqlOptions): PairedTimestampSql {
  const rep = quoteLiteral(options.reportingZone);
  // A text reaches the date branches exactly when buildDateOnlySql's expression matches it (the branches before them
  // take texts with a time of day, and the ones after them texts it did not match), so the branch is the flag.
  const pair = buildReadingSql(column, options, {
    date: (date) => `struct_pack(d := ${date}, i := CAST(NULL AS TIMESTAMPTZ), o := true)`,
    instant: (instant) => `struct_pack(d := CAST(NULL AS TIMESTAMP), i := ${instant}, o := false)`,
  });
  return {
    pair,
    wallTime: (p) => `CASE WHEN ${p}.d IS NOT NULL THEN ${p}.d ELSE timezone(${rep}, ${p}.i) END`,
    instant: (p) => `CASE WHEN ${p}.d IS NOT NULL THEN timezone(${rep}, ${p}.d + INTERVAL 1 DAY) ELSE ${p}.i END`,
    dateOnly: (p) => `coalesce(${p}.o, false)`,
  };
}

function buildDateOnlySql(column: string, options: TimestampSqlOptions): string {
  return `regexp_full_match(trim(${column}), ${options.monthStarts ? `${DATE_ONLY.slice(0, -1)}|[0-9]{4}-[0-9]{1,2}'` : DATE_ONLY})`;
}

/** What each kind of reading becomes: a calendar date alone (TIMESTAMP at 00:00), or an instant (TIMESTAMPTZ). */
interface ReadingForms {
  date: (date: string) => string;
  instant: (instant: string) => string;
}

function buildReadingSql(column: string, options: TimestampSqlOptions, forms: ReadingForms): string {
  const v = `trim(${column})`;
  const src = quoteLiteral(options.sourceZone);
  const serial = options.excelSerials
    ? `WHEN regexp_full_match(${v}, '[0-9]{1,7}(\\.[0-9]+)?') AND TRY_CAST(${v} AS DOUBLE) BETWEEN 1 AND 2958465 THEN ${forms.instant(`timezone(${src}, TIMESTAMP '1899-12-30' + to_microseconds(CAST(round(CAST(${v} AS DOUBLE) * 86400000000) AS BIGINT)))`)}`
    : '';
  const withOffset = `regexp_matches(${v}, '[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?\\s*(Z|[+-][0-9]{2}(:?[0-9]{2})?)$')`;
  const usual = options.usualDateTime && options.dateTimeFormats[0] !== undefined ? `try_strptime(${v}, ${quoteLiteral(options.dateTimeFormats[0])})` : undefined;
  const month = options.monthStarts ? `WHEN regexp_full_match(${v}, '[0-9]{4}-[0-9]{1,2}') THEN ${forms.date(`try_strptime(${v} || '-01', '%Y-%m-%d')`)}` : '';
  return `(CASE
    ${usual === undefined ? '' : `WHEN ${usual} IS NOT NULL THEN ${forms.instant(`timezone(${src}, ${usual})`)}`}
    WHEN ${column} IS NULL OR ${v} = '' THEN NULL
    WHEN ${withOffset} THEN ${forms.instant(`TRY_CAST(${v} AS TIMESTAMPTZ)`)}
    ${month}
    WHEN ${buildDateOnlySql(column, options)} THEN ${forms.date(`try_strptime(${v}, ${formatList(options.dateOnlyFormats)})`)}
    ${serial}
    ELSE ${forms.instant(`timezone(${src}, try_strptime(${v}, ${formatList(options.dateTimeFormats)}))`)}
  END)`;
}

/** How a stored reading is shown in the reporting zone: a date alone stays a date. */
export function buildShownTimestampSql(wallTime: string, dateOnly: string): string {
  return `CASE WHEN ${dateOnly} THEN strftime(${wallTime}, '%Y-%m-%d') ELSE strftime(${wallTime}, '%Y-%m-%d %H:%M') END`;
}

/**
 * Sort keys that order rows exactly as buildShownTimestampSql's text does, without formatting a text per row: the
 * shown day or minute, then a date alone before a time on that day ('2026-07-01' < '2026-07-01 00:00').
 */
export function buildShownTimestampOrderSql(wallTime: string, dateOnly: string, direction: 'ASC' | 'DESC'): string {
  const shown = `CASE WHEN ${dateOnly} THEN date_trunc('day', ${wallTime}) ELSE date_trunc('minute', ${wallTime}) END`;
  return `${shown} ${direction} NULLS LAST, ${dateOnly} ${direction === 'ASC' ? 'DESC' : 'ASC'}`;
}
