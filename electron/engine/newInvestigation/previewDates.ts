// Shows how a column's first values read as dates in a time zone, by the engine's own reading rules, and which do not read.
import path from 'node:path';
import type { DatePreview } from '../../../shared/api';
import { detectDateOrder } from '../buildSourceTable';
import { describeTimeZoneProblem } from '../../../shared/describeTimeZoneProblem';
import { importFile } from '../import/importFile';
import { openDatabase, quoteIdent, type Database } from '../openDatabase';
import { rankTimestampFormats } from '../rankTimestampFormats';
import { buildShownTimestampSql, buildTimestampSql } from '../sql/buildTimestampSql';
import { UserError } from '../UserError';

const FIRST_VALUES = 8;
/** One more than describeUnreadableDates shows, so it can tell there are more. */
const EXAMPLES = 6;

/** The file's column named `column`, matched as the contract matches headers: ignoring case and surrounding spaces. */
function findColumn(file: string, columns: readonly string[], column: string): string {
  const found = columns.find((c) => c === column) ?? columns.find((c) => c.trim().toLowerCase() === column.trim().toLowerCase());
  if (!found) throw new UserError(`${file}: no column '${column}' (columns: ${columns.map((c) => `'${c}'`).join(', ')})`, 'unknown_column');
  return found;
}

/**
 * The values are read as a source in `timezone` reported in that same zone: a time without an offset
 * stays as written, one with an offset is shown in the zone, a date alone stays a date. `table` is the
 * export as imported (text columns and row_no), `columns` its header.
 */
export async function readDatePreview(db: Database, table: string, columns: readonly string[], file: string, column: string, timezone: string): Promise<DatePreview> {
  const zoneProblem = describeTimeZoneProblem(timezone);
  if (zoneProblem) throw new UserError(zoneProblem, 'invalid_timezone');
  const actual = findColumn(file, columns, column);
  const order = await detectDateOrder(db, table, actual);
  const formats = await rankTimestampFormats(db, table, actual, order);
  const col = quoteIdent(actual);
  const ts = buildTimestampSql(col, {
    sourceZone: timezone,
    reportingZone: timezone,
    dateTimeFormats: formats.dateTimes,
    dateOnlyFormats: formats.dateOnly,
    excelSerials: path.extname(file).toLowerCase() === '.xlsx',
    usualDateTime: formats.usualDateTime,
  });
  // Each value is read once, into a table the three questions below share (reading is the costly part).
  const readings = quoteIdent(`${table}_readings`);
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${readings} AS SELECT row_no, ${col} AS exported, trim(${col}) AS v, ${ts.wallTime} AS wall, ${ts.dateOnly} AS date_only FROM ${quoteIdent(table)} WHERE trim(coalesce(${col}, '')) <> ''`,
  );
  try {
    const first = await db.all<{ exported: string; reporting: string | null }>(
      `SELECT exported, ${buildShownTimestampSql('wall', 'date_only')} AS reporting FROM ${readings} ORDER BY row_no LIMIT ${FIRST_VALUES}`,
    );
    const [counts] = await db.all<{ non_empty: string; unreadable: string }>(`SELECT count(*) AS non_empty, count(*) FILTER (WHERE wall IS NULL) AS unreadable FROM ${readings}`);
    const examples = await db.all<{ v: string }>(`SELECT v FROM ${readings} WHERE wall IS NULL GROUP BY v ORDER BY min(row_no) LIMIT ${EXAMPLES}`);
    return {
      column: actual,
      values: first,
      unreadable: Number(counts?.unreadable ?? 0),
      nonEmpty: Number(counts?.non_empty ?? 0),
      unreadableExamples: examples.map((e) => e.v),
    };
  } finally {
    await db.run(`DROP TABLE IF EXISTS ${readings}`);
  }
}

/** The same, reading the file into a database of its own (Create's check, and anything outside the workbench). */
export async function previewDates(file: string, sheet: string | null, column: string, timezone: string): Promise<DatePreview> {
  const zoneProblem = describeTimeZoneProblem(timezone);
  if (zoneProblem) throw new UserError(zoneProblem, 'invalid_timezone');
  const db = await openDatabase(':memory:');
  try {
    const imported = await importFile(db, file, 'dates', { sheet: sheet ?? undefined });
    return await readDatePreview(db, 'dates', imported.columns, file, column, timezone);
  } finally {
    db.close();
  }
}
