// Reads an export's header and first rows for the new-investigation screen, without touching any session.
import path from 'node:path';
import type { ExportPreview } from '../../shared/api';
import { describeTimezoneHint } from './describeTimezoneHint';
import { detectExportPreset, isIdLikeHeader } from './detectExportPreset';
import { importFile } from './import/importFile';
import { listDateColumns } from './listDateColumns';
import { listUniqueColumns } from './listUniqueColumns';
import { openDatabase, quoteIdent } from './openDatabase';
import { previewWorkbookSheets } from './previewWorkbookSheets';

const SAMPLE_ROWS = 20;

/** The preset's id where it is unique, else the first unique column named like an id, else the first unique column that is not a date. */
function chooseIdColumn(presetId: string | undefined, unique: readonly string[], dates: readonly string[]): string | undefined {
  if (presetId && unique.includes(presetId)) return presetId;
  return unique.find(isIdLikeHeader) ?? unique.find((c) => !dates.includes(c));
}

export async function previewExport(file: string, sheet?: string): Promise<ExportPreview> {
  // A scratch in-memory database: a preview never changes the open investigation.
  const db = await openDatabase(':memory:');
  try {
    const imported = await importFile(db, file, 'preview', { sheet });
    const rows = await db.all<Record<string, string | null>>(`SELECT * EXCLUDE (row_no) FROM ${quoteIdent('preview')} ORDER BY row_no LIMIT ${SAMPLE_ROWS}`);
    const uniqueColumns = await listUniqueColumns(db, 'preview', imported.columns);
    const dateColumns = await listDateColumns(db, 'preview', imported.columns);
    const guess = detectExportPreset(imported.columns, dateColumns);
    const zone = describeTimezoneHint(guess.preset);
    const sheets =
      path.extname(file).toLowerCase() === '.xlsx' && imported.sheet !== undefined
        ? await previewWorkbookSheets(db, file, { sheet: imported.sheet, table: 'preview', rows: imported.rows, columns: imported.columns })
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
      system: guess.system,
      fields: guess.fields,
      id: chooseIdColumn(guess.id, uniqueColumns, dateColumns),
      dateField: guess.dateField,
    };
  } finally {
    db.close();
  }
}
