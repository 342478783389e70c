// Attribution on a planted investigation: every model's lines, No touch, sourced, influenced, agreement, the shared metrics and a deal's timeline, worked out by hand from revenue.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AttributionReport, CreditLine } from '../../shared/metricsReportTypes';
import { openInvestigation } from '../../electron/engine/openInvestigation';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-attribution-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Reporting zone UTC, period Q3 2026. */
const FILES: Record<string, string> = {
  'opps.csv': [
    'Opp ID,Created,Closed,Stage,Amount,Lead Source,How Heard',
    'O1,2026-08-10 12:00,2026-09-10,Closed Won,100.01,Web,google', // four touches through two people
    'O2,2026-08-20 00:00,,Open,50.00,Partner,', // two touches at the same instant: the earlier row comes first
    'O3,2026-09-01 00:00,,Open,30.00,Web, A Friend ', // no touch
    'O4,2026-06-15 00:00,2026-07-20,Closed Won,999,Web,Google', // created last quarter: no credit, a sourced status
  ].join('\n'),
  'roles.csv': ['Opportunity,Email,Primary', 'O1,a@x.com,true', 'O1,b@x.com,false', 'O2,c@x.com,true', 'O3,d@x.com,true', 'O4,a@x.com,true'].join('\n'),
  'touches.csv': [
    'Touch,Email,Touched,Channel,Campaign',
    't1,a@x.com,2026-08-01 12:00,Paid Search,Brand', // O1 - 9 days
    't2,b@x.com,2026-08-03 12:00,Events,Expo', // O1 - 7 days; b is not O1's primary contact
    't3,a@x.com,2026-08-05 12:00,Webinar,', // O1 - 5 days; an empty campaign
    't4,a@x.com,2026-08-10 12:00,Email,Nurture', // the very instant of O1: counted
    't5,a@x.com,2026-08-11 00:00,Email,Nurture', // after O1
    't6,a@x.com,2025-08-01,Paid Search,Brand', // more than 365 days before O1; within the lookback of O4
    't7,c@x.com,2026-08-19 00:00,Sales Outreach,', // O2 - 1 day, not a marketing channel
    't8,c@x.com,2026-08-19 00:00,Paid Social,Retarget', // the same instant, a later row
    't9,d@x.com,2026-09-01 00:00,,Brand', // no channel: not a touch
  ].join('\n'),
  'hubspot.csv': ['Id,Email,MQL Date', 'm1,a@x.com,2026-08-04'].join('\n'), // a date alone: the milestone instant is 08-05 00:00
  'spend.csv': ['Month,Channel,Amount', '2026-07,Paid Search,500', '2026-08,Events,300', '2026-06,Paid Search,700'].join('\n'),
};

function writeContract(dir: string, people: 'all' | 'primary'): string {
  for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(path.join(dir, name), `${text}\n`);
  const file = path.join(dir, 'attribution.recon.yaml');
  fs.writeFileSync(
    file,
    `contract: Attribution fixture
version: 1
reporting: { timezone: UTC, period: { from: 2026-07-01, to: 2026-09-30 }, currency: USD }
sources:
  opps: { system: sales, file: opps.csv, id: Opp ID, fields: { created_at: Created, closed_at: Closed, stage: Stage, amount: Amount, lead_source: Lead Source, how_heard: How Heard } }
  roles: { system: sales, file: roles.csv, fields: { opportunity_id: Opportunity, email: Email, is_primary: Primary } }
  touches: { system: marketing, file: touches.csv, id: Touch, timezone: UTC, fields: { email: Email, touched_at: Touched, channel: Channel, campaign: Campaign } }
  hubspot: { system: marketing, file: hubspot.csv, id: Id, fields: { email: Email, mql_at: MQL Date } }
  spend: { system: finance, file: spend.csv, fields: { month: Month, channel: Channel, amount: Amount } }
identity: { key: email }
metrics:
  MQL: { source: hubspot, date: mql_at }
  Opportunity: { source: opps, date: created_at, value: amount }
  Won: { source: opps, date: closed_at, value: amount, exclude: { not_won: "stage <> 'Closed Won'" } }
links:
  opportunity_people: { source: roles, from: opportunity_id, to: email, primary: "is_primary = 'true'" }
touches:
  source: touches
  key: email
  date: touched_at
  channel: channel
  campaign: campaign
  marketing_channels: [Paid Search, Paid Social, Email, Webinar, Events]
attribution:
  - name: Q3 pipeline
    opportunities: Opportunity
    via: opportunity_people
    people: ${people}
    models: [first_touch, last_touch, linear, u_shaped, w_shaped, time_decay, self_reported]
    time_decay: { half_life: 7 days }
    w_shaped: { milestone: MQL }
    self_reported: { field: how_heard, map: { Google: Paid Search, "a friend": Referral } }
    sourced: { crm: "lead_source = 'Web'", touches: first_touch }
shared_metrics:
  period_metric: Won
  spend: { source: spend, date: month, value: amount, channel: channel }
`,
  );
  return file;
}

async function readAttribution(people: 'all' | 'primary') {
  const dir = fs.mkdtempSync(path.join(work, people));
  const inv = await openInvestigation(writeContract(dir, people));
  const report = await inv.getMetricsReport();
  return { inv, report, entry: report.attribution[0] as AttributionReport };
}

/** channel or channel / campaign -> credit, opportunities and ids, in report order. */
function readLines(lines: CreditLine[] | undefined): [string, number, string[]][] {
  return (lines ?? []).map((l) => [l.campaign === null ? l.channel : `${l.channel} / ${l.campaign}`, l.credit, l.ids]);
}

/** Half away from zero, once per line (revenue.md). */
const cents = (x: number) => Math.round(x * 100) / 100;

describe('attribution, every person on the deal (people: all)', () => {
  it('credits each model by its weights, with the No touch line, and every model adds up to the total', async () => {
    const { inv, entry } = await readAttribution('all');
    try {
      expect(entry.basis).toBe('interpretation');
      expect(entry.depends_on).toMatch(/^lookback 365 days; people all via opportunity_people; time_decay half-life 7 days; w_shaped milestone MQL/);
      expect(entry.total).toBe(180.01);
      expect(entry.no_touch).toEqual({ count: 1, value: 30, ids: ['O3'] });
      const channelLines = (model: keyof AttributionReport['models']) => readLines(entry.models[model]).filter(([name]) => !name.includes(' / '));
      expect(channelLines('first_touch')).toEqual([['Paid Search', 100.01, ['O1']], ['Sales Outreach', 50, ['O2']], ['No touch', 30, ['O3']]]);
      expect(channelLines('last_touch')).toEqual([['Email', 100.01, ['O1']], ['Paid Social', 50, ['O2']], ['No touch', 30, ['O3']]]);
      // 100.01 / 4 = 25.0025 per touch of O1, 25 per touch of O2.
      expect(channelLines('linear')).toEqual([['No touch', 30, ['O3']], ['Email', 25, ['O1']], ['Events', 25, ['O1']], ['Paid Search', 25, ['O1']], ['Paid Social', 25, ['O2']], ['Sales Outreach', 25, ['O2']], ['Webinar', 25, ['O1']]]);
      // U: 40% first and last, 20% over the two middle touches; two touches split 50/50.
      expect(channelLines('u_shaped')).toEqual([['Email', 40, ['O1']], ['Paid Search', 40, ['O1']], ['No touch', 30, ['O3']], ['Paid Social', 25, ['O2']], ['Sales Outreach', 25, ['O2']], ['Events', 10, ['O1']], ['Webinar', 10, ['O1']]]);
      // W: the milestone is t2 (the last touch by 08-05 00:00, the end of a's MQL day): 30% each to t1, t2, t4, 10% to t3.
      // O2 has no milestone (c is no MQL): 45% first, 45% last, the 10% split over both.
      expect(channelLines('w_shaped')).toEqual([['Email', 30, ['O1']], ['Events', 30, ['O1']], ['No touch', 30, ['O3']], ['Paid Search', 30, ['O1']], ['Paid Social', 25, ['O2']], ['Sales Outreach', 25, ['O2']], ['Webinar', 10, ['O1']]]);
      expect(channelLines('self_reported')).toEqual([['Paid Search', 100.01, ['O1']], ['Not reported', 50, ['O2']], ['Referral', 30, ['O3']]]);
      // Time decay over 9, 7, 5 and 0 days with a 7-day half-life; O2's two touches are both a day old.
      const w = [9, 7, 5, 0].map((d) => 2 ** (-d / 7));
      const sum = w.reduce((a, b) => a + b, 0);
      const decayed = Object.fromEntries(readLines(entry.models.time_decay).map(([name, credit]) => [name, credit]));
      expect(decayed).toEqual({
        'Paid Search': cents((10001 * (w[0] ?? 0)) / sum / 100),
        'Paid Search / Brand': cents((10001 * (w[0] ?? 0)) / sum / 100),
        Events: cents((10001 * (w[1] ?? 0)) / sum / 100),
        'Events / Expo': cents((10001 * (w[1] ?? 0)) / sum / 100),
        Webinar: cents((10001 * (w[2] ?? 0)) / sum / 100),
        'Webinar / (no campaign)': cents((10001 * (w[2] ?? 0)) / sum / 100),
        Email: cents((10001 * (w[3] ?? 0)) / sum / 100),
        'Email / Nurture': cents((10001 * (w[3] ?? 0)) / sum / 100),
        'Paid Social': 25,
        'Paid Social / Retarget': 25,
        'Sales Outreach': 25,
        'Sales Outreach / (no campaign)': 25,
        'No touch': 30,
      });
      for (const [model, lines] of Object.entries(entry.models)) {
        const total = (lines ?? []).filter((l) => l.campaign === null).reduce((a, l) => a + l.credit, 0);
        expect(Math.abs(total - entry.total), model).toBeLessThanOrEqual(0.01 * (lines?.length ?? 0));
      }
    } finally {
      inv.close();
    }
  });

  it('splits sourced into the four-line bridge, reports influenced and the agreement matrix, and feeds the shared metrics', async () => {
    const { inv, entry, report } = await readAttribution('all');
    try {
      // O1: Web and a Paid Search first touch; O2: Partner and a Sales Outreach first touch (the tie goes to the earlier row); O3: Web, no touch.
      expect(entry.sourced).toEqual({
        both: { count: 1, value: 100.01, ids: ['O1'] },
        crm_only: { count: 1, value: 30, ids: ['O3'] },
        touches_only: { count: 0, value: 0, ids: [] },
        neither: { count: 1, value: 50, ids: ['O2'] },
      });
      expect(entry.influenced).toEqual({ count: 2, value: 150.01, ids: ['O1', 'O2'] });
      expect(entry.agreement?.first_touch?.map((c) => [c.reported, c.touched, c.ids])).toEqual([
        ['Not reported', 'Sales Outreach', ['O2']],
        ['Paid Search', 'Paid Search', ['O1']],
        ['Referral', 'No touch', ['O3']],
      ]);
      const shared = Object.fromEntries(report.shared_metrics.map((m) => [`${m.name} ${m.by ?? '(all)'}`, [m.value, m.basis, m.ids]]));
      // O4 was created in June but won in July: its first touch (t6, 317 days before) sources it.
      expect(shared['marketing_sourced_revenue touches']).toEqual([1099.01, 'interpretation', ['O1', 'O4']]);
      expect(shared['cac (all)']).toEqual([400, 'fact', ['O1', 'O4']]);
      expect(shared['cac Paid Search']).toEqual([250, 'interpretation', ['O1', 'O4']]);
      expect(shared['cac Events']).toEqual([null, 'interpretation', []]);
    } finally {
      inv.close();
    }
  });

  it("opens a deal's touches with each model's share, the milestone, and why the others do not count", async () => {
    const { inv } = await readAttribution('all');
    try {
      const deal = await inv.traceDealTouches('Q3 pipeline', 'O1');
      expect(deal.people).toEqual(['a@x.com', 'b@x.com']);
      expect(deal.milestone).toBe('t2');
      expect(deal.touches.map((t) => [t.id, t.status])).toEqual([
        ['t1', 'counted'],
        ['t2', 'counted'],
        ['t3', 'counted'],
        ['t4', 'counted'],
        ['t6', 'before_lookback'],
        ['t5', 'after_deal'],
      ]);
      expect(deal.touches[1]?.shares).toMatchObject({ linear: 0.25, u_shaped: 0.1, w_shaped: 0.3 });
      expect(deal.selfReported).toEqual({ answer: 'google', channel: 'Paid Search' });
      expect(deal.sourced).toEqual({ crm: true, touches: true, influenced: true });
      const touches = await inv.fetchMetricRecords({ attribution: 'Q3 pipeline', model: 'linear', channel: 'Email', campaign: 'Nurture', list: 'touches' }, { offset: 0, limit: 10 });
      expect(touches.rows.map((r) => r[0])).toEqual(['t4']);
      await expect(inv.traceDealTouches('Q3 pipeline', 'O9')).rejects.toThrow(/no opportunity 'O9'/);
    } finally {
      inv.close();
    }
  });
});

describe('attribution, primary contacts only (people: primary)', () => {
  it("leaves out the non-primary contact's touch and moves the milestone", async () => {
    const { inv, entry } = await readAttribution('primary');
    try {
      const channelLines = (model: keyof AttributionReport['models']) => readLines(entry.models[model]).filter(([name]) => !name.includes(' / '));
      // O1 keeps t1, t3, t4. The milestone is t1, also the first touch: 60% to it, 30% to t4, 10% to t3 (60.006 rounds up).
      expect(channelLines('w_shaped').filter(([name]) => ['Paid Search', 'Email', 'Webinar'].includes(name))).toEqual([
        ['Paid Search', 60.01, ['O1']],
        ['Email', 30, ['O1']],
        ['Webinar', 10, ['O1']],
      ]);
      expect(channelLines('u_shaped').find(([name]) => name === 'Webinar')).toEqual(['Webinar', 20, ['O1']]);
      expect(readLines(entry.models.linear).find(([name]) => name === 'Events')).toBeUndefined();
    } finally {
      inv.close();
    }
  });
});
