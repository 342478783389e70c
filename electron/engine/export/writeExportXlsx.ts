// Writes an export as an .xlsx workbook: an "About" sheet, then the records with their dates as real Excel dates.
import * as XLSX from '@e965/xlsx';
import { neutraliseFormula } from '../../../shared/formatCsvRow';

// Days from Excel's day 0 (1899-12-30) to the Unix epoch.
const EPOCH_SERIAL = 25569;
const MS_PER_DAY = 86_400_000;

/** A date cell from 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM' (wall time, no zone: Excel dates have none). */
function toExcelDateCell(value: string): XLSX.CellObject {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(value);
  if (!match) return { t: 's', v: neutraliseFormula(value) };
  const [, y, m, d, hh, mm] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh ?? 0), Number(mm ?? 0));
  return { t: 'n', v: ms / MS_PER_DAY + EPOCH_SERIAL, z: hh === undefined ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm' };
}

function toTextCell(value: string | null): XLSX.CellObject | null {
  return value === null ? null : { t: 's', v: neutraliseFormula(value) };
}

export function writeExportXlsx(about: [string, string][], headers: string[], rows: (string | null)[][], dateColumns: ReadonlySet<number>): Buffer {
  const book = XLSX.utils.book_new();
  const aboutSheet = XLSX.utils.aoa_to_sheet(about.map(([label, value]) => [toTextCell(label), toTextCell(value)]));
  aboutSheet['!cols'] = [{ wch: 16 }, { wch: 80 }];
  XLSX.utils.book_append_sheet(book, aboutSheet, 'About');
  const cells = rows.map((row) => row.map((v, i) => (v === null ? null : dateColumns.has(i) ? toExcelDateCell(v) : toTextCell(v))));
  const records = XLSX.utils.aoa_to_sheet([headers.map(toTextCell), ...cells]);
  records['!cols'] = headers.map((h, i) => ({ wch: Math.min(40, Math.max(12, h.length + 2, dateColumns.has(i) ? 17 : 0)) }));
  XLSX.utils.book_append_sheet(book, records, 'Records');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}
