// Reads a date column through its distinct texts when they are few: each text is parsed once, then joined back to its rows.
import type { Database } from '../openDatabase';
import { quoteIdent } from '../openDatabase';
import type { PairedTimestampSql, TimestampSql } from './buildTimestampSql';

/** How the source table's SELECT (over alias r) gets one date field's two readings. */
export interface DateReading {
  wallTime: string;
  dateOnly: string;
  /** TIMESTAMPTZ, the instant of buildInstantSql, when the input asks for it (`instant`). */
  instant?: string;
  /** A LEFT JOIN to add to the SELECT, and the lookup table to drop after it, when the column is read by its distinct texts. */
  join?: string;
  lookup?: string;
  /** A column to compute in a query under the SELECT (named, its SQL over alias r), that wallTime and instant both read. */
  layer?: { name: string; sql: string };
}

export interface DateReadingInput {
  rawTable: string;
  column: string;
  /** Alias and name for the lookup table, unique within the SELECT. */
  alias: string;
  /** The readings' SQL over a text expression (buildTimestampSql with the column's formats and zones). */
  build: (text: string) => TimestampSql;
  /** Also the instant: buildInstantSql alone (for a lookup's distinct texts), and both readings through one parse (inline). */
  instant?: { alone: (text: string) => string; paired: (text: string) => PairedTimestampSql };
}

// Parsing a timestamp (formats, two regular expressions, two zone conversions) costs some 1 s per million rows;
// finding the distinct texts and joining them back about a fifth of that. Below this share of distinct texts
// (close dates: a hundred days; minutes of a quarter) the lookup is cheaper; above it, parsing every row is.
const DISTINCT_SHARE = 0.25;

export async function planDateReading(db: Database, input: DateReadingInput): Promise<DateReading> {
  const column = quoteIdent(input.column);
  const [counts] = await db.all<{ n: string; d: string }>(`SELECT count(*) AS n, approx_count_distinct(${column}) AS d FROM ${quoteIdent(input.rawTable)}`);
  if (Number(counts?.d ?? 0) > Number(counts?.n ?? 0) * DISTINCT_SHARE) {
    if (input.instant) {
      const paired = input.instant.paired(`r.${column}`);
      const name = `__ts_${input.alias}`;
      const pair = `r.${quoteIdent(name)}`;
      return { wallTime: paired.wallTime(pair), dateOnly: paired.dateOnly, instant: paired.instant(pair), layer: { name, sql: paired.pair } };
    }
    const inline = input.build(`r.${column}`);
    return { wallTime: inline.wallTime, dateOnly: inline.dateOnly };
  }
  const lookup = `__dates_${input.alias}`;
  const read = input.build('v');
  const instant = input.instant ? `, ${input.instant.alone('v')} AS instant` : '';
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${quoteIdent(lookup)} AS SELECT v, ${read.wallTime} AS wall, ${read.dateOnly} AS only${instant}
     FROM (SELECT DISTINCT ${column} AS v FROM ${quoteIdent(input.rawTable)} WHERE ${column} IS NOT NULL)`,
  );
  // A row whose text is NULL finds no lookup row: no reading, and not a date alone, exactly as parsed inline.
  return {
    wallTime: `${input.alias}.wall`,
    dateOnly: `coalesce(${input.alias}.only, false)`,
    ...(input.instant ? { instant: `${input.alias}.instant` } : {}),
    join: `LEFT JOIN ${quoteIdent(lookup)} ${input.alias} ON ${input.alias}.v = r.${column}`,
    lookup,
  };
}
