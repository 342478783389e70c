// Orders a column's timestamp formats by how many of its sampled values each reads, most first.
import type { DateOrder } from '../../shared/contractTypes';
import type { Database } from './openDatabase';
import { quoteIdent, quoteLiteral } from './openDatabase';
import { listTimestampFormats } from './sql/buildTimestampSql';

const SAMPLE = 2000;

interface Ranked {
  formats: string[];
  /** How many sampled values the first format reads, of how many sampled. */
  firstReads: number;
  sampled: number;
}

async function rank(db: Database, sample: string, formats: string[]): Promise<Ranked> {
  // One scan counts every format (the formats are the engine's own): a query per format cost 3-4 ms each, 18 per field.
  const [row] = await db.all<Record<string, string>>(`SELECT count(*) AS sampled, ${formats.map((f, i) => `count(try_strptime(v, ${quoteLiteral(f)})) AS n${i}`).join(', ')} FROM ${sample}`);
  const counts = formats.map((_, i) => Number(row?.[`n${i}`] ?? 0));
  // Formats no sampled value uses stay, last and in spec order, for the rare value outside the sample.
  const ranked = formats.map((f, i) => ({ f, n: counts[i] ?? 0, i })).sort((a, b) => b.n - a.n || a.i - b.i);
  return { formats: ranked.map((x) => x.f), firstReads: ranked[0]?.n ?? 0, sampled: Number(row?.sampled ?? 0) };
}

export interface RankedTimestampFormats {
  dateTimes: string[];
  dateOnly: string[];
  /** The first date-time format reads most of the sampled values: worth trying before anything else (buildTimestampSql's usualDateTime). */
  usualDateTime: boolean;
}

export async function rankTimestampFormats(db: Database, table: string, column: string, order: DateOrder): Promise<RankedTimestampFormats> {
  const all = listTimestampFormats(order);
  // The sample is taken once: scanning the whole column once per format would cost more than parsing it.
  const sample = '__timestamp_sample';
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${sample} AS SELECT DISTINCT trim(${quoteIdent(column)}) AS v FROM (SELECT ${quoteIdent(column)} FROM ${quoteIdent(table)} WHERE trim(${quoteIdent(column)}) <> '' LIMIT ${SAMPLE * 10}) LIMIT ${SAMPLE}`,
  );
  try {
    const dateTimes = await rank(db, sample, all.dateTimes);
    const dateOnly = await rank(db, sample, all.dateOnly);
    // A failed try costs more than the regular expressions it would save: only where most values are read by it.
    return { dateTimes: dateTimes.formats, dateOnly: dateOnly.formats, usualDateTime: dateTimes.firstReads * 2 > dateTimes.sampled };
  } finally {
    await db.run(`DROP TABLE IF EXISTS ${sample}`);
  }
}
