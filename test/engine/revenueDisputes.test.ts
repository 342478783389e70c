// Readings of revenue.md the engine and the reference once disagreed on, each as its smallest case; settled as the reference reads them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openInvestigation } from '../../electron/engine/openInvestigation';
import type { MetricsReport, SharedMetricReport, SlaReport } from '../../shared/metricsReportTypes';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-revenue-disputes-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Writes the files of one case into its own folder and returns the engine's metrics report of its contract. */
async function reportCase(name: string, files: Record<string, string>): Promise<MetricsReport> {
  const dir = path.join(work, name);
  fs.mkdirSync(dir);
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
  const inv = await openInvestigation(path.join(dir, 'case.recon.yaml'));
  try {
    return await inv.getMetricsReport();
  } finally {
    inv.close();
  }
}

const SOURCED_EXCLUDED: Record<string, string> = {
  'opps.csv': [
    'Opportunity ID,Created,Closed,Stage,Amount,Lead Source,Test',
    'O1,2026-07-10,2026-08-10,Closed Won,1000.00,Web,true', // won, but a test deal: the opportunities metric excludes it
    'O2,2026-07-11,2026-08-11,Closed Won,500.00,Web,',
  ].join('\n'),
  'contacts.csv': 'Record ID,Email,MQL Date\n1,ann@x.com,2026-07-01\n',
  'roles.csv': 'Opportunity ID,Email\nO1,ann@x.com\n',
  'touches.csv': 'Email,Touched,Channel\nann@x.com,2026-07-01,Webinar\n',
  'case.recon.yaml': `contract: sourced and excluded
version: 1
reporting:
  timezone: America/New_York
  period: { from: 2026-07-01, to: 2026-09-30 }
  currency: USD
sources:
  contacts: { system: marketing, file: contacts.csv, id: Record ID, fields: { email: Email, mql_at: MQL Date } }
  opps: { system: sales, file: opps.csv, id: Opportunity ID, fields: { created: Created, closed: Closed, stage: Stage, amount: Amount, lead_source: Lead Source, is_test: Test } }
  roles: { system: sales, file: roles.csv, fields: { opportunity_id: Opportunity ID, email: Email } }
  touches: { system: marketing, file: touches.csv, fields: { email: Email, touched_at: Touched, channel: Channel } }
identity: { key: email }
metrics:
  MQL: { source: contacts, date: mql_at }
  Opportunity:
    source: opps
    date: created
    value: amount
    exclude: { test: "is_test = 'true'" }
  Won:
    source: opps
    date: closed
    value: amount
    exclude: { not_won: "stage <> 'Closed Won'" }
links:
  opportunity_people: { source: roles, from: opportunity_id, to: email }
touches: { source: touches, key: email, date: touched_at, channel: channel }
attribution:
  - name: Pipeline
    opportunities: Opportunity
    via: opportunity_people
    models: [first_touch]
    sourced: { crm: "lead_source = 'Web'", touches: first_touch }
shared_metrics:
  period_metric: Won
reconcile: []
`,
};

// On 1 November 2026 New York's clocks go back at 06:00 UTC (02:00 EDT becomes 01:00 EST). The sources are read in UTC.
const CLOCKS_GO_BACK: Record<string, string> = {
  'contacts.csv': [
    'Record ID,Email,MQL Date',
    '1,a@x.com,2026-11-01 05:30', // 01:30 EDT
    '2,c@x.com,2026-11-01 05:50', // 01:50 EDT
  ].join('\n'),
  'tasks.csv': [
    'Email,Date',
    'a@x.com,2026-11-01 06:45', // 01:45 EST: 75 minutes later, 15 on the wall clock
    'c@x.com,2026-11-01 06:10', // 01:10 EST: 20 minutes later, before it on the wall clock
  ].join('\n'),
  'case.recon.yaml': `contract: clocks go back
version: 1
reporting:
  timezone: America/New_York
  period: { from: 2026-10-01, to: 2026-11-30 }
sources:
  contacts: { system: marketing, file: contacts.csv, id: Record ID, timezone: UTC, fields: { email: Email, mql_at: MQL Date } }
  tasks: { system: sales, file: tasks.csv, timezone: UTC, fields: { email: Email, done_at: Date } }
identity: { key: email }
metrics:
  MQL: { source: contacts, date: mql_at }
funnels:
  - { name: MQLs, cohort: MQL, key: email, stages: [{ metric: MQL }] }
shared_metrics:
  period_metric: MQL
  sla:
    - name: Speed to lead
      from: MQL
      to: { source: tasks, key: email, date: done_at }
      within: 1 hours
reconcile: []
`,
};

describe('readings of revenue.md the engine and the reference disagreed on', () => {
  let sourced: SharedMetricReport | undefined;
  let sla: SlaReport | undefined;
  beforeAll(async () => {
    sourced = (await reportCase('sourced', SOURCED_EXCLUDED)).shared_metrics.find((m) => m.name === 'marketing_sourced_revenue' && m.by === 'crm');
    sla = (await reportCase('fold', CLOCKS_GO_BACK)).sla[0];
  });

  it('the cases are read: marketing-sourced revenue by the CRM rule is reported, O2 in it; the SLA times both MQLs', () => {
    expect(sourced?.ids).toContain('O2');
    expect((sla?.met.count ?? 0) + (sla?.breached.count ?? 0) + (sla?.never.count ?? 0)).toBe(2);
  });

  // revenue.md, Periods: a metric used "to decide whether an opportunity is sourced is taken without its period step ...
  // Exclusions and dedupe always apply." O1 is no opportunity (excluded as a test deal), so it has no sourced status and
  // its won value is not marketing-sourced revenue: 500.00 from O2 alone. (Disputed until revengine f67e10a, which agrees.)
  it('a won deal that the opportunities metric excludes is not marketing-sourced revenue', () => {
    expect(sourced).toMatchObject({ value: 500, ids: ['O2'] });
  });

  // revenue.md, SLA: "the first to row ... whose instant is strictly after the record's instant; the minutes between".
  // Instants are points in time: MQL 1 waited 75 minutes (breached), MQL 2 20 minutes (met); on the reporting zone's
  // wall clock they would be 15 minutes (met) and "before" (never).
  it('an SLA clock runs in real minutes across the end of daylight saving', () => {
    expect(sla).toMatchObject({ met: { ids: ['2'] }, breached: { ids: ['1'] }, never: { count: 0 }, median_minutes: 47.5 });
  });
});
