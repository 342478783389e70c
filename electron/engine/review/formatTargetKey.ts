// Which target a decision line is about, as one key: the last line of a key is its current decision (review.md).
import { formatListKey } from '../../../shared/formatListKey';
import type { DecisionLine, DecisionTarget } from '../../../shared/reviewTypes';

/**
 * A bridge line is (reconciliation, side, kind, reason), a record (reconciliation, side, record), a metrics list
 * its query, a sign-off its reconciliation alone.
 */
export function formatTargetKey(decision: DecisionLine): string {
  if (decision.status === 'signed_off') return formatSignOffKey(decision.reconciliation);
  if (decision.list) return JSON.stringify(['list', formatListKey(decision.list)]);
  if (decision.record !== null) return JSON.stringify(['record', decision.reconciliation, decision.side, decision.record]);
  return JSON.stringify(['line', decision.reconciliation, decision.side, decision.kind, decision.reason]);
}

/** The key a decision on `target` is filed under: the same as formatTargetKey of the line decide() writes for it. */
export function formatDecisionTargetKey(target: DecisionTarget): string {
  if ('list' in target) return JSON.stringify(['list', formatListKey(target.list)]);
  if ('record' in target) return JSON.stringify(['record', target.reconciliation, target.side, target.record]);
  return JSON.stringify(['line', target.reconciliation, target.side, target.kind, target.reason]);
}

/** The key of a reconciliation's sign-offs: the last is the one that counts. */
export function formatSignOffKey(reconciliation: string): string {
  return JSON.stringify(['sign_off', reconciliation]);
}
