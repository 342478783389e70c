// Exports what a records grid shows (its query, sort, filter and columns) as CSV or .xlsx, worded as on screen.
import { MAX_PAGE_ROWS, type BucketQuery, type ExportedFile, type ExportFormat } from '../../../shared/api';
import { labelColumns, REPORTING_DATE_COLUMNS } from '../../../shared/labelColumns';
import { labelKind, labelReason } from '../../../shared/labelStep';
import type { ListingKind } from '../../../shared/reportTypes';
import type { Investigation } from '../bindInvestigation';
import { describeExport } from './describeExport';
import { UserError } from '../UserError';
import { writeExportCsv } from './writeExportCsv';
import { writeExportXlsx } from './writeExportXlsx';

// Excel's sheet holds 1,048,576 rows, one of them the header.
const XLSX_MAX_ROWS = 1_048_575;

/** A reviewer handing records on needs each one's step and reason, even when the grid hides them. */
const ALWAYS_EXPORTED = ['kind', 'reason'];

function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
}

/** The columns asked for, with the step and reason placed after the record id when they were left out. */
function chooseColumns(listed: string[], asked: string[] | undefined): string[] {
  const chosen = asked?.length ? [...asked] : [...listed];
  for (const c of chosen) if (!listed.includes(c)) throw new UserError(`unknown column '${c}'`);
  const missing = ALWAYS_EXPORTED.filter((c) => !chosen.includes(c));
  chosen.splice(chosen.indexOf('record_id') + 1, 0, ...missing);
  return chosen;
}

function nameFile(query: BucketQuery): string {
  const parts = [query.reconciliation, query.side, query.kind, query.reason, query.unreadableColumn && `unreadable ${query.unreadableColumn}`];
  return parts.filter((p): p is string => Boolean(p)).map(slug).join('-');
}

export async function exportBucketRows(inv: Investigation, query: BucketQuery, format: ExportFormat, columns?: string[]): Promise<ExportedFile> {
  if (format !== 'csv' && format !== 'xlsx') throw new UserError(`unknown export format '${String(format)}'`);
  const listing = inv.listingOf(query);
  const chosen = chooseColumns(listing.columns, columns);
  const total = await inv.countRows(query);
  if (format === 'xlsx' && total > XLSX_MAX_ROWS) throw new UserError(`${total} records do not fit in one Excel sheet (${XLSX_MAX_ROWS} at most): export CSV instead`);
  const words = (column: string, value: string | null) => {
    if (value === null) return null;
    if (column === 'kind') return labelKind(value as ListingKind);
    return column === 'reason' ? labelReason(value) : value;
  };
  const rows: (string | null)[][] = [];
  for (let offset = 0; offset < total; offset += MAX_PAGE_ROWS) {
    const page = await inv.fetchRows(query, { offset, limit: MAX_PAGE_ROWS });
    const at = chosen.map((c) => page.columns.indexOf(c));
    for (const row of page.rows) rows.push(at.map((i, j) => words(chosen[j] as string, row[i] ?? null)));
  }
  const { context, about } = describeExport(inv, query, rows.length, new Date());
  const headers = labelColumns(listing.columns, context);
  const chosenHeaders = chosen.map((c) => headers[listing.columns.indexOf(c)] ?? c);
  const dateColumns = new Set(chosen.flatMap((c, i) => (REPORTING_DATE_COLUMNS.includes(c) ? [i] : [])));
  if (format === 'csv') {
    const bytes = writeExportCsv(about, chosenHeaders, rows, dateColumns);
    return { fileName: `${nameFile(query)}.csv`, mimeType: 'text/csv', base64: bytes.toString('base64'), rows: rows.length };
  }
  return {
    fileName: `${nameFile(query)}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: writeExportXlsx(about, chosenHeaders, rows, dateColumns).toString('base64'),
    rows: rows.length,
  };
}
