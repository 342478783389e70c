// The waterfall of a reconciliation: from the left export's gross to the right export's gross, one step per bucket.
import type { Bucket, BucketKind, ReconciliationReport, Side } from '../../shared/reportTypes';

export interface BridgeStep {
  id: string;
  /** total: gross/net bars; removal and addition: buckets walked over; matched: what both sides share. */
  type: 'total' | 'removal' | 'addition' | 'matched';
  side: Side;
  /** Only for bucket steps. */
  kind?: BucketKind;
  reason?: string;
  total?: 'gross' | 'net';
  count: number;
  /** The running count before and after this step (bars span between them). */
  from: number;
  to: number;
}

export const LEFT_BEFORE_NET: BucketKind[] = ['excluded', 'duplicate', 'out_of_period'];
export const LEFT_AFTER_NET: BucketKind[] = ['timing', 'excluded_on_other_side', 'unmatched'];

/** A side's buckets of some kinds with records, in the bridge's order: kind, then the larger count first. */
export function selectBuckets(buckets: Bucket[], side: Side, kinds: BucketKind[]): Bucket[] {
  const picked = buckets.filter((b) => b.side === side && b.count > 0 && kinds.includes(b.kind));
  return picked.sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || b.count - a.count || a.reason.localeCompare(b.reason));
}

export function buildBridgeSteps(recon: ReconciliationReport): BridgeStep[] {
  const steps: BridgeStep[] = [];
  let running = recon.left.gross;
  const total = (side: Side, which: 'gross' | 'net', count: number) => {
    steps.push({ id: `${side}-${which}`, type: 'total', side, total: which, count, from: 0, to: count });
    running = count;
  };
  const walk = (bucket: Bucket, type: 'removal' | 'addition') => {
    const to = type === 'removal' ? running - bucket.count : running + bucket.count;
    steps.push({ id: `${bucket.side}-${bucket.kind}-${bucket.reason}`, type, side: bucket.side, kind: bucket.kind, reason: bucket.reason, count: bucket.count, from: running, to });
    running = to;
  };
  total('left', 'gross', recon.left.gross);
  for (const b of selectBuckets(recon.buckets, 'left', LEFT_BEFORE_NET)) walk(b, 'removal');
  total('left', 'net', recon.left.net);
  for (const b of selectBuckets(recon.buckets, 'left', LEFT_AFTER_NET)) walk(b, 'removal');
  const matchedBuckets = recon.buckets.filter((b) => b.side === 'left' && b.kind === 'matched');
  const matched = matchedBuckets.reduce((n, b) => n + b.count, 0);
  // Compared fields split matched records by reason (value_differs...): the step opens all of them.
  const reason = matchedBuckets.every((b) => b.reason === 'matched') ? 'matched' : undefined;
  steps.push({ id: 'matched', type: 'matched', side: 'left', kind: 'matched', reason, count: matched, from: 0, to: matched });
  running = matched;
  for (const b of selectBuckets(recon.buckets, 'right', LEFT_AFTER_NET).reverse()) walk(b, 'addition');
  total('right', 'net', recon.right.net);
  for (const b of selectBuckets(recon.buckets, 'right', LEFT_BEFORE_NET).reverse()) walk(b, 'addition');
  total('right', 'gross', recon.right.gross);
  return steps;
}
