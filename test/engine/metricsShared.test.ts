// SLAs and shared metrics of revenue.md on the planted fixture (metricsFixture.ts): each figure worked out by hand from the rows.
import { beforeAll, describe, expect, it } from 'vitest';
import type { MetricsReport, SharedMetricReport } from '../../shared/metricsReportTypes';
import { FILES, openMetricsFixture } from './metricsFixture';
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

function shared(name: string, by: string | null): SharedMetricReport {
  const found = report.shared_metrics.find((m) => m.name === name && m.by === by);
  if (!found) throw new Error(`no shared metric ${name} by ${by}`);
  return found;
}

describe('the SLA: first matching task strictly after the MQL, in minutes', () => {
  it('reads date-only values as the end of their day in New York and tasks in UTC', () => {
    const sla = report.sla[0];
    // h1 (07-01, a date: 07-02 00:00 EDT): t1 is 19:00 EDT on 07-01, before; t2 06:00 EDT: 360 minutes, met.
    // h2 (09:30 EDT): t3 is the same instant (not after), t4 a meeting; t5 is 25 hours later: 1500 minutes, breached.
    // h3 (07-11 00:00 EDT): t6 is a date too, 07-13 00:00 EDT: 2880 minutes, breached.
    // h8 (08-02 00:00 EDT): t7 at 04:00Z on 08-03 is exactly 24 hours later: met (at most `within`).
    // h9 has no task: never. h4 has no key: not in the population. h5-h7 are not net MQLs.
    expect(sla).toMatchObject({
      name: 'Speed to lead',
      basis: 'fact',
      met: { count: 2, ids: ['h1', 'h8'] },
      breached: { count: 2, ids: ['h2', 'h3'] },
      never: { count: 1, ids: ['h9'] },
      met_share: 0.4,
    });
    // Over 360, 1440, 1500, 2880: median (1440 + 1500) / 2; p90 at position 2.7: 1500 + 0.7 x 1380.
    expect(sla?.median_minutes).toBe(1470);
    expect(sla?.p90_minutes).toBeCloseTo(2466, 9);
    checkMetricsInvariants(report);
  });

  it('counts elapsed minutes across a daylight-saving change', async () => {
    // 2026-11-01 is the end of DST in New York: from 00:00 EDT on 11-01 to 00:00 EST on 11-02 is 25 hours.
    const files = {
      ...FILES,
      'hubspot.csv': 'Id,Email,MQL Date\nh1,a@x.com,2026-09-30 23:00',
      'tasks.csv': 'Task,Email,Done,Type\nt1,a@x.com,2026-11-02T05:00:00Z,Call',
    };
    const inv = await openMetricsFixture({ files, periodTo: '2026-11-30' });
    try {
      const sla = (await inv.getMetricsReport()).sla[0];
      // 2026-09-30 23:00 EDT to 2026-11-02 00:00 EST: 32 days and 1 hour on the wall clock, plus the hour given back.
      expect(sla?.breached.ids).toEqual(['h1']);
      expect(sla?.median_minutes).toBe((32 * 24 + 2) * 60);
    } finally {
      inv.close();
    }
  });
});

describe('shared metrics', () => {
  it('lists the entries in revenue.md order with basis and a one-line depends_on each', () => {
    expect(report.shared_metrics.map((m) => [m.name, m.by, m.basis])).toEqual([
      ['marketing_sourced_revenue', 'crm', 'fact'],
      ['marketing_sourced_revenue', 'touches', 'interpretation'],
      ['lead_to_revenue', 'Q3 MQLs to revenue', 'fact'],
      ['win_rate', null, 'fact'],
      ['win_rate', '(empty)', 'fact'],
      ['win_rate', 'Partner', 'fact'],
      ['win_rate', 'Web', 'fact'],
      ['pipeline_velocity', null, 'interpretation'],
      ['cac', null, 'fact'],
      ['cac', 'Events', 'interpretation'],
      ['cac', 'Paid Search', 'interpretation'],
      ['cac', 'Webinar', 'interpretation'],
    ]);
    for (const m of report.shared_metrics) expect(m.depends_on).toMatch(/^[^\n]+$/);
  });

  it("attribution's first touch: a's Webinar touch of June 15 sources O1; the Q3 opportunities without touches go to No touch", () => {
    // O4 (created June 1) is before the touch; O2, O3, O5, O6 and O7 have no touch. Q3's opportunities add up to $2,850.
    const entry = report.attribution[0];
    expect(entry?.total).toBe(2850);
    expect(entry?.models.first_touch?.map((l) => [l.channel, l.credit, l.ids])).toEqual([
      ['No touch', 1850, ['O2', 'O3', 'O5', 'O6', 'O7']],
      ['Webinar', 1000, ['O1']],
    ]);
  });

  it('marketing-sourced revenue by touches and CAC per channel: the won deals whose largest share is a marketing touch', () => {
    // Won in Q3: O1, O2, O4; only O1 has a touch in its lookback (every channel is marketing: no marketing_channels).
    expect(shared('marketing_sourced_revenue', 'touches')).toMatchObject({ value: 1000, basis: 'interpretation', ids: ['O1'] });
    // Q3 spend on Webinar ($250.50) over O1, the one deal it sources; nothing won is sourced by Events or Paid Search.
    expect(shared('cac', 'Webinar')).toMatchObject({ value: 250.5, ids: ['O1'] });
    expect(shared('cac', 'Events')).toMatchObject({ value: null, ids: [] });
    expect(shared('cac', 'Paid Search')).toMatchObject({ value: null, ids: [] });
  });

  it('marketing-sourced revenue by CRM: the rule on each won deal of the period', () => {
    // Won in Q3: O1 (Web, $1,000), O2 (empty, $500), O4 (Partner, $300); O6 closes in October. Only O1 is Web.
    expect(shared('marketing_sourced_revenue', 'crm')).toMatchObject({ value: 1000, ids: ['O1'] });
  });

  it('lead to revenue: the last stage reached over the cohort', () => {
    expect(shared('lead_to_revenue', 'Q3 MQLs to revenue')).toMatchObject({ value: 1 / 6, ids: ['h1'] });
  });

  it('win rate overall and by lead source, an empty source as (empty)', () => {
    // Lost in Q3: O3 (Web, $200), O7 (blank, $400). Overall 3 / 5 and $1,800 / $2,400.
    // Each opens to the won and the lost records it is computed from.
    expect(shared('win_rate', null)).toMatchObject({ value: 0.6, value_rate: 0.75, ids: ['O1', 'O2', 'O3', 'O4', 'O7'] });
    // (empty): O2 won, O7 lost: 1 / 2 and 500 / 900. Partner: O4 alone. Web: O1 won, O3 lost: 1 / 2 and 1000 / 1200.
    expect(shared('win_rate', '(empty)')).toMatchObject({ value: 0.5, value_rate: 500 / 900, ids: ['O2', 'O7'] });
    expect(shared('win_rate', 'Partner')).toMatchObject({ value: 1, value_rate: 1, ids: ['O4'] });
    expect(shared('win_rate', 'Web')).toMatchObject({ value: 0.5, value_rate: 1000 / 1200, ids: ['O1', 'O3'] });
  });

  it('win rate overall only when the contract groups it by nothing', async () => {
    const inv = await openMetricsFixture({ withoutWinRateBy: true });
    try {
      const rates = (await inv.getMetricsReport()).shared_metrics.filter((m) => m.name === 'win_rate');
      expect(rates).toEqual([shared('win_rate', null)]);
    } finally {
      inv.close();
    }
  });

  it('pipeline velocity with its inputs', () => {
    // Opportunities created in Q3: O1, O2, O3, O5, O6, O7 (O4 in June). Average won value 1800 / 3 = 600.
    // Days from created to closed over the won deals: O1 17, O2 51, O4 31: 33. 6 x 0.6 x 600 / 33 = 65.4545...
    expect(shared('pipeline_velocity', null)).toMatchObject({
      value: 65.45,
      inputs: { opportunities: 6, win_rate: 0.6, average_won_value: 600, average_days: 33 },
      ids: ['O1', 'O2', 'O3', 'O5', 'O6', 'O7'],
    });
  });

  it('CAC: spend of the period, YYYY-MM as the first of the month, over the won deals', async () => {
    // In Q3: 2026-07 ($1,000.02), 2026-09 ($500), 9/15/2026 ($250.50) = $1,750.52; June and October are out.
    // 1750.52 / 3 = 583.5066...: $583.51.
    expect(shared('cac', null)).toMatchObject({ value: 583.51, ids: ['O1', 'O2', 'O4'] });
    // The months are dates, not unreadable values of the spend sheet's import summary.
    const inv = await openMetricsFixture();
    try {
      expect((await inv.getReport()).sources.find((s) => s.name === 'spend')?.unreadable).toEqual([]);
    } finally {
      inv.close();
    }
  });

  it('leaves out what the contract does not ask for: no lost metric, no win rate and no velocity value', async () => {
    const inv = await openMetricsFixture({ withoutLost: true });
    try {
      const metrics = (await inv.getMetricsReport()).shared_metrics;
      expect(metrics.map((m) => m.name)).toEqual(['lead_to_revenue', 'pipeline_velocity', 'cac']);
      expect(metrics[1]).toMatchObject({ value: null, inputs: { opportunities: 6, win_rate: null, average_won_value: 600, average_days: 33 } });
    } finally {
      inv.close();
    }
  });

  it('refuses an SLA rule that reads another table before anything is computed, naming its key and line', async () => {
    await expect(openMetricsFixture({ slaWhere: "type IN (SELECT 'Call')" })).rejects.toThrow(
      /revenue\.recon\.yaml:\d+: shared_metrics\.sla\[0\]\.to\.where: the where rule of SLA 'Speed to lead' is refused/,
    );
  });
});
