// Imports one sheet of an .xlsx workbook: header found below any title rows, cells as text, rows appended in batches.
import fs from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import type { DroppedRow } from '../../../shared/reportTypes';
import type { Database } from '../openDatabase';
import { quoteIdent } from '../openDatabase';
import { UserError } from '../UserError';
import { findFooterStart, type LineKind } from './detectFooter';
import type { ImportedTable, ImportOptions } from './importFile';
import { makeColumnNames, ROW_NO } from './makeColumnNames';
import { readXlsxCell } from './readXlsxCell';

interface SheetRow {
  line: number; // 1-based sheet row
  cells: (string | null)[];
  width: number; // up to the last non-empty cell
}

const BATCH_ROWS = 10_000;
const SNIFF_ROWS = 1_000;

export async function importXlsx(db: Database, filePath: string, staging: string, options: ImportOptions = {}): Promise<Omit<ImportedTable, 'table'>> {
  const workbook = readWorkbook(filePath, await fs.readFile(filePath));
  const sheet = chooseSheet(filePath, workbook, options.sheet);
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const worksheet = workbook.Sheets[sheet];
  // The used range may start below row 1 or right of column A: what lies outside it is not in the file.
  const start = XLSX.utils.decode_range(worksheet?.['!ref'] ?? 'A1').s;
  // Array.from, not map: missing rows and cells are holes in SheetJS's dense arrays.
  const texts = Array.from(worksheet?.['!data'] ?? [], (cells) => Array.from(cells ?? [], (cell) => readXlsxCell(cell, date1904)));
  // Columns left of the table that are empty in every row are layout, not data.
  const leading = texts.reduce((first, cells) => Math.min(first, leadingEmpty(cells)), Infinity);
  const firstColumn = Math.max(start.c, Number.isFinite(leading) ? leading : 0);
  const rows: SheetRow[] = texts
    .map((cells, i) => ({ line: i + 1, cells: cells.slice(firstColumn), width: Math.max(0, rowWidth(cells) - firstColumn) }))
    .slice(start.r);
  const headerIndex = findHeaderIndex(rows.map((r) => r.width));
  const header = rows[headerIndex];
  if (!header) throw new UserError(`${filePath}: no header row found in sheet "${sheet}"`, 'no_header');
  const columns = makeColumnNames(Array.from({ length: header.width }, (_, i) => header.cells[i] ?? ''));
  const body = rows.slice(headerIndex + 1);
  const footerStart = findFooterStart(body.map((r) => classifyRow(r, columns.length)));

  const dropped: DroppedRow[] = [];
  const drop = (row: SheetRow, reason: DroppedRow['reason']) => dropped.push({ line: row.line, reason, text: rowText(row) });
  for (const row of rows.slice(0, headerIndex)) drop(row, row.width === 0 ? 'blank_row' : 'title_row');
  if (footerStart >= 0) for (const row of body.splice(footerStart)) drop(row, 'report_footer');

  // Temporary, as loadCsvTable's: a session's file never keeps the strings, only the typed source table built from them.
  await db.run(`CREATE TEMP TABLE ${quoteIdent(staging)} (${ROW_NO} BIGINT, ${columns.map((c) => `${quoteIdent(c)} VARCHAR`).join(', ')})`);
  // SheetJS parses the whole workbook at once above; the rows are appended, and counted, from here.
  options.progress?.part('reading', 0, 1);
  let loaded = 0;
  let batch: (string | number | null)[][] = [];
  for (const [i, row] of body.entries()) {
    if (row.width === 0) drop(row, 'blank_row');
    else if (row.width > columns.length) drop(row, 'unparseable_row');
    else batch.push([++loaded, ...Array.from({ length: columns.length }, (_, c) => row.cells[c] ?? null)]);
    if (batch.length >= BATCH_ROWS || (i === body.length - 1 && batch.length > 0)) {
      if (options.signal?.aborted) throw new Error('aborted');
      await db.appendRows(staging, batch);
      batch = [];
      options.progress?.advance((i + 1) / body.length, { rowsRead: loaded });
    }
  }
  return { columns, rows: loaded, dropped: dropped.sort((a, b) => a.line - b.line), encoding: 'utf-8', sheet, header: { line: header.line, lines: 1 }, lineBreaks: 0 };
}

function readWorkbook(filePath: string, bytes: Buffer): XLSX.WorkBook {
  // SheetJS reads almost anything as text; an .xlsx is a zip, so insist on one.
  const unreadable = (why: string) => new UserError(`${filePath}: not a readable .xlsx workbook (${why})`, 'unreadable_file');
  if (bytes.length === 0) throw new UserError(`${filePath}: the file is empty`, 'empty_file');
  if (bytes.readUInt32LE(0) !== 0x04034b50) throw unreadable('not a zip archive');
  try {
    return XLSX.read(bytes, { dense: true, cellNF: true, cellText: false, cellHTML: false, cellFormula: false });
  } catch (error) {
    throw unreadable(error instanceof Error ? error.message : String(error));
  }
}

function chooseSheet(filePath: string, workbook: XLSX.WorkBook, wanted: string | number | undefined): string {
  const names = workbook.SheetNames;
  const found =
    wanted === undefined ? names[0] : typeof wanted === 'number' ? names[wanted - 1] : (names.find((n) => n === wanted) ?? names.find((n) => n.trim().toLowerCase() === wanted.trim().toLowerCase()));
  if (found === undefined || !workbook.Sheets[found]) {
    const list = names.map((n) => `"${n}"`).join(', ');
    throw new UserError(`${filePath}: sheet ${typeof wanted === 'number' ? `#${wanted}` : `"${wanted}"`} not found (sheets: ${list})`, 'sheet_not_found');
  }
  return found;
}

// Like the CSV sniffer: the header is the first row as wide as the bulk of the sheet (title rows are narrower).
function findHeaderIndex(widths: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const w of widths.slice(0, SNIFF_ROWS)) if (w > 0) counts.set(w, (counts.get(w) ?? 0) + 1);
  let usual = 0;
  let seen = 0;
  for (const [width, n] of counts) {
    if (width > 1 && (n > seen || (n === seen && width > usual))) {
      usual = width;
      seen = n;
    }
  }
  if (usual === 0 && counts.size > 0) usual = 1;
  return usual === 0 ? -1 : widths.findIndex((w) => w >= usual);
}

function classifyRow(row: SheetRow, columnCount: number): LineKind {
  if (row.width === 0) return 'blank';
  return row.width < columnCount && row.cells.filter((c) => c !== null).length === 1 ? 'short' : 'row';
}

function leadingEmpty(cells: readonly (string | null)[]): number {
  const first = cells.findIndex((c) => c !== null);
  return first < 0 ? Infinity : first;
}

function rowWidth(cells: readonly (string | null)[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i] !== null) return i + 1;
  return 0;
}

function rowText(row: SheetRow): string {
  return row.cells.slice(0, row.width).map((c) => c ?? '').join(',');
}
