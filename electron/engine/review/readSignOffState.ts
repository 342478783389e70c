// Whether a reconciliation's latest sign-off still holds, and if not what changed: the bridge header's line and `recon verify`'s.
import type { Bucket, ReconciliationReport } from '../../../shared/reportTypes';
import type { DecisionLine, SignOffState } from '../../../shared/reviewTypes';
import { checkSignOff } from './checkSignOff';
import { formatBucketName } from './describeStaleness';
import { digestReconciliation } from './digestReconciliation';
import type { Stamp } from './stampInputs';

type SignedLine = NonNullable<DecisionLine['lines']>[number];

const keyOf = (line: { side: string; kind: string; reason: string }) => JSON.stringify([line.side, line.kind, line.reason]);

/** The bridge lines whose count or value is not what was signed: "left excluded spam: 12 -> 14 records", current report order first. */
export function describeLineChanges(signed: readonly SignedLine[] | undefined, buckets: readonly Bucket[]): string[] {
  // A sign-off written without its lines (by another tool) can only say that the records changed.
  if (!signed) return ["the bridge's records changed since the sign-off"];
  const before = new Map(signed.map((l) => [keyOf(l), l]));
  const now = buckets.filter((b) => b.count > 0);
  const changes: string[] = [];
  const describe = (name: string, was: { count: number; value: number | null } | undefined, is: { count: number; value: number | null } | undefined) => {
    const [a, b] = [was?.count ?? 0, is?.count ?? 0];
    if (a !== b) changes.push(`${name}: ${a} -> ${b} records`);
    else if ((was?.value ?? null) !== (is?.value ?? null)) changes.push(`${name}: value ${was?.value ?? 'none'} -> ${is?.value ?? 'none'}`);
  };
  for (const b of now) describe(formatBucketName(b.side, b.kind, b.reason), before.get(keyOf(b)), { count: b.count, value: b.value ?? null });
  const current = new Set(now.map(keyOf));
  for (const l of signed) if (!current.has(keyOf(l))) describe(formatBucketName(l.side, l.kind, l.reason), l, undefined);
  return changes.length ? changes : ['the records of the bridge lines changed, their counts did not'];
}

/** The sign-off against the stamp of now and the reconciliation's report with complete id lists. */
export function readSignOffState(signOff: DecisionLine, report: ReconciliationReport, now: Stamp): SignOffState {
  return checkSignOff(signOff, now, digestReconciliation(report), () => describeLineChanges(signOff.lines, report.buckets));
}

/** The lines a sign-off keeps (an extension): every non-empty bucket's count and value as signed. */
export function listSignedLines(report: ReconciliationReport): SignedLine[] {
  return report.buckets.filter((b) => b.count > 0).map((b) => ({ side: b.side, kind: b.kind, reason: b.reason, count: b.count, value: b.value ?? null }));
}
