// Bulk-loads a UTF-8 delimited file into a table of strings with DuckDB's read_csv, keeping the rows it rejects.
import type { ProgressFigures, ProgressSpan } from '../createProgressMeter';
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
  /** Line breaks inside the loaded values: none, and each row is one line. */
  breaks: number;
}

/** The import's share for this load, and the bytes read when DuckDB has read a share of the file. */
export interface LoadProgress {
  span: ProgressSpan;
  bytesAt: (share: number) => ProgressFigures;
}

export async function loadCsvTable(db: Database, source: CsvSource, table: string, progress?: LoadProgress): Promise<CsvLoad> {
  const rejectsTable = `${table}_rejects`;
  const rejectsScan = `${table}_scans`;
  const fields = source.columns.map((_, i) => `c${i + 1}`);
  const columns = fields.map((c) => `${quoteLiteral(c)}: 'VARCHAR'`).join(', ');
  const raw = `${table}_raw`;
  // rowid of the raw table follows file order (DuckDB keeps insertion order), so it numbers the data rows.
  // Measured on 5M rows: this copy costs less than WITH ORDINALITY or row_number() on the read itself.
  // Inside a transaction (a session's rebuild) uncommitted rowids start far above 0, hence the offset.
  const select = [`rowid - (SELECT min(rowid) FROM ${quoteIdent(raw)}) + 1 AS ${ROW_NO}`, ...fields.map((c, i) => `${c} AS ${quoteIdent(source.columns[i] ?? c)}`)];
  const options = [
    'auto_detect = false',
    `columns = {${columns}}`,
    `delim = ${quoteLiteral(source.delimiter)}`,
    `quote = '"'`,
    `escape = '"'`,
    'header = true',
    // A long notes field must not turn its row into a reject (the default is 2 MB). 16 MB is 128 times Salesforce's
    // longest text field. With that alone DuckDB read the metrics bench's 66 MB people file on one thread (wall time
    // equal to CPU time, 0.7-0.87 s); in buffers of 16 MB it reads them in parallel (0.35-0.45 s), the longest line still
    // fitting one (importCsv.test.ts loads a 15 MB value in a file of several buffers).
    'max_line_size = 16777216',
    'buffer_size = 16777216',
    'store_rejects = true',
    `rejects_table = ${quoteLiteral(rejectsTable)}`,
    `rejects_scan = ${quoteLiteral(rejectsScan)}`,
    ...(source.lfOnly ? [`new_line = '\\n'`] : []),
  ];
  // Shares measured on the bench's 1M-row exports.
  const done = () => progress?.bytesAt(1) ?? {};
  try {
    // Temporary tables: in a session's DuckDB file a persistent copy would be compressed and written only to be dropped
    // once the typed source table is built (at 1M rows a side, 6 s of the session open's 42 s of CPU).
    progress?.span.part('reading', 0, 0.6, progress.bytesAt);
    await db.run(`CREATE TEMP TABLE ${quoteIdent(raw)} AS SELECT * FROM read_csv(${quoteLiteral(source.file)}, ${options.join(', ')})`);
    progress?.span.part('numbering', 0.6, 0.9, done);
    await db.run(`CREATE TEMP TABLE ${quoteIdent(table)} AS SELECT ${select.join(', ')} FROM ${quoteIdent(raw)}`);
    await db.run(`DROP TABLE ${quoteIdent(raw)}`);
    progress?.span.part('checking', 0.9, 1, done);
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
      .map((c) => `coalesce(sum(CASE WHEN contains(${quoteIdent(c)}, chr(10)) THEN strlen(${quoteIdent(c)}) - strlen(replace(${quoteIdent(c)}, chr(10), '')) END), 0)`)
      .join(' + ');
    const [totals] = await db.all<{ n_rows: string; n_breaks: string }>(`SELECT count(*) AS n_rows, ${breaks} AS n_breaks FROM ${quoteIdent(table)}`);
    const rows = Number(totals?.n_rows ?? 0);
    const breaksInValues = Number(totals?.n_breaks ?? 0);
    const linesCovered = rows + breaksInValues + rejected.reduce((sum, r) => sum + r.lineCount, 0);
    return { rows, rejected, linesCovered, breaks: breaksInValues };
  } finally {
    await db.run(`DROP TABLE IF EXISTS ${quoteIdent(raw)}`);
    await db.run(`DROP TABLE IF EXISTS ${quoteIdent(rejectsTable)}`);
    await db.run(`DROP TABLE IF EXISTS ${quoteIdent(rejectsScan)}`);
  }
}

function countBreaks(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) n++;
  return n;
}
