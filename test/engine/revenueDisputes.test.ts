// Where the engine and the reference reading of revenue.md disagree, each as its smallest case; `it.fails` until the integrator settles it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openInvestigation } from '../../electron/engine/openInvestigation';
import type { SharedMetricReport } from '../../shared/metricsReportTypes';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-revenue-disputes-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const FILES: Record<string, string> = {
  'opps.csv': [
    'Opportunity ID,Created,Closed,Stage,Amount,Lead Source,Test',
    'O1,2026-07-10,2026-08-10,Closed Won,1000.00,Web,true', // won, but a test deal: the opportunities metric excludes it
    'O2,2026-07-11,2026-08-11,Closed Won,500.00,Web,',
  ].join('\n'),
  'contacts.csv': 'Record ID,Email,MQL Date\n1,ann@x.com,2026-07-01\n',
  'roles.csv': 'Opportunity ID,Email\nO1,ann@x.com\n',
  'touches.csv': 'Email,Touched,Channel\nann@x.com,2026-07-01,Webinar\n',
  'sourced.recon.yaml': `contract: sourced and excluded
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

describe('disputed readings of revenue.md', () => {
  let sourced: SharedMetricReport | undefined;
  beforeAll(async () => {
    for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(path.join(work, name), text);
    const inv = await openInvestigation(path.join(work, 'sourced.recon.yaml'));
    try {
      sourced = (await inv.getMetricsReport()).shared_metrics.find((m) => m.name === 'marketing_sourced_revenue' && m.by === 'crm');
    } finally {
      inv.close();
    }
  });

  it('the case is read: marketing-sourced revenue by the CRM rule is reported, O2 in it', () => {
    expect(sourced?.ids).toContain('O2');
  });

  // revenue.md, Periods: a metric used "to decide whether an opportunity is sourced is taken without its period step ...
  // Exclusions and dedupe always apply." O1 is no opportunity (excluded as a test deal), so it has no sourced status and
  // its won value is not marketing-sourced revenue: 500.00 from O2 alone. The engine counts O1 too (1500.00).
  it.fails('a won deal that the opportunities metric excludes is not marketing-sourced revenue', () => {
    expect(sourced).toMatchObject({ value: 500, ids: ['O2'] });
  });
});
