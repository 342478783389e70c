// Exports for money bridges set up in the browser: HubSpot deals vs a Salesforce opportunity report, and Maven's public pipeline split into two systems.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A field that a CSV writer would quote: commas, quotes. */
function quote(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function writeCsv(file: string, rows: string[][], before: string[] = [], after: string[] = []): void {
  writeFileSync(file, [...before, ...rows.map((r) => r.map(quote).join(',')), ...after].join('\n') + '\n');
}

export interface DealsExports {
  deals: string;
  opportunities: string;
}

/**
 * Seven HubSpot deals (America/New_York) and five Salesforce opportunities of a multi-currency org, each row
 * planted for one step of the bridge (the spec states what it expects of each):
 * 1001 vs AbCdE (15 vs 18 characters): amounts differ; 1002 vs AbCdF: EUR on both sides, close dates differ;
 * 1003 vs AbCdG: stage `contractsent` is Negotiation/Review only through the value map; 1004: created in October;
 * 1005: no Salesforce id; 1006: `zZz99`, the Salesforce id ZzZ99 in another case (must not match);
 * 1007 vs AbCdH: stage `qualifiedtobuy` vs Qualification, left unmapped; ZzZ99: only in Salesforce.
 */
export function writeDealsExports(folder: string): DealsExports {
  mkdirSync(folder, { recursive: true });
  const deals = path.join(folder, 'hubspot-deals-q3.csv');
  writeCsv(deals, [
    ['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Currency', 'Create Date', 'Close Date', 'Pipeline', 'Original Source Type', 'Salesforce Opportunity ID'],
    ['1001', 'Acme renewal', 'closedwon', '12,500.00', 'USD', '2026-07-05 10:00', '2026-08-01', 'Sales Pipeline', 'Paid Search', '0068c00000AbCdE'],
    ['1002', 'Globex expansion', 'closedlost', '1000', 'EUR', '2026-07-06 09:00', '2026-08-02', 'Sales Pipeline', 'Organic Search', '0068c00000AbCdF'],
    ['1003', 'Initech pilot', 'contractsent', '300', 'USD', '2026-07-07 11:30', '2026-08-03', 'Sales Pipeline', 'Direct Traffic', '0068c00000AbCdG'],
    ['1004', 'Umbrella', 'closedwon', '500', 'USD', '2026-10-07 10:00', '2026-11-03', 'Sales Pipeline', 'Paid Search', '0068c00000XyZ12'],
    ['1005', 'Hooli', 'closedwon', '800', 'USD', '2026-08-10 16:00', '2026-09-01', 'Sales Pipeline', 'Referrals', ''],
    ['1006', 'Soylent', 'appointmentscheduled', '2,000', 'USD', '2026-08-20 12:00', '2026-09-30', 'Sales Pipeline', 'Paid Social', '0068c00000zZz99'],
    ['1007', 'Wayne', 'qualifiedtobuy', '4,000.00', 'USD', '2026-09-02 08:00', '2026-09-15', 'Sales Pipeline', 'Events', '0068c00000AbCdH'],
  ]);
  const opportunities = path.join(folder, 'sf-opportunities-q3.csv');
  writeCsv(
    opportunities,
    [
      ['Opportunity Owner', 'Account Name', 'Opportunity Name', 'Stage', 'Amount Currency', 'Amount', 'Created Date', 'Close Date', 'Lead Source', 'Opportunity ID'],
      ['Ann Lee', 'Acme', 'Acme renewal', 'Closed Won', 'USD', '11,000.00', '7/5/2026', '8/1/2026', 'Web', '0068c00000AbCdEAAU'],
      ['Ann Lee', 'Globex', 'Globex expansion', 'Closed Lost', 'EUR', '1,000.00', '7/6/2026', '8/5/2026', 'Web', '0068c00000AbCdFAAU'],
      ['Bo Chen', 'Initech', 'Initech pilot', 'Negotiation/Review', 'USD', '300.00', '7/7/2026', '8/3/2026', 'Partner', '0068c00000AbCdGAAU'],
      ['Bo Chen', 'Stark', 'Stark deal', 'Closed Won', 'USD', '50.00', '7/8/2026', '8/3/2026', 'Phone Inquiry', '0068c00000ZzZ99AAA'],
      ['Cy Diaz', 'Wayne', 'Wayne pilot', 'Qualification', 'USD', '4,000.00', '9/2/2026', '9/15/2026', 'Trade Show', '0068c00000AbCdHAAE'],
    ],
    ['"Sourced pipeline Q3"', '"Opportunity Owner: All opportunities"', ''],
    ['', '"Grand Totals (5 records)"', '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."'],
  );
  return { deals, opportunities };
}

export interface MavenExports {
  marketing: string;
  crm: string;
  /** What the test expects, from the rows as written (never from the engine). */
  plan: { rows: MavenRow[]; dropped: Set<string>; changed: Set<string> };
}

export interface MavenRow {
  id: string;
  stage: string;
  engaged: string;
  /** close_value as exported: whole dollars, empty for open deals. */
  value: string;
}

const CRM_STAGES: Record<string, string> = { Won: 'Closed Won', Lost: 'Closed Lost', Engaging: 'Negotiation' };

function formatDollars(cents: number): string {
  return `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/**
 * Maven's sales_pipeline.csv (8,800 public opportunities) as two systems would export it: marketing keeps
 * Maven's own file (engaged deals only); the CRM writes every 25th of them nowhere, names stages its way,
 * writes dates M/D/YYYY and amounts as `$1,054.00`, and every 10th non-zero amount 5% higher.
 */
export function writeMavenExports(source: string, folder: string): MavenExports {
  mkdirSync(folder, { recursive: true });
  const [header, ...lines] = readFileSync(source, 'utf8').trim().split(/\r?\n/);
  const names = (header ?? '').split(',');
  const at = (name: string) => names.indexOf(name);
  const rows = lines.map((l) => l.split(',')).filter((r) => r[at('engage_date')] !== '');
  const plan: MavenExports['plan'] = { rows: [], dropped: new Set(), changed: new Set() };
  const crmRows: string[][] = [];
  rows.forEach((r, i) => {
    const row: MavenRow = { id: r[at('opportunity_id')] ?? '', stage: r[at('deal_stage')] ?? '', engaged: r[at('engage_date')] ?? '', value: r[at('close_value')] ?? '' };
    plan.rows.push(row);
    if (i % 25 === 24) {
      plan.dropped.add(row.id);
      return;
    }
    // Lost deals are worth 0: 5% more of nothing changes nothing.
    const changed = i % 10 === 3 && Number(row.value) > 0;
    if (changed) plan.changed.add(row.id);
    const cents = row.value === '' ? null : Number(row.value) * 100 * (changed ? 1.05 : 1);
    const [y, m, d] = row.engaged.split('-').map(Number);
    const close = r[at('close_date')] ?? '';
    const [cy, cm, cd] = close.split('-').map(Number);
    crmRows.push([
      row.id,
      r[at('account')] ?? '',
      `${r[at('account')] ?? ''} ${r[at('product')] ?? ''}`,
      CRM_STAGES[row.stage] ?? row.stage,
      cents === null ? '' : formatDollars(Math.round(cents)),
      `${m}/${d}/${y}`,
      close === '' ? '' : `${cm}/${cd}/${cy}`,
    ]);
  });
  const marketing = path.join(folder, 'maven_marketing_pipeline.csv');
  writeCsv(marketing, [names, ...rows]);
  const crm = path.join(folder, 'crm-opportunities-2017.csv');
  writeCsv(crm, [['Opportunity ID', 'Account Name', 'Opportunity Name', 'Stage', 'Amount', 'Created Date', 'Close Date'], ...crmRows]);
  return { marketing, crm, plan };
}
