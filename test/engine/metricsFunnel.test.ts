// Funnels of revenue.md on the planted fixture (metricsFixture.ts): each figure worked out by hand from the rows.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FunnelStageReport, MetricsReport } from '../../shared/metricsReportTypes';
import { openMetricsFixture } from './metricsFixture';
import { checkMetricsInvariants } from './checkMetricsInvariants';

let report: MetricsReport;
beforeAll(async () => {
  const inv = await openMetricsFixture();
  try {
    report = await inv.getMetricsReport();
  } finally {
    inv.close();
  }
});

function stage(k: number): FunnelStageReport {
  const found = report.funnels[0]?.stages[k - 1];
  if (!found) throw new Error(`no stage ${k}`);
  return found;
}

describe('a funnel from MQLs through SQLs (same key) to opportunities and wins (through contact roles)', () => {
  it('starts from the net MQLs of the period: duplicates, exclusions and other periods left out, an empty key kept', () => {
    // h5 is h1's duplicate, h6 internal, h7 in June; h4 has no e-mail and still counts in the cohort.
    expect(report.funnels[0]?.cohort).toEqual({ metric: 'MQL', count: 6, ids: ['h1', 'h2', 'h3', 'h4', 'h8', 'h9'] });
    expect(report.funnels[0]?.basis).toBe('fact');
    expect(report.funnels[0]?.depends_on).toBe('window 30 days');
  });

  it('stage 1, same key: reached on the same day and at exactly the window, not one day later nor the day before', () => {
    // h1 <- L1 (same day, 0 days); h2 <- L2 (B@X.com normalised, 07-05 + 30 = 08-04, 30 days).
    // h3's L3 is 31 days later, h9's L4 the day before: neither reaches. L5 excluded, L7 undated, L8 L1's duplicate: never count.
    expect(stage(1)).toMatchObject({ metric: 'SQL', reached: 2, reached_ids: ['h1', 'h2'], ids: ['L1', 'L2'], value: null });
    expect(stage(1).conversion_from_previous).toBeCloseTo(2 / 6, 12);
    expect(stage(1).conversion_from_cohort).toBeCloseTo(2 / 6, 12);
    // Days 0 and 30: median 15, p90 = 0 + 0.9 x 30 = 27.
    expect([stage(1).median_days, stage(1).p90_days]).toEqual([15, 27]);
    expect(stage(1).dropped).toEqual(['h3', 'h4', 'h8', 'h9']);
    expect(stage(1).skipped).toEqual([]);
    // L6 (d@x.com, whose MQL is in June) is out of the period and still a stage record: no period step at a stage.
    expect(stage(1).outside_cohort).toEqual(['L3', 'L4', 'L6']);
  });

  it('stage 2, through the link: an opportunity reaches the people its contact roles name', () => {
    // h1 <- O1 (07-03), h2 <- O3 (07-06); h3 <- O2 (07-12) too, but h3 was not counted at stage 1: skipped.
    // O4 was created 06-01, before h1's 07-01: not reached. O5, O6, O7 have no contact role.
    expect(stage(2)).toMatchObject({ metric: 'Opportunity', reached: 2, reached_ids: ['h1', 'h2'], ids: ['O1', 'O3'], value: 1200 });
    expect([stage(2).conversion_from_previous, stage(2).conversion_from_cohort]).toEqual([1, 2 / 6]);
    // h1: 07-03 - 07-01 = 2 days; h2: 07-06 - 08-04 is negative: 0. Median 1, p90 = 0 + 0.9 x 2 = 1.8.
    expect([stage(2).median_days, stage(2).p90_days]).toEqual([1, 1.8]);
    expect(stage(2).dropped).toEqual([]);
    expect(stage(2).skipped).toEqual(['h3']);
    expect(stage(2).outside_cohort).toEqual(['O4', 'O5', 'O6', 'O7']);
  });

  it('stage 3: wins within the window of the cohort date, each distinct record once in ids and value', () => {
    // h1 <- O1 (closed 07-20) and O4 (closed 07-02, after h1's 07-01 although created before it); O1 has two roles for a@x.com.
    // h2's O3 is lost (excluded); h3's O2 closes 09-01, past 07-10 + 30; O6 has no role.
    expect(stage(3)).toMatchObject({ metric: 'Won', reached: 1, reached_ids: ['h1'], ids: ['O1', 'O4'], value: 1300 });
    expect([stage(3).conversion_from_previous, stage(3).conversion_from_cohort]).toEqual([0.5, 1 / 6]);
    // The earliest win (07-02) is before the earliest opportunity (07-03): 0 days.
    expect([stage(3).median_days, stage(3).p90_days]).toEqual([0, 0]);
    expect(stage(3).dropped).toEqual(['h2']);
    expect(stage(3).skipped).toEqual([]);
    expect(stage(3).outside_cohort).toEqual(['O2', 'O6']);
  });

  it('keeps the invariants of revenue.md', () => {
    checkMetricsInvariants(report);
  });
});

describe('funnel edge cases', () => {
  it('a window of 0 days reaches the same calendar day only; after a stage nobody reaches, conversion is null', async () => {
    const inv = await openMetricsFixture({ window: '0 days' });
    try {
      const r = await inv.getMetricsReport();
      checkMetricsInvariants(r);
      // Only h1 <- L1 is on the same day; then O1 (07-03) is 2 days after h1: nobody reaches stage 2.
      expect(r.funnels[0]?.stages.map((s) => s.reached_ids)).toEqual([['h1'], [], []]);
      expect(r.funnels[0]?.stages[1]?.median_days).toBeNull();
      expect(r.funnels[0]?.stages.map((s) => s.conversion_from_previous)).toEqual([1 / 6, 0, null]);
      expect(r.funnels[0]?.depends_on).toBe('window 0 days');
    } finally {
      inv.close();
    }
  });
});
