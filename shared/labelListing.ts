// Which records a listing holds, in words: "Timing", "Excluded: internal", "Gross: every hubspot row".
import { labelKind, labelReason } from './labelStep';
import type { ListingKind } from './reportTypes';

export interface ListingRef {
  kind: ListingKind;
  reason?: string;
  unreadableColumn?: string;
}

export function labelListing(ref: ListingRef, names: { metric: string; source: string }): string {
  if (ref.kind === 'gross') {
    return ref.unreadableColumn === undefined
      ? `Gross: every ${names.source} row`
      : `Gross: ${names.source} rows whose "${ref.unreadableColumn}" could not be read as a date`;
  }
  if (ref.kind === 'net') return `Net: every record ${names.metric} counts`;
  if (ref.kind === 'net_unmatched') return `Only ${names.metric} counts`;
  const reason = ref.reason ?? '';
  // Duplicates and matched records have one reason each, the kind itself: the kind says it all.
  if (reason === '' || reason === ref.kind || reason === 'duplicate' || reason === 'matched') return labelKind(ref.kind);
  return `${labelKind(ref.kind)}: ${labelReason(reason)}`;
}
