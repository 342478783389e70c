// revenue.md's invariants of a metrics report: stage counts never grow, each count equals its list, SLA outcomes add up.
import { expect } from 'vitest';
import type { MetricsReport } from '../../shared/metricsReportTypes';

export function checkMetricsInvariants(report: MetricsReport): void {
  for (const funnel of report.funnels) {
    expect(funnel.cohort.count).toBe(funnel.cohort.ids.length);
    expect(new Set(funnel.cohort.ids).size).toBe(funnel.cohort.ids.length);
    let previous = funnel.cohort.ids;
    for (const stage of funnel.stages) {
      expect(stage.reached).toBe(stage.reached_ids.length);
      expect(stage.reached).toBeLessThanOrEqual(previous.length);
      // Counted at k means counted at k-1 and reaching k: reached + dropped is exactly the previous stage's list.
      expect([...stage.reached_ids, ...stage.dropped].sort()).toEqual([...previous].sort());
      for (const id of stage.skipped) expect(previous).not.toContain(id);
      for (const id of stage.outside_cohort) expect(stage.ids).not.toContain(id);
      expect(new Set(stage.ids).size).toBe(stage.ids.length);
      previous = stage.reached_ids;
    }
  }
  for (const sla of report.sla) {
    const population = sla.met.count + sla.breached.count + sla.never.count;
    for (const outcome of [sla.met, sla.breached, sla.never]) expect(outcome.count).toBe(outcome.ids.length);
    expect(new Set([...sla.met.ids, ...sla.breached.ids, ...sla.never.ids]).size).toBe(population);
    expect(sla.met_share).toBe(population === 0 ? null : sla.met.count / population);
  }
}
