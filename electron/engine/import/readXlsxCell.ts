// Turns one SheetJS cell into the text the import stores: strings as-is, numbers as number text (with a currency format's currency), dates as naive timestamps.
import * as XLSX from '@e965/xlsx';

const DAY_MS = 86_400_000;

export function readXlsxCell(cell: XLSX.CellObject | null | undefined, date1904: boolean): string | null {
  if (!cell || cell.t === 'z' || cell.v === undefined || cell.v === null) return null;
  switch (cell.t) {
    case 's':
      return cell.v === '' ? null : String(cell.v);
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'n': {
      if (typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z)) return formatSerial(Number(cell.v), date1904);
      const currency = typeof cell.z === 'string' ? findFormatCurrency(cell.z) : undefined;
      return currency === undefined ? String(cell.v) : `${currency} ${String(cell.v)}`;
    }
    case 'd':
      return cell.v instanceof Date ? formatUtc(cell.v.getTime()) : String(cell.v);
    default:
      return XLSX.utils.format_cell(cell);
  }
}

/**
 * The currency a number format shows (`"$"#,##0.00`, `[$€-407] #,##0.00`, `[$EUR] #,##0.00`, `£#,##0`), as the
 * symbol or code the amount reader understands, so a currency-formatted cell keeps its currency (money.md). Only
 * the format's first section counts; `[$-409]` is a locale, not a currency; colours and conditions are ignored.
 */
export function findFormatCurrency(format: string): string | undefined {
  const positive = format.split(';')[0] ?? '';
  const bracketed = /\[\$([^\]-]+)(?:-[0-9A-Fa-f]+)?\]/.exec(positive)?.[1]?.trim();
  if (bracketed) return bracketed;
  const bare = positive.replace(/\[[^\]]*\]/g, '');
  return /US\$|[$€£¥]/.exec(bare)?.[0];
}

/** Excel serial day number to 'YYYY-MM-DD HH:MM:SS': a wall-clock reading, no time zone, rounded to the second. */
export function formatSerial(serial: number, date1904: boolean): string {
  const seconds = Math.round(serial * 86_400);
  const days = Math.floor(seconds / 86_400);
  // Excel's 1900 system counts a 29 February 1900 that never was: serials below 61 sit one day later.
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : days < 61 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return formatUtc(epoch + days * DAY_MS + (seconds - days * 86_400) * 1000);
}

function formatUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}
