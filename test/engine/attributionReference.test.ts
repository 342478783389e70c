// The plain-TypeScript reading of attribution (revenue.md + attrdecisions), checked on one small case worked out by hand from the text.
import { describe, expect, it } from 'vitest';
import { computeAttributionReport } from './revenueReference/computeAttributionReport';
import { computeSharedMetrics } from './revenueReference/computeSharedMetrics';
import type { RefAttribution, RefRecord, RefTouchRow, RevenueInput, Step, When } from './revenueReference/RevenueInput';

const ZONE = 'America/New_York';
const at = (iso: string): When => ({ instant: Date.parse(iso) });
const day = (date: string): When => ({ date });

function opp(id: string, when: When | null, step: Step, cents: number | null, leadSource: string, howHeard: string): RefRecord {
  return { id, key: null, linkId: id.toUpperCase(), when, cents, step, fields: { lead_source: leadSource, how_heard: howHeard } };
}
function touch(row: number, key: string, when: When, channel: string, campaign: string): RefTouchRow {
  return { row, key, when, channel, campaign };
}

/**
 * o1 ($100.01, Web, " google ") reaches b (its primary contact; a is not primary) with four counted touches: Webinar on the lookback's
 * first instant, Paid Search and Partner at the same instant (row order), Events on the deal's instant; an Email a second too early and
 * one a second late do not count; b's MQL makes the Partner touch the milestone. o2 ($300.01, no answer) has one touch, dated by its day
 * alone, which ends at o2's own instant. o4 ($0, "A friend") has no people. o3 (out of the period) is won in it, touched on Paid Search.
 */
const data: RevenueInput = {
  title: 't',
  version: '1',
  currency: 'USD',
  timezone: ZONE,
  period: { from: '2026-07-01', to: '2026-09-30' },
  metrics: [
    {
      name: 'Opportunity',
      source: 'opps',
      hasValue: true,
      records: [
        opp('o1', at('2026-07-10T16:00:00Z'), 'net', 10_001, 'Web', ' google '),
        opp('o2', day('2026-07-20'), 'net', 30_001, 'Partner', ''),
        opp('o3', day('2026-06-15'), 'out_of_period', 5_000, 'Partner', 'Podcast'),
        opp('o4', at('2026-08-01T12:00:00Z'), 'net', null, 'Paid Search', 'A friend'),
      ],
    },
    {
      name: 'Won',
      source: 'opps',
      hasValue: true,
      records: [opp('o1', day('2026-08-01'), 'net', 10_001, 'Web', ''), opp('o2', null, 'excluded', 30_001, 'Partner', ''), opp('o3', day('2026-07-05'), 'net', 5_000, 'Partner', ''), opp('o4', day('2026-08-02'), 'excluded', null, '', '')],
    },
    {
      name: 'MQL',
      source: 'contacts',
      hasValue: false,
      records: [
        { id: 'm1', key: 'b', linkId: 'm1', when: at('2026-07-08T12:00:00Z'), cents: null, step: 'out_of_period', fields: {} },
        { id: 'm2', key: 'b', linkId: 'm2', when: at('2026-07-10T20:00:00Z'), cents: null, step: 'excluded', fields: {} },
      ],
    },
  ],
  links: [
    {
      name: 'roles',
      pairs: [
        { from: 'O1', to: 'a', primary: false },
        { from: 'O1', to: 'b', primary: true },
        { from: 'O2', to: 'c', primary: false },
        { from: 'O3', to: 'a', primary: false },
      ],
    },
  ],
  funnels: [],
  sla: [],
  touches: {
    campaignMapped: true,
    marketingChannels: ['Webinar', 'Paid Search', 'Email', 'Events'],
    rows: [
      touch(1, 'b', at('2026-07-03T16:00:00Z'), 'Webinar', 'Spring'),
      touch(2, 'b', at('2026-07-03T15:59:59Z'), 'Email', 'Spring'),
      touch(3, 'b', at('2026-07-08T12:00:00Z'), ' Paid Search ', ''),
      touch(4, 'b', at('2026-07-10T16:00:00Z'), 'Events', 'Spring'),
      touch(5, 'b', at('2026-07-10T16:00:01Z'), 'Email', ''),
      touch(6, 'a', day('2026-07-09'), 'Email', ''),
      touch(7, 'b', at('2026-07-08T12:00:00Z'), 'Partner', ''),
      touch(8, 'c', day('2026-07-20'), 'Webinar', 'Fall'),
      touch(9, 'c', at('2026-07-19T00:00:00Z'), '  ', ''),
      touch(10, 'a', at('2026-06-10T00:00:00Z'), 'Paid Search', 'Spring'),
    ],
  },
  shared: {
    periodMetric: 'Won',
    spend: [
      { when: day('2026-07-01'), cents: 100_000, channel: 'Webinar' },
      { when: day('2026-08-01'), cents: 50_000, channel: ' Webinar' },
      { when: day('2026-07-01'), cents: 30_000, channel: 'Paid Search' },
      { when: day('2026-07-01'), cents: 9_000, channel: 'Events' },
      { when: day('2026-06-01'), cents: 99_900, channel: 'Webinar' },
      { when: day('2026-07-01'), cents: 1_000, channel: '' },
    ],
  },
};

const entry: RefAttribution = {
  name: 'Pipeline',
  opportunities: 'Opportunity',
  via: 'roles',
  people: 'primary',
  lookbackHours: 168,
  lookbackText: '7 days',
  models: ['first_touch', 'last_touch', 'linear', 'u_shaped', 'w_shaped', 'time_decay', 'self_reported'],
  halfLifeHours: 24,
  milestone: 'MQL',
  selfReported: { field: 'how_heard', map: { google: 'Paid Search', 'a friend': 'Referral' } },
  sourced: { crm: (f) => ['Web', 'Paid Search'].includes(f.lead_source ?? ''), touches: 'u_shaped' },
};

/** A credit line as [channel, campaign, credit, ids] for short expectations. */
type Row = [string, string | null, number, string[]];
const line = ([channel, campaign, credit, ids]: Row) => ({ channel, campaign, credit, opportunities: ids.length, ids });

describe('the reference reading of attribution, worked by hand', () => {
  const report = computeAttributionReport(data, { ...entry });

  it('totals the period opportunities, and gives an opportunity without touches to No touch', () => {
    expect(report).toMatchObject({ name: 'Pipeline', basis: 'interpretation', depends_on: 'lookback 7 days', total: 400.02 });
    expect(report.no_touch).toEqual({ count: 1, value: 0, ids: ['o4'] });
  });

  it('first and last touch, with campaign lines under their channel', () => {
    const noTouch: Row = ['No touch', null, 0, ['o4']];
    expect(report.models.first_touch).toEqual(
      ([['Webinar', null, 400.02, ['o1', 'o2']], ['Webinar', 'Fall', 300.01, ['o2']], ['Webinar', 'Spring', 100.01, ['o1']], noTouch] as Row[]).map(line),
    );
    expect(report.models.last_touch).toEqual(
      ([['Webinar', null, 300.01, ['o2']], ['Webinar', 'Fall', 300.01, ['o2']], ['Events', null, 100.01, ['o1']], ['Events', 'Spring', 100.01, ['o1']], noTouch] as Row[]).map(line),
    );
  });

  it('linear: a quarter each of $100.01, each line rounded once (the lines add up to a cent less than the total)', () => {
    expect(report.models.linear).toEqual(
      (
        [
          ['Webinar', null, 325.01, ['o1', 'o2']],
          ['Webinar', 'Fall', 300.01, ['o2']],
          ['Webinar', 'Spring', 25, ['o1']],
          ['Events', null, 25, ['o1']],
          ['Events', 'Spring', 25, ['o1']],
          ['Paid Search', null, 25, ['o1']],
          ['Paid Search', '(no campaign)', 25, ['o1']],
          ['Partner', null, 25, ['o1']],
          ['Partner', '(no campaign)', 25, ['o1']],
          ['No touch', null, 0, ['o4']],
        ] as Row[]
      ).map(line),
    );
  });

  it('U: 2/5 to each end, 1/10 to each middle touch; W: the tied Partner touch is the milestone, Paid Search alone holds no position', () => {
    const channels = (model: 'u_shaped' | 'w_shaped') => report.models[model]?.filter((l) => l.campaign === null).map((l) => [l.channel, l.credit]);
    expect(channels('u_shaped')).toEqual([['Webinar', 340.01], ['Events', 40], ['Paid Search', 10], ['Partner', 10], ['No touch', 0]]);
    expect(channels('w_shaped')).toEqual([['Webinar', 330.01], ['Events', 30], ['Partner', 30], ['Paid Search', 10], ['No touch', 0]]);
  });

  it('time decay: 2^(-days / 1) per touch over their sum', () => {
    const weights = [2 ** -7, 2 ** -(52 / 24), 2 ** -(52 / 24), 1];
    const sum = weights.reduce((a, b) => a + b, 0);
    const cents = (i: number) => (10_001 * (weights[i] ?? 0)) / sum;
    const lines = report.models.time_decay?.filter((l) => l.campaign === null);
    expect(lines?.map((l) => l.channel)).toEqual(['Webinar', 'Events', 'Paid Search', 'Partner', 'No touch']);
    expect(lines?.map((l) => l.credit)).toEqual([Math.round(30_001 + cents(0)) / 100, Math.round(cents(3)) / 100, Math.round(cents(1)) / 100, Math.round(cents(2)) / 100, 0]);
  });

  it('self-reported: the answer trimmed and mapped ignoring case; empty is Not reported; a $0 deal still counts', () => {
    expect(report.models.self_reported).toEqual(([['Not reported', null, 300.01, ['o2']], ['Paid Search', null, 100.01, ['o1']], ['Referral', null, 0, ['o4']]] as Row[]).map(line));
  });

  it('sourced by CRM rule and by the U-shaped largest share (a tie goes to the first touch), influenced by a marketing touch', () => {
    expect(report.sourced).toEqual({
      both: { count: 1, value: 100.01, ids: ['o1'] },
      crm_only: { count: 1, value: 0, ids: ['o4'] },
      touches_only: { count: 1, value: 300.01, ids: ['o2'] },
      neither: { count: 0, value: 0, ids: [] },
    });
    expect(report.influenced).toEqual({ count: 2, value: 400.02, ids: ['o1', 'o2'] });
    const noSourced = computeAttributionReport(data, { ...entry, sourced: undefined } as RefAttribution);
    expect(Object.values(noSourced.sourced).map((l) => l.count)).toEqual([0, 0, 0, 0]);
  });

  it('agreement: the self-reported channel against the largest share, per touch model', () => {
    expect(report.agreement?.first_touch).toEqual([
      { reported: 'Not reported', touched: 'Webinar', count: 1, value: 300.01, ids: ['o2'] },
      { reported: 'Paid Search', touched: 'Webinar', count: 1, value: 100.01, ids: ['o1'] },
      { reported: 'Referral', touched: 'No touch', count: 1, value: 0, ids: ['o4'] },
    ]);
    expect(report.agreement?.last_touch?.map((c) => c.touched)).toEqual(['Webinar', 'Events', 'No touch']);
    expect(Object.keys(report.agreement ?? {})).toEqual(['first_touch', 'last_touch', 'linear', 'u_shaped', 'w_shaped', 'time_decay']);
  });

  it('marketing-sourced revenue by touches and CAC by channel count won deals whose opportunity is out of the period too', () => {
    const entries = computeSharedMetrics({ ...data, attribution: [entry] }, []);
    const pick = (name: string) => entries.filter((e) => e.name === name).map((e) => [e.by, e.value, e.ids]);
    expect(pick('marketing_sourced_revenue')).toEqual([['touches', 150.01, ['o1', 'o3']]]);
    // Spend in the period: Webinar $1,500 (its two spellings), Paid Search $300, Events $90, and $10 of no channel.
    expect(pick('cac')).toEqual([
      [null, 950, ['o1', 'o3']],
      ['Events', null, []],
      ['Paid Search', 300, ['o3']],
      ['Webinar', 1500, ['o1']],
    ]);
  });
});
