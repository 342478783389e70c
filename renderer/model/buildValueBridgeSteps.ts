// The value waterfall of a reconciliation (money.md): gross value to net to matched, the matched pairs' differences, then the right side back up.
import { NET_KINDS, type Bucket, type BucketKind, type ReconciliationReport, type Side } from '../../shared/reportTypes';
import { LEFT_AFTER_NET, LEFT_BEFORE_NET, selectBuckets } from './buildBridgeSteps';

export interface ValueStep {
  id: string;
  /** total: gross/net; removal and addition: buckets walked over; matched: a side's matched total; differences: between them. */
  type: 'total' | 'removal' | 'addition' | 'matched' | 'differences';
  side: Side;
  kind?: BucketKind;
  reason?: string;
  total?: 'gross' | 'net';
  /** Records of the step (for differences: matched pairs whose amounts are not equal). */
  count: number;
  /** Every amount in cents (integers), so running sums are exact. */
  value: number;
  /** Records of the step whose own amount is empty. */
  missing: number;
  /** The running value before and after this step, in cents. */
  from: number;
  to: number;
  /** Differences only: the sums of the increases and the decreases (right minus left), in cents, both positive. */
  increase?: number;
  decrease?: number;
}

export function toCents(value: number | undefined): number {
  return Math.round((value ?? 0) * 100);
}

const sumOf = (buckets: Bucket[], read: (b: Bucket) => number) => buckets.reduce((n, b) => n + read(b), 0);

/** Null when the report carries no values (a count-only contract). */
export function buildValueBridgeSteps(recon: ReconciliationReport): ValueStep[] | null {
  const { left, right, value_differences: differences } = recon;
  if (left.gross_value === undefined || right.gross_value === undefined || !differences) return null;
  const steps: ValueStep[] = [];
  let running = 0;
  const total = (side: Side, which: 'gross' | 'net') => {
    const summary = side === 'left' ? left : right;
    const value = toCents(which === 'gross' ? summary.gross_value : summary.net_value);
    const kinds = which === 'gross' ? undefined : NET_KINDS;
    const buckets = recon.buckets.filter((b) => b.side === side && (!kinds || kinds.includes(b.kind)));
    steps.push({ id: `${side}-${which}`, type: 'total', side, total: which, count: summary[which], value, missing: sumOf(buckets, (b) => b.missing_values ?? 0), from: 0, to: value });
    running = value;
  };
  const walk = (bucket: Bucket, type: 'removal' | 'addition') => {
    const value = toCents(bucket.value);
    const to = type === 'removal' ? running - value : running + value;
    const { side, kind, reason, count } = bucket;
    steps.push({ id: `${side}-${kind}-${reason}`, type, side, kind, reason, count, value, missing: bucket.missing_values ?? 0, from: running, to });
    running = to;
  };
  const matched = (side: Side) => {
    const buckets = recon.buckets.filter((b) => b.side === side && b.kind === 'matched');
    const value = sumOf(buckets, (b) => toCents(b.value));
    const count = sumOf(buckets, (b) => b.count);
    steps.push({ id: `${side}-matched`, type: 'matched', side, kind: 'matched', count, value, missing: sumOf(buckets, (b) => b.missing_values ?? 0), from: 0, to: value });
    running = value;
  };
  total('left', 'gross');
  for (const b of selectBuckets(recon.buckets, 'left', LEFT_BEFORE_NET)) walk(b, 'removal');
  total('left', 'net');
  for (const b of selectBuckets(recon.buckets, 'left', LEFT_AFTER_NET)) walk(b, 'removal');
  matched('left');
  const increase = toCents(differences.increase);
  const decrease = toCents(differences.decrease);
  const to = running + increase - decrease;
  steps.push({ id: 'differences', type: 'differences', side: 'left', count: differences.count, value: increase - decrease, missing: 0, from: running, to, increase, decrease });
  matched('right');
  for (const b of selectBuckets(recon.buckets, 'right', LEFT_AFTER_NET).reverse()) walk(b, 'addition');
  total('right', 'net');
  for (const b of selectBuckets(recon.buckets, 'right', LEFT_BEFORE_NET).reverse()) walk(b, 'addition');
  total('right', 'gross');
  return steps;
}
