// The decisions file read into targets: for each, the last line is its current decision and the earlier ones its history.
import type { DecisionFileLine, DecisionLine } from '../../../shared/reviewTypes';
import { formatTargetKey } from './formatTargetKey';

export interface TargetDecisions {
  current: DecisionLine;
  /** 1-based line of `current` in the file. */
  line: number;
  /** Earlier decisions on the same target, oldest first. */
  history: DecisionLine[];
}

export interface GroupedDecisions {
  /** By formatTargetKey, in the order each target was first decided. */
  targets: Map<string, TargetDecisions>;
  unreadable: DecisionFileLine[];
}

/** File order decides, never the `at` times: clocks differ between reviewers, the append order does not lie. */
export function groupDecisions(lines: readonly DecisionFileLine[]): GroupedDecisions {
  const targets = new Map<string, TargetDecisions>();
  const unreadable: DecisionFileLine[] = [];
  for (const read of lines) {
    if (!read.decision) {
      unreadable.push(read);
      continue;
    }
    const key = formatTargetKey(read.decision);
    const earlier = targets.get(key);
    const history = earlier?.history ?? [];
    if (earlier) history.push(earlier.current);
    targets.set(key, { current: read.decision, line: read.line, history });
  }
  return { targets, unreadable };
}
