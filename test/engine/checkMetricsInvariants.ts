// Test support: revenue.md's invariants on a metrics report: stage counts never grow along a funnel, every list's count equals its ids, SLA buckets add up, attribution credits add up.
import { expect } from 'vitest';
import type { MetricsReport } from '../../shared/metricsReportTypes';
import { checkAttributionInvariants } from './checkAttributionInvariants';

function expectDistinct(ids: string[], what: string): void {
  expect(new Set(ids).size, `${what}: no id twice`).toBe(ids.length);
}

/** `slaPopulation`, when given, is each SLA's population by name (the net `from` records with a key), known from outside the report. */
export function checkMetricsInvariants(report: MetricsReport, slaPopulation: Record<string, number> = {}): void {
  for (const f of report.funnels) {
    expect(f.cohort.ids.length, `${f.name}: the cohort's count is its ids`).toBe(f.cohort.count);
    expectDistinct(f.cohort.ids, `${f.name} cohort`);
    let previous = new Set(f.cohort.ids);
    for (const [k, s] of f.stages.entries()) {
      const what = `${f.name} stage ${k + 1} (${s.metric})`;
      expect(s.reached_ids.length, `${what}: reached is its ids`).toBe(s.reached);
      for (const list of ['reached_ids', 'ids', 'dropped', 'skipped', 'outside_cohort'] as const) expectDistinct(s[list], `${what} ${list}`);
      expect(s.reached, `${what}: never more than the stage before`).toBeLessThanOrEqual(previous.size);
      expect(s.reached_ids.filter((id) => !previous.has(id)), `${what}: reached only by records counted at the stage before`).toEqual([]);
      expect([...s.dropped].sort(), `${what}: dropped = counted before and not now`).toEqual([...previous].filter((id) => !s.reached_ids.includes(id)).sort());
      expect(s.skipped.filter((id) => previous.has(id) || !f.cohort.ids.includes(id)), `${what}: skipped are cohort records not counted before`).toEqual([]);
      expect(s.ids.filter((id) => s.outside_cohort.includes(id)), `${what}: a reached record is not outside the cohort`).toEqual([]);
      expect(s.reached > 0 || s.ids.length === 0, `${what}: records reached only when someone reaches them`).toBe(true);
      if (f.cohort.count > 0) expect(s.conversion_from_cohort).toBeCloseTo(s.reached / f.cohort.count, 12);
      else expect(s.conversion_from_cohort).toBeNull();
      if (previous.size > 0) expect(s.conversion_from_previous).toBeCloseTo(s.reached / previous.size, 12);
      else expect(s.conversion_from_previous).toBeNull();
      if (s.reached === 0) expect([s.median_days, s.p90_days], `${what}: no days without records`).toEqual([null, null]);
      else expect(s.median_days ?? -1, `${what}: days are never negative, p90 above the median`).toBeGreaterThanOrEqual(0);
      if (s.median_days !== null) expect(s.p90_days ?? -1).toBeGreaterThanOrEqual(s.median_days - 1e-9);
      previous = new Set(s.reached_ids);
    }
  }
  for (const sla of report.sla) {
    for (const bucket of ['met', 'breached', 'never'] as const) {
      expect(sla[bucket].ids.length, `${sla.name} ${bucket}: the count is its ids`).toBe(sla[bucket].count);
      expectDistinct(sla[bucket].ids, `${sla.name} ${bucket}`);
    }
    const all = [...sla.met.ids, ...sla.breached.ids, ...sla.never.ids];
    expectDistinct(all, `${sla.name}: a record in one bucket only`);
    const population = sla.met.count + sla.breached.count + sla.never.count;
    if (slaPopulation[sla.name] !== undefined) expect(population, `${sla.name}: met + breached + never = the population`).toBe(slaPopulation[sla.name]);
    if (population > 0) expect(sla.met_share).toBeCloseTo(sla.met.count / population, 12);
    else expect(sla.met_share).toBeNull();
    expect(sla.median_minutes === null, `${sla.name}: a median exactly when someone was touched`).toBe(sla.met.count + sla.breached.count === 0);
  }
  for (const m of report.shared_metrics) expectDistinct(m.ids, `${m.name} by ${m.by ?? 'all'}`);
  for (const a of report.attribution) checkAttributionInvariants(a);
  // Shared metrics in revenue.md's order: marketing_sourced_revenue crm then touches; cac overall, then by channel in channel order.
  const sourcedBy = report.shared_metrics.filter((m) => m.name === 'marketing_sourced_revenue').map((m) => m.by);
  expect(sourcedBy, 'marketing_sourced_revenue: crm, then touches').toEqual(['crm', 'touches'].filter((by) => sourcedBy.includes(by)));
  const cacBy = report.shared_metrics.filter((m) => m.name === 'cac').map((m) => m.by);
  expect(cacBy, 'cac: overall, then per channel in order').toEqual([...cacBy].sort((a, b) => (a === null ? -1 : b === null ? 1 : a < b ? -1 : a > b ? 1 : 0)));
}
