// A small revenue investigation for the metrics tests: MQLs, SQLs, opportunities with contact roles, tasks and spend, in a temp dir.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openInvestigation, type Investigation } from '../../electron/engine/openInvestigation';

/**
 * Planted rows (reporting zone America/New_York, period Q3 2026). Comments on each row say what it is for;
 * the tests work out every expected figure from these rows by hand.
 */
export const FILES: Record<string, string> = {
  'hubspot.csv': [
    'Id,Email,MQL Date',
    'h1,a@x.com,2026-07-01', // cohort; SLA clock starts at the end of the day
    'h2,b@x.com,2026-07-05 09:30', // cohort; an instant
    'h3,c@x.com,2026-07-10', // cohort; misses stage 1 (window + 1), reaches stage 2: skipped
    'h4,,2026-07-12', // cohort with an empty key: reaches nothing, not in the SLA
    'h5,A@x.com ,2026-07-03', // duplicate of h1 (same key after trim, lowercase)
    'h6,z@acme.com,2026-07-02', // excluded: internal
    'h7,d@x.com,2026-06-20', // out of period: no cohort record
    'h8,e@x.com,2026-08-01', // cohort; the SLA met at exactly 24 hours
    'h9,f@x.com,2026-09-30', // cohort; no task: never
  ].join('\n'),
  'leads.csv': [
    'Lead Id,Email,SQL Date,Status',
    'L1,a@x.com,2026-07-01,ok', // the same day as h1: reached after 0 days
    'L2,B@X.com,2026-08-04,ok', // exactly 30 days after h2: reached
    'L3,c@x.com,2026-08-10,ok', // 31 days after h3: not reached, outside the cohort
    'L4,f@x.com,2026-09-29,ok', // the day before h9: not reached, outside the cohort
    'L5,e@x.com,2026-08-03,junk', // excluded: never counts
    'L6,d@x.com,2026-06-25,ok', // d is in no cohort (MQL out of period): outside the cohort
    'L7,e@x.com,,ok', // no date: never counts
    'L8,a@x.com,2026-07-04,ok', // duplicate of L1 (earliest kept): never counts
  ].join('\n'),
  'opps.csv': [
    'Opp ID,Created,Closed,Amount,Stage,Lead Source',
    'O1,2026-07-03,2026-07-20,"$1,000.00",Closed Won,Web',
    'O2,2026-07-12,2026-09-01,500,Closed Won,',
    'O3,2026-07-06,2026-07-10,200,Closed Lost,Web',
    'O4,2026-06-01,2026-07-02,300,Closed Won,Partner',
    'O5,2026-07-20,,50,Open,Web',
    'O6,2026-08-01,2026-10-05,700,Closed Won,Web',
    'O7,2026-07-15,2026-08-15,400,Closed Lost, ',
  ].join('\n'),
  'roles.csv': ['Opportunity,Contact Email', 'O1,a@x.com', 'O1, A@X.com', ' O2 ,c@x.com', 'O3,b@x.com', 'O4,a@x.com'].join('\n'),
  'tasks.csv': [
    'Task,Email,Done,Type',
    't1,a@x.com,2026-07-01T23:00:00,Call', // 19:00 in New York: before h1's end of day
    't2,a@x.com,2026-07-02 10:00,Email', // 06:00 in New York: 360 minutes after h1
    't3,b@x.com,2026-07-05 13:30,Call', // 09:30 in New York: the very instant of h2, not after it
    't4,b@x.com,2026-07-05 14:00,Meeting', // not a matching type
    't5,b@x.com,2026-07-06 14:30,Call', // 25 hours after h2: 1500 minutes
    't6,c@x.com,2026-07-12,Call', // a date alone: the end of 07-12 in New York, 2880 minutes after h3
    't7,E@x.com,2026-08-03T04:00:00Z,Email', // 00:00 of 08-03 in New York: exactly 24 hours after h8
  ].join('\n'),
  'spend.csv': [
    'Month,Channel,Amount',
    '2026-07,Paid Search,"$1,000.02"', // July 1st: in
    '2026-09,Events,500', // in
    '2026-06,Email,800', // June: out
    '2026-10-01,Content,200', // out
    '9/15/2026,Webinar,250.50', // in
  ].join('\n'),
  // Read by no figure before issue 9's attribution; the contract's attribution entry needs its touches.
  'touches.csv': 'Email,Touched,Channel\na@x.com,2026-06-15,Webinar',
};

export interface FixtureOptions {
  window?: string;
  /** The period's last day (default 2026-09-30). */
  periodTo?: string;
  /** Leave out `shared_metrics.lost` (and the attribution entry whose sourced.crm is read). */
  withoutLost?: boolean;
  /** Leave out `shared_metrics.win_rate_by` (a win rate overall only). */
  withoutWinRateBy?: boolean;
  /** An SLA `where` in place of the fixture's. */
  slaWhere?: string;
  /** Files in place of the fixture's. */
  files?: Record<string, string>;
}

/** The contract over FILES, as a person writes it (revenue.md's keys on contract.md's sources and metrics, no reconcile). */
export function writeContractText(options: FixtureOptions = {}): string {
  const attribution = `
touches: { source: touches, key: email, date: touched_at, channel: channel }
attribution:
  - name: Q3 pipeline
    opportunities: Opportunity
    via: opportunity_people
    models: [first_touch]
    sourced: { crm: "lead_source IN ('Web', 'Paid Search')" }
`;
  return `contract: Revenue fixture
version: 1
reporting:
  timezone: America/New_York
  period: { from: 2026-07-01, to: ${options.periodTo ?? '2026-09-30'} }
  currency: USD
sources:
  hubspot: { system: marketing, file: hubspot.csv, id: Id, fields: { email: Email, mql_at: MQL Date } }
  leads: { system: sales, file: leads.csv, id: Lead Id, fields: { email: Email, sql_at: SQL Date, status: Status } }
  opps:
    system: sales
    file: opps.csv
    id: Opp ID
    fields: { created_at: Created, closed_at: Closed, amount: Amount, stage: Stage, lead_source: Lead Source }
  roles: { system: sales, file: roles.csv, fields: { opportunity_id: Opportunity, email: Contact Email } }
  tasks: { system: sales, file: tasks.csv, id: Task, timezone: UTC, fields: { email: Email, done_at: Done, type: Type } }
  spend: { system: finance, file: spend.csv, fields: { month: Month, channel: Channel, amount: Amount } }
  touches: { system: marketing, file: touches.csv, fields: { email: Email, touched_at: Touched, channel: Channel } }
identity: { key: email }
metrics:
  MQL:
    source: hubspot
    date: mql_at
    exclude: { internal: "email LIKE '%@acme.com'" }
  SQL:
    source: leads
    date: sql_at
    exclude: { junk: "status = 'junk'" }
  Opportunity: { source: opps, date: created_at, value: amount }
  Won:
    source: opps
    date: closed_at
    value: amount
    exclude: { not_won: "stage <> 'Closed Won'" }
  Lost:
    source: opps
    date: closed_at
    value: amount
    exclude: { not_lost: "stage <> 'Closed Lost'" }
links:
  opportunity_people: { source: roles, from: opportunity_id, to: email }
funnels:
  - name: Q3 MQLs to revenue
    cohort: MQL
    key: email
    stages:
      - { metric: SQL }
      - { metric: Opportunity, via: opportunity_people }
      - { metric: Won, via: opportunity_people }
    window: ${options.window ?? '30 days'}
${options.withoutLost ? '' : attribution}
shared_metrics:
  period_metric: Won
${options.withoutLost ? '' : '  lost: Lost\n'}  opportunities: Opportunity
${options.withoutWinRateBy ? '' : '  win_rate_by: lead_source\n'}  spend: { source: spend, date: month, value: amount, channel: channel }
  sla:
    - name: Speed to lead
      from: MQL
      to: { source: tasks, key: email, date: done_at, where: "${options.slaWhere ?? "type IN ('Call', 'Email')"}" }
      within: 24 hours
`;
}

/** Writes the files and the contract to a temp dir and opens it as the CLI does; returns the contract's path too. */
export async function openMetricsFixture(options: FixtureOptions = {}): Promise<Investigation> {
  return openInvestigation(writeMetricsFixture(options));
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-metrics-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
let runs = 0;

export function writeMetricsFixture(options: FixtureOptions = {}): string {
  const dir = path.join(work, String(runs++));
  fs.mkdirSync(dir);
  for (const [name, text] of Object.entries(options.files ?? FILES)) fs.writeFileSync(path.join(dir, name), `${text}\n`);
  const file = path.join(dir, 'revenue.recon.yaml');
  fs.writeFileSync(file, writeContractText(options));
  return file;
}
