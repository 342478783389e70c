// Reads a duration of revenue.md (`270 days`, `24 hours`): a whole number and its unit, kept as written for `depends_on`.
import { isScalar } from 'yaml';
import type { DurationSpec } from '../../../shared/revenueContractTypes';
import type { ContractReader, Entry } from './ContractReader';

const DURATION = /^(\d+)\s*(days?|hours?)$/i;

export interface DurationRules {
  /** A funnel window counts calendar days, so hours cannot say what it means. */
  daysOnly?: boolean;
  /** A half-life of 0 would divide by zero. */
  positive?: boolean;
}

export function readDuration(reader: ContractReader, entry: Entry | undefined, rules: DurationRules = {}): DurationSpec | undefined {
  if (!entry) return undefined;
  const node = entry.value;
  const raw = isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value).trim() : undefined;
  const match = raw === undefined ? null : DURATION.exec(raw);
  const wanted = rules.daysOnly ? "a whole number of days ('270 days')" : "a whole number of days or hours ('365 days', '24 hours')";
  if (raw === undefined || !match?.[1] || !match[2]) {
    const hint = raw !== undefined && /^\d+$/.test(raw) ? `: '${raw}' needs its unit` : raw === undefined ? '' : `, not '${raw}'`;
    reader.report(entry.line, entry.key, `must be ${wanted}${hint}`);
    return undefined;
  }
  const count = Number(match[1]);
  const inDays = match[2].toLowerCase().startsWith('day');
  if (!inDays && rules.daysOnly) {
    reader.report(entry.line, entry.key, `'${raw}' is in hours, but a funnel window counts calendar days: write ${wanted}`);
    return undefined;
  }
  if (count === 0 && rules.positive) {
    reader.report(entry.line, entry.key, `must be more than 0 ${inDays ? 'days' : 'hours'}`);
    return undefined;
  }
  return { text: raw, hours: inDays ? count * 24 : count };
}
