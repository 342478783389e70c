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
  /** A column to compute in a query under the SELECT (named, its SQL over alias r), that the readings take apart. */
  layer?: { name: string; sql: string };
}

export interface DateReadingInput {
  rawTable: string;
  column: string;
  /** Alias and name for the lookup table, unique within the SELECT. */
  alias: string;
  /** The readings' SQL over a text expression (the column's formats and zones): buildTimestampSql's for a lookup's distinct texts. */
  build: (text: string) => TimestampSql;
  /** buildPairedTimestampSql's, to parse every row once. */
  paired: (text: string) => PairedTimestampSql;
  /** buildInstantSql's, when the instant is asked for too. */
  instant?: (text: string) => string;
  /** The column's usual format reads most texts (buildTimestampSql's usualDateTime): parsing every row is then cheap. */
  usualDateTime: boolean;
  /**
   * The table is written inside the transaction that made the raw table (a session's build). There DuckDB writes the
   * rows of a plain scan on one thread, and those of a join and sort on every thread: at 1M rows, a lookup took 2.8-3.0 s
   * of wall time, parsing every row 4.7-4.9 s (3.8-3.9 s sorted). The lookup is kept there, whatever the format.
   */
  inTransaction?: boolean;
}

// Parsing a timestamp (formats, two regular expressions, two zone conversions) costs some 1 s per million rows;
// finding the distinct texts and joining them back about a fifth of that. Below this share of distinct texts
// (close dates: a hundred days; minutes of a quarter) the lookup is cheaper; above it, parsing every row is.
const DISTINCT_SHARE = 0.25;

export async function planDateReading(db: Database, input: DateReadingInput): Promise<DateReading> {
  const column = quoteIdent(input.column);
  // A text its usual format reads costs one strptime (some 0.3 s per million rows): less than finding the distinct texts,
  // joining them back and sorting the table into row order again after that join (some 1.2 s per million rows).
  if ((input.usualDateTime && !input.inTransaction) || (await distinctShare(db, input)) > DISTINCT_SHARE) {
    const paired = input.paired(`r.${column}`);
    const name = `__ts_${input.alias}`;
    const pair = `r.${quoteIdent(name)}`;
    return { wallTime: paired.wallTime(pair), dateOnly: paired.dateOnly(pair), ...(input.instant ? { instant: paired.instant(pair) } : {}), layer: { name, sql: paired.pair } };
  }
  const lookup = `__dates_${input.alias}`;
  const read = input.build('v');
  const instant = input.instant ? `, ${input.instant('v')} AS instant` : '';
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

async function distinctShare(db: Database, input: DateReadingInput): Promise<number> {
  const column = quoteIdent(input.column);
  const [counts] = await db.all<{ n: string; d: string }>(`SELECT count(*) AS n, approx_count_distinct(${column}) AS d FROM ${quoteIdent(input.rawTable)}`);
  return Number(counts?.d ?? 0) / Math.max(1, Number(counts?.n ?? 0));
}
