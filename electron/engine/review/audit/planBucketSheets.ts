// Which sheets each non-empty bucket's records go on, named once for the workbook and the PDF's "and N more in the workbook, sheet S".
import type { ReconReport } from '../../../../shared/reportTypes';
import type { AuditBucket } from './readBucketRecords';
import { createSheetNamer } from './nameBucketSheets';

/** Excel's 1,048,576 rows, less row 1 (side, kind, reason) and row 2 (the header). */
export const MAX_SHEET_RECORDS = 1_048_574;

export const FIXED_SHEETS = ['Summary', 'Contract', 'Inputs', 'Decisions'] as const;

export interface BucketSheets extends AuditBucket {
  reconciliation: string;
  count: number;
  /** One name per sheet, `maxRecords` records a sheet; the first holds the first records in id order. */
  names: string[];
}

export function planBucketSheets(report: ReconReport, maxRecords = MAX_SHEET_RECORDS): BucketSheets[] {
  if (!Number.isInteger(maxRecords) || maxRecords < 1) throw new Error(`records per sheet must be a whole number from 1, not ${maxRecords}`);
  const nameSheet = createSheetNamer(FIXED_SHEETS);
  return report.reconciliations.flatMap((r) =>
    r.buckets
      .filter((b) => b.count > 0)
      .map((b) => ({
        reconciliation: r.name,
        side: b.side,
        kind: b.kind,
        reason: b.reason,
        count: b.count,
        names: Array.from({ length: Math.ceil(b.count / maxRecords) }, (_, i) => nameSheet(b.side, b.kind, b.reason, i + 1)),
      })),
  );
}
