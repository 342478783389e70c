// Reads an export's header and first rows for the new-investigation screen, without touching any session.
import type { ExportPreview } from '../../shared/api';
import { detectExportPreset } from './detectExportPreset';
import { importFile } from './import/importFile';
import { openDatabase, quoteIdent } from './openDatabase';

const SAMPLE_ROWS = 20;

export async function previewExport(file: string, sheet?: string): Promise<ExportPreview> {
  // A scratch in-memory database: a preview never changes the open investigation.
  const db = await openDatabase(':memory:');
  try {
    const imported = await importFile(db, file, 'preview', { sheet });
    const rows = await db.all<Record<string, string | null>>(`SELECT * EXCLUDE (row_no) FROM ${quoteIdent('preview')} ORDER BY row_no LIMIT ${SAMPLE_ROWS}`);
    const guess = detectExportPreset(imported.columns);
    return {
      file,
      sheet: imported.sheet,
      rows: imported.rows,
      dialect: { encoding: imported.encoding, delimiter: imported.delimiter, dropped: imported.dropped },
      columns: imported.columns,
      uniqueColumns: [],
      sampleRows: rows.map((r) => imported.columns.map((c) => r[c] ?? null)),
      preset: guess.preset,
      system: guess.system,
      fields: guess.fields,
      id: guess.id,
      dateField: guess.dateField,
    };
  } finally {
    db.close();
  }
}
