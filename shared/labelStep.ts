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

/** A matched pair's reason when a compared field differs (money.md): `close_date_differs`. */
export const DIFFERS_SUFFIX = '_differs';

/** A compared field in words: "Close date" for `close_date` (underscores as spaces, the first letter capitalised). */
export function labelField(field: string): string {
  const words = field.replace(/_/g, ' ');
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

/** "Close date differs" for the field `close_date`: buildWordsSql writes the same words in SQL. */
export function labelDiffers(field: string): string {
  return `${labelField(field)} differs`;
}

export function labelReason(reason: string): string {
  const word = REASON_WORDS[reason];
  if (word !== undefined) return word;
  return reason.endsWith(DIFFERS_SUFFIX) && reason.length > DIFFERS_SUFFIX.length ? labelDiffers(reason.slice(0, -DIFFERS_SUFFIX.length)) : reason;
}
