// Reads an export's header and first rows for the new-investigation screen, without touching any session.
import path from 'node:path';
import type { ExportPreview } from '../../../shared/api';
import { describeTimezoneHint } from './describeTimezoneHint';
import { detectExportPreset, isIdLikeHeader } from './detectExportPreset';
import { importFile, type ImportedTable } from '../import/importFile';
import { listDateColumns } from './listDateColumns';
import { listUniqueColumns } from './listUniqueColumns';
import { openDatabase, quoteIdent, type Database } from '../openDatabase';
import { previewWorkbookSheets } from './previewWorkbookSheets';

const SAMPLE_ROWS = 20;

/**
 * The preset's id where it is unique, else the first unique column named like an id, else the first unique column
 * that is not a date. A revenue export (contact roles, spend) whose preset names no id has none but one named like
 * an id: an amount or a month that happens to be unique names no record.
 */
function chooseIdColumn(presetId: string | undefined, unique: readonly string[], dates: readonly string[], kind: string | undefined): string | undefined {
  if (presetId && unique.includes(presetId)) return presetId;
  return unique.find(isIdLikeHeader) ?? (kind ? undefined : unique.find((c) => !dates.includes(c)));
}

/** The preview of an export already imported as `imported.table` (its header, first rows, suggestions, sheets). */
export async function readExportPreview(db: Database, file: string, imported: ImportedTable): Promise<ExportPreview> {
  const { table } = imported;
  const rows = await db.all<Record<string, string | null>>(`SELECT * EXCLUDE (row_no) FROM ${quoteIdent(table)} ORDER BY row_no LIMIT ${SAMPLE_ROWS}`);
  const uniqueColumns = await listUniqueColumns(db, table, imported.columns);
  const dateColumns = await listDateColumns(db, table, imported.columns);
  const guess = detectExportPreset(imported.columns, dateColumns);
  const zone = describeTimezoneHint(guess.preset);
  const sheets =
    path.extname(file).toLowerCase() === '.xlsx' && imported.sheet !== undefined
      ? await previewWorkbookSheets(db, file, { sheet: imported.sheet, table, rows: imported.rows, columns: imported.columns })
      : undefined;
  return {
    file,
    sheet: imported.sheet,
    ...(sheets ? { sheets } : {}),
    rows: imported.rows,
    dialect: { encoding: imported.encoding, delimiter: imported.delimiter, dropped: imported.dropped },
    columns: imported.columns,
    uniqueColumns,
    dateColumns,
    ...(zone.hint ? { timezoneHint: zone.hint } : {}),
    ...(zone.timezone ? { timezone: zone.timezone } : {}),
    sampleRows: rows.map((r) => imported.columns.map((c) => r[c] ?? null)),
    preset: guess.preset,
    ...(guess.records ? { records: guess.records } : {}),
    ...(guess.kind ? { kind: guess.kind } : {}),
    system: guess.system,
    fields: guess.fields,
    id: chooseIdColumn(guess.id, uniqueColumns, dateColumns, guess.kind),
    dateField: guess.dateField,
  };
}

/** The same, reading the file into a database of its own (tests, and anything outside the workbench). */
export async function previewExport(file: string, sheet?: string): Promise<ExportPreview> {
  const db = await openDatabase(':memory:');
  try {
    return await readExportPreview(db, file, await importFile(db, file, 'preview', { sheet }));
  } finally {
    db.close();
  }
}
