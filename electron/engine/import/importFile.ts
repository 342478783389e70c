// Imports one export file (.csv/.tsv/.txt/.xlsx) into a DuckDB table of strings, listing every line it did not load.
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { DroppedRow } from '../../../shared/reportTypes';
import type { ProgressSpan } from '../createProgressMeter';
import type { Database } from '../openDatabase';
import { quoteIdent } from '../openDatabase';
import { UserError } from '../UserError';
import { importCsv } from './importCsv';
import { importXlsx } from './importXlsx';

export interface ImportOptions {
  sheet?: string | number; // .xlsx: sheet name or 1-based index; default first sheet
  progress?: ProgressSpan; // the import's share of the long work under way: its parts and how far each is
  signal?: AbortSignal; // abort -> reject with UserError('import cancelled', 'cancelled') and leave nothing behind
}

export interface ImportedTable {
  table: string; // the DuckDB table created (the name passed in)
  columns: string[]; // data column names in file order (trimmed, blanks "Column N", repeats "Name (2)")
  rows: number; // rows loaded
  dropped: DroppedRow[]; // every line/row NOT loaded, 1-based physical line (sheet row for xlsx)
  encoding: string; // 'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252' ('utf-8' for xlsx)
  header: { line: number; lines: number }; // the header's first physical line (sheet row) and how many lines it spans
  lineBreaks: number; // line breaks inside the loaded values (0 for xlsx): with `dropped` and `header`, each row's line
  delimiter?: string;
  sheet?: string;
}

const TEXT_EXTENSIONS = ['.csv', '.tsv', '.txt'];

/**
 * Loads `filePath` into the temporary table `table` (row_no BIGINT, then one VARCHAR per column), replacing a table
 * of that name only once the import has succeeded. The file is only ever read.
 */
export async function importFile(db: Database, filePath: string, table: string, options: ImportOptions = {}): Promise<ImportedTable> {
  const extension = path.extname(filePath).toLowerCase();
  if (!TEXT_EXTENSIONS.includes(extension) && extension !== '.xlsx') {
    throw new UserError(`${filePath}: unsupported file type "${extension || '(none)'}" (use .csv, .tsv, .txt or .xlsx)`, 'unsupported_file');
  }
  await checkReadableFile(filePath);
  const { signal } = options;
  const cancelled = () => new UserError('import cancelled', 'cancelled');
  if (signal?.aborted) throw cancelled();
  const staging = `__import_${randomUUID().replaceAll('-', '')}`;
  const interrupt = () => db.interrupt();
  signal?.addEventListener('abort', interrupt);
  try {
    const imported = extension === '.xlsx' ? await importXlsx(db, filePath, staging, options) : await importCsv(db, filePath, staging, options);
    if (signal?.aborted) throw cancelled();
    // No transaction of its own: sessions import inside theirs (DuckDB has no nested transactions).
    await db.run(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
    await db.run(`ALTER TABLE ${quoteIdent(staging)} RENAME TO ${quoteIdent(table)}`);
    return { table, ...imported };
  } catch (error) {
    await db.run(`DROP TABLE IF EXISTS ${quoteIdent(staging)}`);
    if (signal?.aborted) throw cancelled();
    throw error;
  } finally {
    signal?.removeEventListener('abort', interrupt);
  }
}

async function checkReadableFile(filePath: string): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UserError(`${filePath}: file not found`, 'file_not_found');
    throw new UserError(`${filePath}: cannot be read (${code ?? String(error)})`, 'unreadable_file');
  }
  if (!stat.isFile()) throw new UserError(`${filePath}: not a file`, 'file_not_found');
  if (stat.size === 0) throw new UserError(`${filePath}: the file is empty`, 'empty_file');
}
