// Which line of the decisions file is current for its target and each bucket's current line decision, keyed as the decisions engine keys them.
import type { BucketKind, Side } from '../../../../shared/reportTypes';
import type { DecisionFileLine, DecisionLine } from '../../../../shared/reviewTypes';
import { formatDecisionTargetKey } from '../formatTargetKey';
import { groupDecisions } from '../groupDecisions';

export interface DecisionTargets {
  /** 1-based file lines that are the current line of their target. */
  currentLines: Set<number>;
  /** The current decision of each target, by formatTargetKey (in the order each target was first decided). */
  current: Map<string, DecisionLine>;
}

export function describeLineTarget(reconciliation: string, side: Side, kind: BucketKind, reason: string): string {
  return formatDecisionTargetKey({ reconciliation, side, kind, reason });
}

export function readDecisionTargets(lines: readonly DecisionFileLine[]): DecisionTargets {
  const { targets } = groupDecisions(lines);
  return {
    currentLines: new Set([...targets.values()].map((t) => t.line)),
    current: new Map([...targets].map(([key, t]) => [key, t.current])),
  };
}
