// The inspector's path of a record on the sample (tracePersonPath): each cohort record placed at every stage and in the SLA as the generator planned it (samples/expected-metrics.json).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricsReport, PersonPath, StageOutcome } from '../../shared/metricsReportTypes';
import { openInvestigation, type Investigation } from '../../electron/engine/openInvestigation';
import { sampleContractFile } from './readExpectedBridge';

const plan = JSON.parse(fs.readFileSync(path.join(path.dirname(sampleContractFile), 'expected-metrics.json'), 'utf8')) as MetricsReport;

/** The plan's placement of one MQL: every funnel whose cohort holds it, and its speed-to-lead outcome. */
function placeInPlan(id: string): PersonPath {
  const funnels = plan.funnels
    .filter((f) => f.cohort.metric === 'MQL' && f.cohort.ids.includes(id))
    .map((f) => ({
      name: f.name,
      cohort: 'MQL',
      stages: f.stages.map((s) => {
        const outcome: StageOutcome = s.reached_ids.includes(id) ? 'reached' : s.skipped.includes(id) ? 'skipped' : s.dropped.includes(id) ? 'dropped' : 'not reached';
        return { metric: s.metric, outcome };
      }),
    }));
  const sla = plan.sla.flatMap((s) => {
    const outcome = (['met', 'breached', 'never'] as const).find((list) => s[list].ids.includes(id));
    return outcome ? [{ name: s.name, outcome }] : [];
  });
  return { funnels, sla };
}

describe('tracePersonPath on the sample', () => {
  let inv: Investigation;
  beforeAll(async () => {
    inv = await openInvestigation(sampleContractFile);
    // The screens hold the report without its lists: the path is read from the server's own.
    await inv.getMetricsReport({ ids: false });
  });
  afterAll(() => inv.close());

  it('places every MQL of the cohort at each stage and in the SLA as the plan does', async () => {
    const cohort = plan.funnels.find((f) => f.cohort.metric === 'MQL')?.cohort.ids ?? [];
    expect(cohort.length).toBeGreaterThan(400);
    const outcomes = new Set<string>();
    for (const id of cohort) {
      const traced = await inv.tracePersonPath('MQL', id);
      expect(traced, `MQL ${id}`).toEqual(placeInPlan(id));
      for (const stage of traced.funnels.flatMap((f) => f.stages)) outcomes.add(stage.outcome);
      for (const s of traced.sla) outcomes.add(s.outcome);
    }
    // The sample plants every case: a path of each kind was compared.
    expect([...outcomes].sort()).toEqual(['breached', 'dropped', 'met', 'never', 'not reached', 'reached', 'skipped']);
  });

  it('says Chloe Ferreira reached every stage and was called within the SLA (samples/README.md)', async () => {
    expect(await inv.tracePersonPath('MQL', '3766')).toEqual({
      funnels: [{ name: 'Q3 MQLs to revenue', cohort: 'MQL', stages: ['SQL', 'Opportunity', 'Won'].map((metric) => ({ metric, outcome: 'reached' })) }],
      sla: [{ name: 'Speed to lead', outcome: 'met' }],
    });
  });

  it('gives no path to a record of a metric no funnel starts from and no SLA reads', async () => {
    expect(await inv.tracePersonPath('Won', '006Hs000009008kIAA')).toEqual({ funnels: [], sla: [] });
  });
});
