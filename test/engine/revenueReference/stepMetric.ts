// Reference support: contract.md's steps for one metric (first matching exclusion, dedupe on the key, period) over typed rows.
import { readCalendarDate } from './readCalendarDate';
import { readZoneOffset } from './readInstant';
import type { RefRecord, Step, When } from './RevenueInput';

/** A typed row before its step is known: `excluded` is whether one of the metric's rules matches it. */
export type TypedRow = Omit<RefRecord, 'step'> & { excluded: boolean };

export interface MetricSteps {
  keep: 'earliest' | 'latest' | 'first_row';
  /** False when the metric is deduplicated on its source's id (no identity key on the source): never. */
  dedupe: boolean;
  period: { from: string; to: string };
  timezone: string;
}

/** Where a value sits on the reporting zone's wall clock, the order `dedupe.keep` sorts by. */
function readWallTime(when: When, zone: string): number {
  if ('date' in when) return Date.parse(`${when.date}T00:00:00Z`);
  return when.instant + readZoneOffset(when.instant, zone);
}

/** Rows in file order; each gets its step. */
export function stepMetric(rows: TypedRow[], steps: MetricSteps): RefRecord[] {
  const survivors = new Map<string, TypedRow>();
  if (steps.dedupe) {
    const isBetter = (a: TypedRow, b: TypedRow): boolean => {
      if (steps.keep === 'first_row') return false;
      // No date sorts last; ties keep the earlier row.
      if (a.when === null) return false;
      if (b.when === null) return true;
      const x = readWallTime(a.when, steps.timezone);
      const y = readWallTime(b.when, steps.timezone);
      return steps.keep === 'earliest' ? x < y : x > y;
    };
    for (const row of rows) {
      if (row.excluded || row.key === null) continue;
      const kept = survivors.get(row.key);
      if (!kept || isBetter(row, kept)) survivors.set(row.key, row);
    }
  }
  return rows.map((typed) => {
    const { excluded, ...row } = typed;
    let step: Step;
    if (excluded) step = 'excluded';
    else if (steps.dedupe && row.key !== null && survivors.get(row.key) !== typed) step = 'duplicate';
    else {
      const day = row.when === null ? null : readCalendarDate(row.when, steps.timezone);
      step = day !== null && day >= steps.period.from && day <= steps.period.to ? 'net' : 'out_of_period';
    }
    return { ...row, step };
  });
}
