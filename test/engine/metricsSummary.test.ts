// getMetricsReport({ ids: false }): the report the screens draw, every list emptied and its size kept, every figure as in the full report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricsReport } from '../../shared/metricsReportTypes';
import type { Investigation } from '../../electron/engine/openInvestigation';
import { openMetricsFixture } from './metricsFixture';

let inv: Investigation;
let full: MetricsReport;
let summary: MetricsReport;

beforeAll(async () => {
  inv = await openMetricsFixture();
  summary = await inv.getMetricsReport({ ids: false });
  full = await inv.getMetricsReport();
});
afterAll(() => inv.close());

/** Every array of strings found anywhere in a value, with its path. */
function listIdArrays(value: unknown, at = ''): [string, string[]][] {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((v) => typeof v === 'string')) return [[at, value as string[]]];
    return value.flatMap((v, i) => listIdArrays(v, `${at}[${i}]`));
  }
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => listIdArrays(v, `${at}.${k}`));
  return [];
}

describe('the metrics report without its lists', () => {
  it('has the full report\'s lists to empty, and nothing else changed but the sizes added', () => {
    expect(listIdArrays(full).length).toBeGreaterThan(10);
    expect(listIdArrays(summary)).toEqual([]);
    const strip = (report: MetricsReport) => JSON.parse(JSON.stringify(report, (_key, v: unknown) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? [] : v))) as MetricsReport;
    const stages = summary.funnels.flatMap((f) => f.stages);
    const fullStages = full.funnels.flatMap((f) => f.stages);
    expect(stages.map((s) => s.sizes)).toEqual(fullStages.map((s) => ({ ids: s.ids.length, dropped: s.dropped.length, skipped: s.skipped.length, outside_cohort: s.outside_cohort.length })));
    expect(summary.shared_metrics.map((m) => m.count)).toEqual(full.shared_metrics.map((m) => m.ids.length));
    // Take the sizes out again and the two readings are the same report with empty lists.
    const unsized = { ...summary, funnels: summary.funnels.map((f) => ({ ...f, stages: f.stages.map(({ sizes: _, ...s }) => s) })), shared_metrics: summary.shared_metrics.map(({ count: _, ...m }) => m) };
    expect(unsized).toEqual(strip(full));
  });

  it('keeps the complete lists for drills after a summary was asked first', async () => {
    const page = await inv.fetchMetricRecords({ funnel: full.funnels[0]?.name ?? '', list: 'cohort' }, { offset: 0, limit: 100 });
    expect(page.rows.map((r) => r[0])).toEqual(full.funnels[0]?.cohort.ids);
  });
});
