// The audit pack of review.md, written by the same code for `recon audit` and the workbench: the workbook, then the PDF.
import { gatherAuditFacts, type AuditSource } from './gatherAuditFacts';
import { nameAuditPack } from './nameAuditPack';
import { MAX_SHEET_RECORDS, planBucketSheets } from './planBucketSheets';
import { writeAuditPdf } from './writeAuditPdf';
import { writeAuditWorkbook } from './writeAuditWorkbook';

export interface AuditPackOptions {
  /** The pack's "generated at" (now unless told): the only thing two packs of the same inputs differ in. */
  generatedAt?: Date;
  /** Records a bucket sheet holds before the next one continues it; Excel's limit unless a test asks for less. */
  maxSheetRecords?: number;
}

export interface AuditPackFile {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
  /** Records of every non-empty bridge line (all in the workbook; the PDF lists the first of each). */
  records: number;
}

export async function exportAuditPack(source: AuditSource, options: AuditPackOptions = {}): Promise<AuditPackFile[]> {
  const facts = await gatherAuditFacts(source, options.generatedAt ?? new Date());
  const buckets = planBucketSheets(facts.report, options.maxSheetRecords ?? MAX_SHEET_RECORDS);
  const records = buckets.reduce((n, b) => n + b.count, 0);
  const name = nameAuditPack(facts.contract.title, facts.contract.version);
  const workbook = await writeAuditWorkbook(source, facts, buckets, options.maxSheetRecords ?? MAX_SHEET_RECORDS);
  const pdf = await writeAuditPdf(source, facts, buckets);
  return [
    { fileName: `${name}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: workbook, records },
    { fileName: `${name}.pdf`, mimeType: 'application/pdf', bytes: pdf, records },
  ];
}
