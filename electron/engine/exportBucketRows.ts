// Exports what a records grid shows (its query, sort, filter and columns) as CSV or .xlsx, formulas neutralised.
import * as XLSX from '@e965/xlsx';
import { MAX_PAGE_ROWS, type BucketQuery, type ExportedFile, type ExportFormat } from '../../shared/api';
import { formatCsvRow, neutraliseFormula } from '../../shared/formatCsvRow';
import type { Investigation } from './bindInvestigation';
import { UserError } from './UserError';

// Excel's sheet holds 1,048,576 rows, one of them the header.
const XLSX_MAX_ROWS = 1_048_575;

function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
}

export async function exportBucketRows(inv: Investigation, query: BucketQuery, format: ExportFormat, columns?: string[]): Promise<ExportedFile> {
  const listing = inv.listingOf(query);
  const chosen = columns?.length ? columns : listing.columns;
  for (const c of chosen) if (!listing.columns.includes(c)) throw new UserError(`unknown column '${c}'`);
  const total = await inv.countRows(query);
  if (format === 'xlsx' && total > XLSX_MAX_ROWS) throw new UserError(`${total} records do not fit in one Excel sheet (${XLSX_MAX_ROWS} at most): export CSV instead`);
  const rows: (string | null)[][] = [];
  for (let offset = 0; offset < total; offset += MAX_PAGE_ROWS) {
    const page = await inv.fetchRows(query, { offset, limit: MAX_PAGE_ROWS });
    const at = chosen.map((c) => page.columns.indexOf(c));
    for (const row of page.rows) rows.push(at.map((i) => row[i] ?? null));
  }
  const name = `${slug(query.reconciliation)}-${query.side}-${query.kind}${query.reason ? `-${slug(query.reason)}` : ''}`;
  if (format === 'csv') {
    // A BOM so Excel reads the UTF-8 right; CRLF as RFC 4180 says.
    const text = `\uFEFF${[chosen, ...rows].map((r) => formatCsvRow(r)).join('\r\n')}\r\n`;
    return { fileName: `${name}.csv`, mimeType: 'text/csv', base64: Buffer.from(text, 'utf8').toString('base64'), rows: rows.length };
  }
  if (format !== 'xlsx') throw new UserError(`unknown export format '${String(format)}'`);
  const sheet = XLSX.utils.aoa_to_sheet([chosen, ...rows.map((r) => r.map((v) => (v === null ? null : neutraliseFormula(v))))], { cellDates: false });
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, query.kind.slice(0, 31));
  const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
  return {
    fileName: `${name}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: bytes.toString('base64'),
    rows: rows.length,
  };
}
