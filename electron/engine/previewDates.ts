// Shows how a column's first values read as dates in a time zone, by the engine's own reading rules, and which do not read.
import path from 'node:path';
import type { DatePreview } from '../../shared/api';
import { detectDateOrder } from './buildSourceTable';
import { describeTimeZoneProblem } from '../../shared/describeTimeZoneProblem';
import { importFile } from './import/importFile';
import { openDatabase, quoteIdent } from './openDatabase';
import { rankTimestampFormats } from './rankTimestampFormats';
import { buildShownTimestampSql, buildTimestampSql } from './sql/buildTimestampSql';
import { UserError } from './UserError';

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
 * stays as written, one with an offset is shown in the zone, a date alone stays a date.
 */
export async function previewDates(file: string, sheet: string | null, column: string, timezone: string): Promise<DatePreview> {
  const zoneProblem = describeTimeZoneProblem(timezone);
  if (zoneProblem) throw new UserError(zoneProblem, 'invalid_timezone');
  // A scratch database, like previewExport: nothing of the open investigation is touched.
  const db = await openDatabase(':memory:');
  try {
    const imported = await importFile(db, file, 'dates', { sheet: sheet ?? undefined });
    const actual = findColumn(file, imported.columns, column);
    const order = await detectDateOrder(db, 'dates', actual);
    const formats = await rankTimestampFormats(db, 'dates', actual, order);
    const col = quoteIdent(actual);
    const ts = buildTimestampSql(col, {
      sourceZone: timezone,
      reportingZone: timezone,
      dateTimeFormats: formats.dateTimes,
      dateOnlyFormats: formats.dateOnly,
      excelSerials: path.extname(file).toLowerCase() === '.xlsx',
    });
    // Each value is read once, into a table the three questions below share (reading is the costly part).
    await db.run(
      `CREATE TABLE readings AS SELECT row_no, ${col} AS exported, trim(${col}) AS v, ${ts.wallTime} AS wall, ${ts.dateOnly} AS date_only FROM dates WHERE trim(coalesce(${col}, '')) <> ''`,
    );
    const first = await db.all<{ exported: string; reporting: string | null }>(
      `SELECT exported, ${buildShownTimestampSql('wall', 'date_only')} AS reporting FROM readings ORDER BY row_no LIMIT ${FIRST_VALUES}`,
    );
    const [counts] = await db.all<{ non_empty: string; unreadable: string }>(`SELECT count(*) AS non_empty, count(*) FILTER (WHERE wall IS NULL) AS unreadable FROM readings`);
    const examples = await db.all<{ v: string }>(`SELECT v FROM readings WHERE wall IS NULL GROUP BY v ORDER BY min(row_no) LIMIT ${EXAMPLES}`);
    return {
      column: actual,
      values: first,
      unreadable: Number(counts?.unreadable ?? 0),
      nonEmpty: Number(counts?.non_empty ?? 0),
      unreadableExamples: examples.map((e) => e.v),
    };
  } finally {
    db.close();
  }
}
