// Test support: an engine's deal timeline (traceDealTouches) against the reference's reading of the same opportunity: people, counted touches in order, shares, milestone, sourced.
import { expect } from 'vitest';
import type { DealTouches } from '../../shared/metricsReportTypes';
import { readInstant } from './revenueReference/readInstant';
import { TOUCH_MODELS, type Deal } from './revenueReference/readDeals';
import type { RefAttribution, RevenueInput } from './revenueReference/RevenueInput';

export function compareDealTouches(actual: DealTouches, deal: Deal, entry: RefAttribution, input: RevenueInput): void {
  const what = `${entry.name} deal ${deal.record.id}`;
  expect(actual.people, `${what}: its people`).toEqual(deal.people);
  const counted = actual.touches.filter((t) => t.status === 'counted');
  expect(counted.map((t) => t.row), `${what}: counted touches in order (instant, then row)`).toEqual(deal.touches.map((t) => t.row));
  for (const model of TOUCH_MODELS.filter((m) => entry.models.includes(m))) {
    const want = (deal.shares[model] ?? []).map((s) => s.approx);
    const got = counted.map((t) => t.shares[model] ?? 0);
    const tolerance = model === 'time_decay' ? 1e-9 : 1e-12;
    expect(got.every((g, i) => Math.abs(g - (want[i] ?? 0)) <= tolerance), `${what} ${model}: shares ${JSON.stringify(got)}, reference ${JSON.stringify(want)}`).toBe(true);
  }
  if (entry.models.includes('w_shaped')) {
    const milestoneRow = actual.milestone === null ? null : (counted.find((t) => t.id === actual.milestone)?.row ?? -1);
    expect(milestoneRow, `${what}: the milestone touch`).toBe(deal.milestone === null ? null : (deal.touches[deal.milestone]?.row ?? null));
  }
  // A touch of its people that does not count is after the deal or before the lookback, by its instant.
  const dealInstant = deal.record.when === null ? null : readInstant(deal.record.when, input.timezone);
  for (const t of actual.touches.filter((x) => x.status !== 'counted')) {
    const row = input.touches?.rows[t.row - 1];
    const instant = row?.when ? readInstant(row.when, input.timezone) : null;
    if (instant !== null && dealInstant !== null) expect(t.status, `${what}: touch row ${t.row}`).toBe(instant > dealInstant ? 'after_deal' : 'before_lookback');
  }
  expect(actual.sourced, `${what}: sourced and influenced`).toEqual({
    crm: entry.sourced?.crm === undefined ? null : deal.crm,
    touches: entry.sourced === undefined ? null : deal.sourcedChannel !== null,
    influenced: deal.influenced,
  });
}
