// Reads every sheet of a workbook for the sheet picker: its name, row count and first rows.
import fs from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import type { SheetPreview } from '../../../shared/api';
import { importFile } from '../import/importFile';
import type { Database } from '../openDatabase';
import { quoteIdent } from '../openDatabase';
import { UserError } from '../UserError';

const SHEET_SAMPLE_ROWS = 5;

async function readFirstRows(db: Database, table: string, columns: readonly string[]): Promise<(string | null)[][]> {
  const rows = await db.all<Record<string, string | null>>(`SELECT * FROM ${quoteIdent(table)} ORDER BY row_no LIMIT ${SHEET_SAMPLE_ROWS}`);
  return rows.map((r) => columns.map((c) => r[c] ?? null));
}

/** `read`: the sheet already imported as `table`, so it is not read twice. */
export async function previewWorkbookSheets(db: Database, file: string, read: { sheet: string; table: string; rows: number; columns: string[] }): Promise<SheetPreview[]> {
  // The workbook's sheet list alone: SheetJS skips the cells when asked for names only.
  const names = XLSX.read(await fs.readFile(file), { bookSheets: true }).SheetNames;
  const sheets: SheetPreview[] = [];
  for (const [i, name] of names.entries()) {
    if (name === read.sheet) {
      sheets.push({ name, rows: read.rows, columns: read.columns, sampleRows: await readFirstRows(db, read.table, read.columns) });
      continue;
    }
    const table = `${read.table}_sheet_${i + 1}`;
    try {
      const imported = await importFile(db, file, table, { sheet: name });
      sheets.push({ name, rows: imported.rows, columns: imported.columns, sampleRows: await readFirstRows(db, table, imported.columns) });
    } catch (error) {
      // An empty sheet (a cover page, notes) is still a sheet of the workbook: listed, with nothing to pick.
      if (!(error instanceof UserError)) throw error;
      sheets.push({ name, rows: 0, columns: [], sampleRows: [] });
    } finally {
      await db.run(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
    }
  }
  return sheets;
}
