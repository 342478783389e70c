// The buckets (spec/report.md) a planted record can be declared to land in, named the way stories read.
import type { BucketKind } from '../../shared/reportTypes';

export interface Expectation {
  kind: BucketKind;
  reason: string;
}

/** Exclude rules of the sample contract, in contract order. */
export type HubspotRule = 'internal' | 'test' | 'not_mql';
export type SalesforceRule = 'disqualified' | 'partner' | 'internal';

export const matched: Expectation = { kind: 'matched', reason: 'matched' };
export const timing: Expectation = { kind: 'timing', reason: 'timing' };
export const duplicate: Expectation = { kind: 'duplicate', reason: 'duplicate' };
export const outsidePeriod: Expectation = { kind: 'out_of_period', reason: 'outside_period' };
export const missingDate: Expectation = { kind: 'out_of_period', reason: 'missing_date' };
export const unreadableDate: Expectation = { kind: 'out_of_period', reason: 'unreadable_date' };
export const noCounterpart: Expectation = { kind: 'unmatched', reason: 'no_counterpart' };
export const missingKey: Expectation = { kind: 'unmatched', reason: 'missing_key' };

export function excludedBy(rule: HubspotRule | SalesforceRule): Expectation {
  return { kind: 'excluded', reason: rule };
}

export function excludedOnOtherSide(rule: HubspotRule | SalesforceRule): Expectation {
  return { kind: 'excluded_on_other_side', reason: rule };
}
