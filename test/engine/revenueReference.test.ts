// The plain-TypeScript reading of revenue.md, checked on small cases worked out by hand from the spec's text.
import { describe, expect, it } from 'vitest';
import { computeFunnelReport } from './revenueReference/computeFunnelReport';
import { computeSharedMetrics } from './revenueReference/computeSharedMetrics';
import { computeSlaReport } from './revenueReference/computeSlaReport';
import { quantileCont } from './revenueReference/quantileCont';
import { readCalendarDate } from './revenueReference/readCalendarDate';
import { readInstant } from './revenueReference/readInstant';
import type { RefRecord, RevenueInput, Step, When } from './revenueReference/RevenueInput';

const ZONE = 'America/New_York';

function record(id: string, key: string | null, when: When | null, step: Step = 'net', cents: number | null = null, fields: Record<string, string> = {}): RefRecord {
  return { id, key, linkId: id.toUpperCase(), when, cents, step, fields };
}
const day = (date: string): When => ({ date });
const at = (iso: string): When => ({ instant: Date.parse(iso) });

function input(parts: Partial<RevenueInput>): RevenueInput {
  return { title: 't', version: '1', currency: 'USD', timezone: ZONE, period: { from: '2026-07-01', to: '2026-09-30' }, metrics: [], links: [], funnels: [], sla: [], ...parts };
}

describe('the reference reading of revenue.md', () => {
  it('reads a date as the end of its day in the reporting zone, and an instant by its wall-clock date there', () => {
    expect(new Date(readInstant(day('2026-07-02'), ZONE)).toISOString()).toBe('2026-07-03T04:00:00.000Z');
    // After daylight saving ends on 1 November 2026, New York is five hours behind UTC.
    expect(new Date(readInstant(day('2026-11-01'), ZONE)).toISOString()).toBe('2026-11-02T05:00:00.000Z');
    expect(new Date(readInstant(day('2026-10-31'), ZONE)).toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(readCalendarDate(at('2026-07-20T03:59:00Z'), ZONE)).toBe('2026-07-19');
    expect(readCalendarDate(at('2026-07-20T04:00:00Z'), ZONE)).toBe('2026-07-20');
    expect(readCalendarDate(at('2026-11-02T04:30:00Z'), ZONE)).toBe('2026-11-01');
  });

  it('interpolates quantiles linearly between ranks, as quantile_cont does', () => {
    expect(quantileCont([], 0.5)).toBeNull();
    expect(quantileCont([7], 0.9)).toBe(7);
    expect(quantileCont([9, 2], 0.5)).toBe(5.5);
    expect(quantileCont([9, 2], 0.9)).toBeCloseTo(8.3, 10);
    expect(quantileCont([1, 2, 3, 4, 100], 0.9)).toBeCloseTo(61.6, 10);
  });

  it('chains a funnel: window ends included, dropped, skipped, outside the cohort, days from the previous stage', () => {
    const data = input({
      metrics: [
        { name: 'MQL', source: 'contacts', hasValue: false, records: [record('c1', 'a', day('2026-07-01')), record('c2', 'b', day('2026-07-05')), record('c3', null, day('2026-07-06')), record('c4', 'd', day('2026-07-10')), record('c5', 'e', day('2026-06-20'), 'out_of_period')] },
        {
          name: 'SQL',
          source: 'contacts',
          hasValue: false,
          records: [
            record('s1', 'a', day('2026-07-03')),
            record('s2', 'a', day('2026-07-12')), // 11 days after c1: one beyond the window
            record('s3', 'b', day('2026-07-04')), // before c2's date
            record('s4', 'd', at('2026-07-20T03:30:00Z')), // 23:30 on the 19th in New York: 9 days
            record('s5', 'b', day('2026-07-06'), 'excluded'),
            record('s6', 'b', null, 'out_of_period'),
          ],
        },
        { name: 'Won', source: 'opps', hasValue: true, records: [record('o1', null, day('2026-07-08'), 'net', 100_000), record('o2', null, day('2026-07-06'), 'net', 50_000), record('o3', null, day('2026-08-30'), 'out_of_period', 70_000), record('o5', null, day('2026-07-02'), 'duplicate', 1)] },
      ],
      links: [{ name: 'people', pairs: [{ from: 'O1', to: 'a' }, { from: 'O1', to: 'b' }, { from: 'O2', to: 'b' }, { from: 'O3', to: 'd' }, { from: 'O4', to: 'a' }, { from: 'O5', to: 'a' }, { from: 'O1', to: null }] }],
    });
    const report = computeFunnelReport(data, { name: 'f', cohort: 'MQL', stages: [{ metric: 'SQL' }, { metric: 'Won', via: 'people' }], windowDays: 10, windowText: '10 days' });
    expect(report.cohort).toEqual({ metric: 'MQL', count: 4, ids: ['c1', 'c2', 'c3', 'c4'] });
    const [sql, won] = report.stages;
    expect(sql).toEqual({
      metric: 'SQL',
      reached: 2,
      reached_ids: ['c1', 'c4'],
      ids: ['s1', 's4'],
      value: null,
      conversion_from_previous: 0.5,
      conversion_from_cohort: 0.5,
      median_days: 5.5,
      p90_days: expect.closeTo(8.3, 10) as unknown as number,
      // The empty-key cohort record is a cohort record of its own that reaches nothing.
      dropped: ['c2', 'c3'],
      skipped: [],
      outside_cohort: ['s2', 's3'],
    });
    expect(won).toEqual({
      metric: 'Won',
      reached: 1,
      reached_ids: ['c1'],
      ids: ['o1'],
      value: 1000,
      conversion_from_previous: 0.5,
      conversion_from_cohort: 0.25,
      median_days: 5,
      p90_days: 5,
      dropped: ['c4'],
      // c2 reaches o1 and o2 without having reached SQL: skipped, and its deals are not outside the cohort.
      skipped: ['c2'],
      outside_cohort: ['o3'],
    });
  });

  it('times an SLA from each net record with a key to the first qualifying row strictly after it', () => {
    const data = input({
      metrics: [
        {
          name: 'MQL',
          source: 'contacts',
          hasValue: false,
          records: [record('m1', 'a', at('2026-07-01T14:00:00Z')), record('m2', 'b', day('2026-07-02')), record('m3', 'c', at('2026-07-01T10:00:00Z')), record('m4', null, day('2026-07-02')), record('m5', 'a', day('2026-07-09'), 'duplicate')],
        },
      ],
    });
    const rows = [
      { key: 'a', when: at('2026-07-01T14:00:00Z'), matches: true }, // the same instant is not after
      { key: 'a', when: at('2026-07-01T15:00:00Z'), matches: true }, // 60 minutes: met
      { key: 'a', when: at('2026-07-01T14:30:00Z'), matches: false },
      { key: 'b', when: day('2026-07-02'), matches: true }, // the end of the day the MQL date stands for: not after
      { key: 'b', when: at('2026-07-03T05:30:00Z'), matches: true }, // 90 minutes after midnight in New York: breached
      { key: 'c', when: at('2026-07-01T11:00:00Z'), matches: false },
      { key: 'c', when: null, matches: true },
    ];
    const report = computeSlaReport(data, { name: 'speed', from: 'MQL', rows, withinMinutes: 60, withinText: '1 hours' });
    expect(report).toMatchObject({
      median_minutes: 75,
      met_share: 1 / 3,
      met: { count: 1, ids: ['m1'] },
      breached: { count: 1, ids: ['m2'] },
      never: { count: 1, ids: ['m3'] },
    });
    expect(report.p90_minutes).toBeCloseTo(87, 10);
  });

  it('computes win rates by group, velocity from its four inputs, CAC over the period spend and CRM-sourced revenue', () => {
    const opps = (date: 'created' | 'closed', step: (id: string) => Step) => {
      const rows: [string, string, string, number | null, string][] = [
        ['w1', '2026-07-01', '2026-07-11', 100_000, 'Web'],
        ['w2', '2026-06-01', '2026-07-21', 50_000, 'Partner'],
        ['l1', '2026-07-02', '2026-08-01', 20_000, 'Web'],
        ['l2', '2026-07-03', '2026-08-02', null, ''],
        ['x1', '2026-07-04', '2026-08-03', 9_999, 'Web'],
      ];
      return rows.map(([id, created, closed, cents, source]) => record(id, null, day(date === 'created' ? created : closed), step(id), cents, { lead_source: source }));
    };
    const data = input({
      metrics: [
        { name: 'Opportunity', source: 'opps', hasValue: true, records: opps('created', (id) => (id === 'w2' ? 'out_of_period' : 'net')) },
        { name: 'Won', source: 'opps', hasValue: true, records: opps('closed', (id) => (id.startsWith('w') ? 'net' : 'excluded')) },
        { name: 'Lost', source: 'opps', hasValue: true, records: opps('closed', (id) => (id.startsWith('l') ? 'net' : 'excluded')) },
      ],
      shared: {
        periodMetric: 'Won',
        lost: 'Lost',
        opportunities: 'Opportunity',
        winRateBy: 'lead_source',
        sourcedCrm: { opportunities: 'Opportunity', holds: (f) => ['Web', 'Paid Search'].includes(f.lead_source ?? '') },
        spend: [
          { when: day('2026-07-01'), cents: 100_000 },
          { when: day('2026-06-30'), cents: 50_000 },
          { when: day('2026-09-30'), cents: 25_050 },
          { when: day('2026-10-01'), cents: 9_900 },
          { when: null, cents: 1 },
        ],
      },
    });
    const entries = computeSharedMetrics(data, []);
    const find = (name: string, by: string | null) => entries.find((e) => e.name === name && e.by === by);
    expect(find('marketing_sourced_revenue', 'crm')).toMatchObject({ value: 1000, basis: 'fact', ids: ['w1'] });
    expect(find('win_rate', null)).toMatchObject({ value: 0.5, value_rate: 150_000 / 170_000 });
    expect(find('win_rate', 'Web')).toMatchObject({ value: 0.5, value_rate: 100_000 / 120_000 });
    expect(find('win_rate', 'Partner')).toMatchObject({ value: 1, value_rate: 1 });
    expect(find('win_rate', '(empty)')).toMatchObject({ value: 0, value_rate: null });
    // Four opportunities created in the period; deals take 10 and 50 days: 4 x 0.5 x 750 / 30.
    expect(find('pipeline_velocity', null)).toMatchObject({ value: 50, inputs: { opportunities: 4, win_rate: 0.5, average_won_value: 750, average_days: 30 }, basis: 'interpretation', ids: ['l1', 'l2', 'w1', 'x1'] });
    expect(find('cac', null)).toMatchObject({ value: 625.25, basis: 'fact' });
  });
});
