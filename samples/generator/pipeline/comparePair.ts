// The compare fields of a matched pair, worked out from the plan the way money.md defines them (never by the engine).
import type { PairValue } from '../../../shared/reportTypes';
import { toReportNumber } from './convertToCents';
import { STAGE_MAP } from './stageMap';

/** A record's side of a pair: its bridge value (null: no amount to compare), and its other compared fields. */
export interface PairSide {
  value: number | null;
  stage?: string;
  closeDate?: string;
}

export type Tolerance = { cents: number } | { percent: number };

export interface PairComparison {
  reason: string;
  differs: Record<string, [PairValue, PairValue]>;
}

function amountsDiffer(left: number, right: number, tolerance: Tolerance): boolean {
  const gap = Math.abs(left - right);
  return 'cents' in tolerance ? gap > tolerance.cents : gap * 100 > tolerance.percent * Math.max(Math.abs(left), Math.abs(right));
}

/** Two empty values agree, an empty and a value differ (money.md). */
function differ<T>(left: T | null | undefined, right: T | null | undefined, test: (l: T, r: T) => boolean): boolean {
  const leftEmpty = left === null || left === undefined;
  const rightEmpty = right === null || right === undefined;
  if (leftEmpty || rightEmpty) return leftEmpty !== rightEmpty;
  return test(left, right);
}

/** Compares value, then stage (through the contract's map, ignoring case) and close date, in that order, where both sides have them. */
export function comparePair(left: PairSide, right: PairSide, tolerance: Tolerance): PairComparison {
  const differs: PairComparison['differs'] = {};
  if (differ(left.value, right.value, (l, r) => amountsDiffer(l, r, tolerance))) {
    differs.value = [left.value === null ? null : toReportNumber(left.value), right.value === null ? null : toReportNumber(right.value)];
  }
  const mapped = left.stage === undefined ? undefined : (STAGE_MAP[left.stage.trim().toLowerCase()] ?? left.stage);
  if (left.stage !== undefined && differ(mapped, right.stage, (l, r) => l.trim().toLowerCase() !== r.trim().toLowerCase())) {
    differs.stage = [left.stage.trim(), right.stage ?? null];
  }
  if (left.closeDate !== undefined && differ(left.closeDate, right.closeDate, (l, r) => l !== r)) {
    differs.close_date = [left.closeDate, right.closeDate ?? null];
  }
  const first = Object.keys(differs)[0];
  return { reason: first === undefined ? 'matched' : `${first}_differs`, differs };
}
