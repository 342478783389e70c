// Which line of the decisions file is current for its target (review.md: the last line for a target), and each bucket's current line decision.
import type { DecisionFileLine, DecisionLine } from '../../../../shared/reviewTypes';
import type { Side } from '../../../../shared/reportTypes';

/** A target as one text: a bridge line, a record, a metrics list, or a reconciliation's sign-off. */
export function describeTarget(d: DecisionLine): string {
  if (d.status === 'signed_off') return JSON.stringify(['signed_off', d.reconciliation]);
  if (d.list) return JSON.stringify(['list', d.list]);
  if (d.record !== null) return JSON.stringify(['record', d.reconciliation, d.side, d.record]);
  return JSON.stringify(['line', d.reconciliation, d.side, d.kind, d.reason]);
}

export function describeLineTarget(reconciliation: string, side: Side, kind: string, reason: string): string {
  return JSON.stringify(['line', reconciliation, side, kind, reason]);
}

export interface DecisionTargets {
  /** 1-based file lines that are the current line of their target. */
  currentLines: Set<number>;
  /** The current decision of each target, by describeTarget. */
  current: Map<string, DecisionLine>;
  /** How many lines each target has in the file. */
  counts: Map<string, number>;
}

export function readDecisionTargets(lines: readonly DecisionFileLine[]): DecisionTargets {
  const last = new Map<string, DecisionFileLine>();
  const counts = new Map<string, number>();
  for (const line of lines) {
    if (!line.decision) continue;
    const target = describeTarget(line.decision);
    last.set(target, line);
    counts.set(target, (counts.get(target) ?? 0) + 1);
  }
  const current = new Map<string, DecisionLine>();
  for (const [target, line] of last) if (line.decision) current.set(target, line.decision);
  return { currentLines: new Set([...last.values()].map((l) => l.line)), current, counts };
}
