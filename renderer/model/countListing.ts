// How many records a listing holds, read from the report: a bucket (one reason or all), or a side's totals.
import { NET_KINDS, NET_UNMATCHED_KINDS, type BucketKind, type ListingKind, type ReconciliationReport, type Side } from '../../shared/reportTypes';

export function countListing(recon: ReconciliationReport, listing: { side: Side; kind: ListingKind; reason?: string }): number {
  if (listing.kind === 'gross') return recon[listing.side].gross;
  const kinds: readonly BucketKind[] = listing.kind === 'net' ? NET_KINDS : listing.kind === 'net_unmatched' ? NET_UNMATCHED_KINDS : [listing.kind];
  return recon.buckets
    .filter((b) => b.side === listing.side && kinds.includes(b.kind) && (listing.reason === undefined || b.reason === listing.reason))
    .reduce((n, b) => n + b.count, 0);
}
