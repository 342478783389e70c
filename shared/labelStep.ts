// Words for a bridge step (bucket kind) and a record's reason: one wording for screens, grids and exports.
import type { ListingKind } from './reportTypes';

export const KIND_WORDS: Readonly<Record<ListingKind, string>> = {
  excluded: 'Excluded',
  duplicate: 'Duplicates',
  out_of_period: 'Out of period',
  matched: 'Matched',
  timing: 'Timing',
  excluded_on_other_side: 'Excluded on the other side',
  unmatched: 'Unmatched',
  gross: 'Gross',
  net: 'Net',
  net_unmatched: 'Counted by one side only',
};

/** Fixed reasons of spec/report.md; any other reason is a rule's name, which is already the contract's word. */
export const REASON_WORDS: Readonly<Record<string, string>> = {
  duplicate: 'Duplicate',
  outside_period: 'Outside the period',
  missing_date: 'Missing date',
  unreadable_date: 'Unreadable date',
  matched: 'Matched',
  timing: 'Timing',
  no_counterpart: 'No counterpart',
  missing_key: 'Missing identity key',
};

export function labelKind(kind: ListingKind): string {
  return KIND_WORDS[kind];
}

export function labelReason(reason: string): string {
  return REASON_WORDS[reason] ?? reason;
}
