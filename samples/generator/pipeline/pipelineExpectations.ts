// The buckets a pipeline record can be declared to land in, beyond those the first sample names (../expectations.ts).
import type { Expectation } from '../expectations';

/** Exclude rules of the pipeline contract: HubSpot deals, CRM opportunities (sourced), CRM booked, invoice lines. */
export type PipelineRule = 'test_deal' | 'offline' | 'renewal' | 'partner' | 'not_won' | 'intercompany' | 'vat';

export function excludedBy(rule: PipelineRule): Expectation {
  return { kind: 'excluded', reason: rule };
}

export function excludedOnOtherSide(rule: PipelineRule): Expectation {
  return { kind: 'excluded_on_other_side', reason: rule };
}

/** A matched record whose pair disagrees first on this compare field (money.md). */
export function matchedBut(field: 'value' | 'stage' | 'close_date'): Expectation {
  return { kind: 'matched', reason: `${field}_differs` };
}

/** An invoice line whose amount went into its order's first line (dedupe values: sum). */
export const combined: Expectation = { kind: 'duplicate', reason: 'combined' };

/** Opportunities a story plants for the sourced bridge only: not closed won, so the booked bridge leaves them out. */
export const notWon: Expectation = excludedBy('not_won');
