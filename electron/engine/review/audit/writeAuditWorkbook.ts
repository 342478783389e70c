// The audit pack's workbook (review.md): Summary, Contract, Inputs, Decisions, then every non-empty bucket's records, no formula anywhere.
import * as XLSX from '@e965/xlsx';
import type { AuditFacts, AuditSource } from './gatherAuditFacts';
import { buildInfoSheets, type SheetValue } from './buildInfoSheets';
import { makeCell } from './makeCell';
import type { BucketSheets } from './planBucketSheets';
import { describeRecordHeaders, readBucketRecords } from './readBucketRecords';

/** A sheet filled a block of rows at a time (a dense sheet: rows as arrays, not one object per cell address). */
function createSheet() {
  const sheet = XLSX.utils.aoa_to_sheet([], { dense: true });
  let next = 0;
  return {
    sheet,
    add(rows: SheetValue[][]) {
      XLSX.utils.sheet_add_aoa(sheet, rows.map((row) => row.map(makeCell)), { origin: { r: next, c: 0 } });
      next += rows.length;
    },
  };
}

/** A record's cells: texts as strings, the value (its last cell, exact cents as text) as a number. */
function toRecordRow(row: (string | null)[], valued: boolean): SheetValue[] {
  if (!valued) return row;
  const value = row[row.length - 1];
  return [...row.slice(0, -1), value === null || value === undefined ? null : Number(value)];
}

async function addBucketSheets(book: XLSX.WorkBook, source: AuditSource, facts: AuditFacts, bucket: BucketSheets, maxRecords: number): Promise<void> {
  const r = source.model.reconciles.find((c) => c.spec.name === bucket.reconciliation);
  if (!r) throw new Error(`no compiled reconciliation '${bucket.reconciliation}'`);
  const { timezone, currency } = facts.contract.reporting;
  const headers = describeRecordHeaders(r, bucket.side, timezone, currency);
  const valued = (bucket.side === 'left' ? r.left : r.right).spec.value !== undefined;
  let part = -1;
  let current: ReturnType<typeof createSheet> | null = null;
  let room = 0;
  const startSheet = () => {
    part += 1;
    current = createSheet();
    const continued = bucket.names.length > 1 ? `part ${part + 1} of ${bucket.names.length}` : null;
    current.add([[bucket.side, bucket.kind, bucket.reason, bucket.reconciliation, continued], headers]);
    current.sheet['!cols'] = headers.map((h) => ({ wch: Math.min(40, Math.max(12, h.length + 2)) }));
    XLSX.utils.book_append_sheet(book, current.sheet, bucket.names[part]);
    room = maxRecords;
    return current;
  };
  for await (const page of readBucketRecords(source.db, r, bucket)) {
    let rows = page.map((row) => toRecordRow(row, valued));
    while (rows.length) {
      const sheet = current && room > 0 ? current : startSheet();
      const taken = rows.slice(0, room);
      sheet.add(taken);
      room -= taken.length;
      rows = rows.slice(taken.length);
    }
  }
}

/** The workbook's bytes; `maxRecords` a bucket sheet (Excel's limit unless a test asks for less). */
export async function writeAuditWorkbook(source: AuditSource, facts: AuditFacts, buckets: BucketSheets[], maxRecords: number): Promise<Buffer> {
  const book = XLSX.utils.book_new();
  for (const info of buildInfoSheets(facts)) {
    const { sheet, add } = createSheet();
    add(info.rows);
    sheet['!cols'] = info.widths.map((wch) => ({ wch }));
    XLSX.utils.book_append_sheet(book, sheet, info.name);
  }
  for (const bucket of buckets) await addBucketSheets(book, source, facts, bucket, maxRecords);
  // Texts go to the shared-strings table, where `_xHHHH_` escapes are read as the standard says (SheetJS's cell-text
  // alternative, t="str", reads `_x005F_` back wrong). It costs SheetJS about three times the rest of the write.
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', bookSST: true, compression: true }) as Buffer;
}
