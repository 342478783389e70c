// Finds the columns of an imported table whose first values read as dates, by the engine's own reading rules.
import type { Database } from '../openDatabase';
import { quoteIdent } from '../openDatabase';
import { buildTimestampSql, listTimestampFormats } from '../sql/buildTimestampSql';

const SAMPLE_ROWS = 200;
/** A column reads as dates when this share of its non-empty sampled values do (an odd 'n/a' does not disqualify it). */
const READABLE_SHARE = 0.8;

export async function listDateColumns(db: Database, table: string, columns: readonly string[]): Promise<string[]> {
  if (columns.length === 0) return [];
  const mdy = listTimestampFormats('MDY');
  const dmy = listTimestampFormats('DMY');
  // Both day/month orders: which one a column uses is decided when it is read, not whether it holds dates.
  const formats = {
    sourceZone: 'UTC',
    reportingZone: 'UTC',
    dateTimeFormats: [...new Set([...mdy.dateTimes, ...dmy.dateTimes])],
    dateOnlyFormats: [...new Set([...mdy.dateOnly, ...dmy.dateOnly])],
    // Workbook dates arrive as text already; a bare number is a number here (a score is not a date).
    excelSerials: false,
  };
  const measures = columns.flatMap((c, i) => {
    const col = quoteIdent(c);
    return [`count(${buildTimestampSql(col, formats).wallTime}) AS r${i}`, `count(*) FILTER (WHERE trim(coalesce(${col}, '')) <> '') AS e${i}`];
  });
  const [row] = await db.all<Record<string, string>>(
    `SELECT ${measures.join(', ')} FROM (SELECT * FROM ${quoteIdent(table)} ORDER BY row_no LIMIT ${SAMPLE_ROWS})`,
  );
  if (!row) return [];
  return columns.filter((_, i) => {
    const nonEmpty = Number(row[`e${i}`]);
    return nonEmpty > 0 && Number(row[`r${i}`]) >= nonEmpty * READABLE_SHARE;
  });
}
