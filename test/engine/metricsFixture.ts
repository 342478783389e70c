// A small revenue investigation for the metrics tests: MQLs, SQLs, opportunities with contact roles, tasks and spend, in a temp dir.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Contract, MetricSpec, SourceSpec } from '../../shared/contractTypes';
import type { RevenueSpec } from '../../shared/revenueContractTypes';
import { bindInvestigation, type Investigation } from '../../electron/engine/bindInvestigation';
import { compileInvestigation } from '../../electron/engine/compileInvestigation';
import { openDatabase } from '../../electron/engine/openDatabase';

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
};

function source(name: string, file: string, id: string | undefined, fields: Record<string, string>, timezone = 'America/New_York'): SourceSpec {
  return { name, system: 'other', file, timezone, ...(id === undefined ? {} : { id }), fields, line: 1 };
}

function metric(name: string, src: string, date: string, extra: Partial<MetricSpec> = {}): MetricSpec {
  return { name, source: src, date, exclude: [], dedupe: 'earliest', dedupeValues: 'survivor', line: 1, ...extra };
}

const rule = (name: string, expression: string) => ({ name, expression, line: 1 });

export const REVENUE: RevenueSpec = {
  links: [{ name: 'opportunity_people', source: 'roles', from: 'opportunity_id', to: 'email', normalizeFrom: ['trim'], line: 1 }],
  funnels: [
    {
      name: 'Q3 MQLs to revenue',
      cohort: 'MQL',
      key: 'email',
      stages: [
        { metric: 'SQL', line: 1 },
        { metric: 'Opportunity', via: 'opportunity_people', line: 1 },
        { metric: 'Won', via: 'opportunity_people', line: 1 },
      ],
      windowDays: 30,
      windowText: '30 days',
      line: 1,
    },
  ],
  attribution: [
    {
      name: 'Q3 pipeline',
      opportunities: 'Opportunity',
      via: 'opportunity_people',
      people: 'all',
      lookback: { text: '365 days', hours: 365 * 24 },
      models: ['first_touch'],
      sourced: { crm: "lead_source IN ('Web', 'Paid Search')" },
      line: 1,
    },
  ],
  sharedMetrics: {
    periodMetric: 'Won',
    lost: 'Lost',
    opportunities: 'Opportunity',
    winRateBy: 'lead_source',
    spend: { source: 'spend', date: 'month', value: 'amount', channel: 'channel', line: 1 },
    sla: [
      {
        name: 'Speed to lead',
        from: 'MQL',
        to: { source: 'tasks', key: 'email', date: 'done_at', where: "type IN ('Call', 'Email')" },
        within: { text: '24 hours', hours: 24 },
        line: 1,
      },
    ],
    line: 1,
  },
};

export function buildContract(revenue: RevenueSpec = REVENUE): Contract {
  const opp = { opportunity_id: 'Opp ID', created_at: 'Created', closed_at: 'Closed', amount: 'Amount', stage: 'Stage', lead_source: 'Lead Source' };
  return {
    title: 'Revenue fixture',
    version: '1',
    reporting: { timezone: 'America/New_York', from: '2026-07-01', to: '2026-09-30', currency: 'USD', rates: {} },
    sources: [
      source('hubspot', 'hubspot.csv', 'Id', { email: 'Email', mql_at: 'MQL Date' }),
      source('leads', 'leads.csv', 'Lead Id', { email: 'Email', sql_at: 'SQL Date', status: 'Status' }),
      source('opps', 'opps.csv', 'Opp ID', opp),
      source('roles', 'roles.csv', undefined, { opportunity_id: 'Opportunity', email: 'Contact Email' }),
      source('tasks', 'tasks.csv', 'Task', { email: 'Email', done_at: 'Done', type: 'Type' }, 'UTC'),
      source('spend', 'spend.csv', undefined, { month: 'Month', channel: 'Channel', amount: 'Amount' }),
    ],
    identity: { key: 'email', normalize: ['trim', 'lowercase'] },
    metrics: [
      metric('MQL', 'hubspot', 'mql_at', { exclude: [rule('internal', "email LIKE '%@acme.com'")] }),
      metric('SQL', 'leads', 'sql_at', { exclude: [rule('junk', "status = 'junk'")] }),
      metric('Opportunity', 'opps', 'created_at', { value: 'amount' }),
      metric('Won', 'opps', 'closed_at', { value: 'amount', exclude: [rule('not_won', "stage <> 'Closed Won'")] }),
      metric('Lost', 'opps', 'closed_at', { value: 'amount', exclude: [rule('not_lost', "stage <> 'Closed Lost'")] }),
    ],
    reconcile: [],
    revenue,
  };
}

/** Writes the files to a temp dir and compiles the contract into an in-memory DuckDB. */
export async function openMetricsFixture(contract: Contract = buildContract(), files: Record<string, string> = FILES): Promise<Investigation & { close(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-metrics-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), `${text}\n`);
  const db = await openDatabase();
  const model = await compileInvestigation(db, contract, { contractDir: dir, contractLabel: 'fixture.recon.yaml' });
  const investigation = bindInvestigation(db, contract, model, 'fixture.recon.yaml');
  return {
    ...investigation,
    close: () => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
