// Reads a date column through its distinct texts when they are few: each text is parsed once, then joined back to its rows.
import type { Database } from '../openDatabase';
import { quoteIdent } from '../openDatabase';
import type { TimestampSql } from './buildTimestampSql';

/** How the source table's SELECT (over alias r) gets one date field's two readings. */
export interface DateReading {
  wallTime: string;
  dateOnly: string;
  /** A LEFT JOIN to add to the SELECT, and the lookup table to drop after it, when the column is read by its distinct texts. */
  join?: string;
  lookup?: string;
}

export interface DateReadingInput {
  rawTable: string;
  column: string;
  /** Alias and name for the lookup table, unique within the SELECT. */
  alias: string;
  /** The readings' SQL over a text expression (buildTimestampSql with the column's formats and zones). */
  build: (text: string) => TimestampSql;
}

// Parsing a timestamp (formats, two regular expressions, two zone conversions) costs some 1 s per million rows;
// finding the distinct texts and joining them back about a fifth of that. Below this share of distinct texts
// (close dates: a hundred days; minutes of a quarter) the lookup is cheaper; above it, parsing every row is.
const DISTINCT_SHARE = 0.25;

export async function planDateReading(db: Database, input: DateReadingInput): Promise<DateReading> {
  const column = quoteIdent(input.column);
  const [counts] = await db.all<{ n: string; d: string }>(`SELECT count(*) AS n, approx_count_distinct(${column}) AS d FROM ${quoteIdent(input.rawTable)}`);
  if (Number(counts?.d ?? 0) > Number(counts?.n ?? 0) * DISTINCT_SHARE) {
    const inline = input.build(`r.${column}`);
    return { wallTime: inline.wallTime, dateOnly: inline.dateOnly };
  }
  const lookup = `__dates_${input.alias}`;
  const read = input.build('v');
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${quoteIdent(lookup)} AS SELECT v, ${read.wallTime} AS wall, ${read.dateOnly} AS only
     FROM (SELECT DISTINCT ${column} AS v FROM ${quoteIdent(input.rawTable)} WHERE ${column} IS NOT NULL)`,
  );
  // A row whose text is NULL finds no lookup row: no reading, and not a date alone, exactly as parsed inline.
  return {
    wallTime: `${input.alias}.wall`,
    dateOnly: `coalesce(${input.alias}.only, false)`,
    join: `LEFT JOIN ${quoteIdent(lookup)} ${input.alias} ON ${input.alias}.v = r.${column}`,
    lookup,
  };
}
