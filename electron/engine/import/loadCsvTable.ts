// Bulk-loads a UTF-8 delimited file into a table of strings with DuckDB's read_csv, keeping the rows it rejects.
import type { Database } from '../openDatabase';
import { quoteIdent, quoteLiteral } from '../openDatabase';
import { ROW_NO } from './makeColumnNames';

export interface CsvSource {
  file: string;
  delimiter: string;
  columns: string[]; // names for the table, one per field of the header
  lfOnly: boolean; // the normalized copy: say so, DuckDB need not guess
}

export interface RejectedRecord {
  offset: number; // 0-based byte offset of the record's first line in the file read
  lineCount: number;
  text: string;
  invalidEncoding: boolean;
}

export interface CsvLoad {
  rows: number;
  rejected: RejectedRecord[];
  /** Physical lines of the file read that the loaded rows and the rejects cover, header excluded. */
  linesCovered: number;
}

export async function loadCsvTable(db: Database, source: CsvSource, table: string): Promise<CsvLoad> {
  const rejectsTable = `${table}_rejects`;
  const rejectsScan = `${table}_scans`;
  const fields = source.columns.map((_, i) => `c${i + 1}`);
  const columns = fields.map((c) => `${quoteLiteral(c)}: 'VARCHAR'`).join(', ');
  // WITH ORDINALITY numbers the rows read in file order; rejected records get no number.
  const select = [`ordinality AS ${ROW_NO}`, ...fields.map((c, i) => `${c} AS ${quoteIdent(source.columns[i] ?? c)}`)];
  const options = [
    'auto_detect = false',
    `columns = {${columns}}`,
    `delim = ${quoteLiteral(source.delimiter)}`,
    `quote = '"'`,
    `escape = '"'`,
    'header = true',
    'store_rejects = true',
    `rejects_table = ${quoteLiteral(rejectsTable)}`,
    `rejects_scan = ${quoteLiteral(rejectsScan)}`,
    ...(source.lfOnly ? [`new_line = '\\n'`] : []),
  ];
  try {
    await db.run(`CREATE TABLE ${quoteIdent(table)} AS SELECT ${select.join(', ')} FROM read_csv(${quoteLiteral(source.file)}, ${options.join(', ')}) WITH ORDINALITY`);
    const rejects = await db.all<{ position: string; error_type: string; csv_line: string }>(
      `SELECT line_byte_position AS position, min(error_type) AS error_type, any_value(csv_line) AS csv_line
       FROM ${quoteIdent(rejectsTable)} GROUP BY line_byte_position ORDER BY line_byte_position`,
    );
    const rejected = rejects.map((r) => {
      const text = r.csv_line.replace(/\r?\n$/, '');
      // DuckDB counts line_byte_position from 1.
      return { offset: Number(r.position) - 1, lineCount: countBreaks(text) + 1, text, invalidEncoding: r.error_type === 'INVALID ENCODING' };
    });
    const breaks = source.columns
      .map((c) => `coalesce(sum(strlen(${quoteIdent(c)}) - strlen(replace(${quoteIdent(c)}, chr(10), ''))), 0)`)
      .join(' + ');
    const [totals] = await db.all<{ n_rows: string; n_breaks: string }>(`SELECT count(*) AS n_rows, ${breaks} AS n_breaks FROM ${quoteIdent(table)}`);
    const rows = Number(totals?.n_rows ?? 0);
    const linesCovered = rows + Number(totals?.n_breaks ?? 0) + rejected.reduce((sum, r) => sum + r.lineCount, 0);
    return { rows, rejected, linesCovered };
  } finally {
    await db.run(`DROP TABLE IF EXISTS ${quoteIdent(rejectsTable)}`);
    await db.run(`DROP TABLE IF EXISTS ${quoteIdent(rejectsScan)}`);
  }
}

function countBreaks(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) n++;
  return n;
}
