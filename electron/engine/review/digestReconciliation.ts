// review.md's `report_sha256`: one line per non-empty bucket, side TAB kind TAB reason TAB count TAB value TAB ids, in report order.
import { createHash } from 'node:crypto';
import type { ReconciliationReport } from '../../../shared/reportTypes';

/** The digest's text (its lines end with LF); the report must carry complete id lists. */
export function describeReconciliationDigest(report: ReconciliationReport): string {
  return report.buckets
    .filter((b) => b.count > 0)
    .map((b) => `${b.side}\t${b.kind}\t${b.reason}\t${b.count}\t${b.value === undefined ? '' : String(b.value)}\t${b.ids.join(',')}\n`)
    .join('');
}

export function digestReconciliation(report: ReconciliationReport): string {
  return createHash('sha256').update(describeReconciliationDigest(report), 'utf8').digest('hex');
}
