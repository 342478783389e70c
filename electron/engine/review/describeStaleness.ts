// Why a current decision is stale (review.md), one plain sentence per change; none when it still stands.
import type { BucketKind, Side } from '../../../shared/reportTypes';
import type { DecisionLine, InputStamp } from '../../../shared/reviewTypes';
import type { Stamp } from './stampInputs';

/** A bucket as review.md names it: `left excluded spam`, or `left timing` where the reason is the kind. */
export function formatBucketName(side: Side, kind: BucketKind, reason: string): string {
  return kind === reason ? `${side} ${kind}` : `${side} ${kind} ${reason}`;
}

/** The decision's stamped inputs of these sources that read another file or other bytes now. */
function describeInputChanges(decided: readonly InputStamp[], now: Stamp, sources: ReadonlySet<string>): string[] {
  const changes: string[] = [];
  for (const input of decided) {
    if (!sources.has(input.source)) continue;
    const current = now.inputs.find((i) => i.source === input.source);
    if (!current) changes.push(`source ${input.source} is no longer in the contract`);
    else if (current.file !== input.file) changes.push(`source ${input.source} now reads ${current.file} instead of ${input.file}`);
    else if (current.sha256 !== input.sha256) changes.push(`${input.file} changed since`);
  }
  return changes;
}

/** A bridge line's decision: the line's count or value moved, or an input of its side changed (a contract edit alone does not count). */
export function describeLineStaleness(decision: DecisionLine, line: { count: number; value?: number }, now: Stamp, sideSource: string): string[] {
  const changes: string[] = [];
  if (decision.count !== line.count) changes.push(`count was ${decision.count ?? 'none'}, now ${line.count}`);
  const value = line.value ?? null;
  if (decision.value !== value) changes.push(`value was ${decision.value ?? 'none'}, now ${value ?? 'none'}`);
  return [...changes, ...describeInputChanges(decision.inputs, now, new Set([sideSource]))];
}

/** A record's decision: the record left the decided bucket (side, kind, reason), or its side's input changed. */
export function describeRecordStaleness(decision: DecisionLine, bucket: { kind: BucketKind; reason: string } | null, now: Stamp, sideSource: string): string[] {
  const side = decision.side ?? 'left';
  const decided = formatBucketName(side, decision.kind ?? 'unmatched', decision.reason ?? '');
  const changes: string[] = [];
  if (!bucket) changes.push(`record ${decision.record} is no longer in the ${side} side's records (decided in ${decided})`);
  else if (bucket.kind !== decision.kind || bucket.reason !== decision.reason) changes.push(`record ${decision.record} moved from ${decided} to ${formatBucketName(side, bucket.kind, bucket.reason)}`);
  return [...changes, ...describeInputChanges(decision.inputs, now, new Set([sideSource]))];
}

/** A metrics list's decision: its length moved, or any input it was decided on changed (a list may read several sources). */
export function describeListStaleness(decision: DecisionLine, count: number | null, now: Stamp): string[] {
  const changes: string[] = [];
  if (count === null) changes.push('the list is no longer in the metrics report');
  else if (decision.count !== count) changes.push(`count was ${decision.count ?? 'none'}, now ${count}`);
  return [...changes, ...describeInputChanges(decision.inputs, now, new Set(decision.inputs.map((i) => i.source)))];
}
