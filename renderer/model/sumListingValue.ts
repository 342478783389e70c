// What a listing is worth, read from the report (money.md): a bucket (one reason or all), or a side's totals; null without values.
import { NET_KINDS, NET_UNMATCHED_KINDS, type BucketKind, type ListingKind, type ReconciliationReport, type Side } from '../../shared/reportTypes';

/** The value and the records without an amount; sums are taken in cents, as the engine rounds each record. */
export function sumListingValue(recon: ReconciliationReport, listing: { side: Side; kind: ListingKind; reason?: string }): { value: number; missing: number } | null {
  const own = recon[listing.side];
  if (own.gross_value === undefined) return null;
  const kinds: readonly BucketKind[] | null = listing.kind === 'gross' ? null : listing.kind === 'net' ? NET_KINDS : listing.kind === 'net_unmatched' ? NET_UNMATCHED_KINDS : [listing.kind];
  const buckets = recon.buckets.filter((b) => b.side === listing.side && (!kinds || kinds.includes(b.kind)) && (listing.reason === undefined || b.reason === listing.reason));
  const cents = buckets.reduce((n, b) => n + Math.round((b.value ?? 0) * 100), 0);
  return { value: cents / 100, missing: buckets.reduce((n, b) => n + (b.missing_values ?? 0), 0) };
}
