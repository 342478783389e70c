// A decision's status in words, and the badge's word for a decision that no longer applies as made (stale).
import type { DecisionState, DecisionStatus } from '../../shared/reviewTypes';

const WORDS: Record<DecisionStatus | 'signed_off', string> = {
  explained: 'Explained',
  accepted: 'Accepted',
  disputed: 'Disputed',
  follow_up: 'Follow up',
  signed_off: 'Signed off',
};

export function labelDecisionStatus(status: DecisionStatus | 'signed_off'): string {
  return WORDS[status];
}

/** The status a decision form starts from: the current one while it is not stale (a stale one is chosen again on purpose). */
export function chooseInitialStatus(state: DecisionState | null): DecisionStatus | null {
  if (!state || state.stale.length > 0 || state.current.status === 'signed_off') return null;
  return state.current.status;
}

/** What the badge says: the status, or "Stale" when what it was decided on changed (never shown as if current). */
export function labelDecision(state: DecisionState): string {
  return state.stale.length > 0 ? 'Stale' : labelDecisionStatus(state.current.status);
}

/** The badge's hover text: the note, and for a stale decision what it was and what changed. */
export function describeDecision(state: DecisionState): string {
  const { current } = state;
  const made = `${labelDecisionStatus(current.status)} by ${current.by} on ${formatDecisionTime(current.at)}${current.note ? `: ${current.note}` : ''}`;
  return state.stale.length > 0 ? `Stale. Was ${made}. Since then: ${state.stale.join('; ')}` : made;
}

/** `2026-12-01T14:03:00+01:00` as the reviewer wrote it, to the minute: "2026-12-01 14:03". */
export function formatDecisionTime(at: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(at);
  return match ? `${match[1]} ${match[2]}` : at;
}

/** The day of a decision or sign-off as the reviewer's clock wrote it: "2026-12-01". */
export function formatDecisionDate(at: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(at)?.[0] ?? at;
}
