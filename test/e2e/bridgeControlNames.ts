// The accessible names the bridge screen must give each number of a report, written from the naming rule, not the renderer's code.
import type { Bucket, ReconciliationReport } from '../../shared/reportTypes';

/** `left excluded internal`, `left timing` (the reason is left out when it only repeats the kind). */
export function nameBucket(bucket: Pick<Bucket, 'side' | 'kind' | 'reason'>): string {
  return `${bucket.side} ${bucket.kind}${bucket.reason === bucket.kind ? '' : ` ${bucket.reason}`}`;
}

export interface BridgeControlNames {
  /** The chart's clickable bars: one per bucket except matched, plus the shared `matched: N`. */
  bars: string[];
  /** The chart's gross and net totals (buttons too: they open all their records). */
  totals: string[];
  /** The table's count buttons, one per bucket on each side (matched too). */
  counts: string[];
  /** The table's gross and net count buttons. */
  totalCounts: string[];
  /** The table's Decide control of each non-empty line. */
  decides: string[];
}

export function listBridgeControlNames(recon: ReconciliationReport): BridgeControlNames {
  const shown = recon.buckets.filter((b) => b.count > 0);
  const matched = recon.buckets.filter((b) => b.side === 'left' && b.kind === 'matched').reduce((n, b) => n + b.count, 0);
  return {
    bars: [...shown.filter((b) => b.kind !== 'matched').map((b) => `${nameBucket(b)}: ${b.count}`), `matched: ${matched}`],
    totals: [`left gross: ${recon.left.gross}`, `left net: ${recon.left.net}`, `right net: ${recon.right.net}`, `right gross: ${recon.right.gross}`],
    counts: shown.map((b) => `${b.count} records: ${nameBucket(b)}`),
    totalCounts: [`${recon.left.gross} records: left gross`, `${recon.left.net} records: left net`, `${recon.right.gross} records: right gross`, `${recon.right.net} records: right net`],
    decides: shown.map((b) => `Decide ${nameBucket(b)}`),
  };
}
