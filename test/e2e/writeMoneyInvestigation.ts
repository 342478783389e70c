// A small deals-vs-opportunities investigation with money (EUR, a missing and an unreadable amount, value, stage and close date differences), and its plan.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** One HubSpot deal: the amount as exported, and what it is worth in USD cents by the plan (null: no amount). */
interface PlannedDeal {
  id: string;
  name: string;
  amount: string;
  currency: string;
  stage: string;
  created: string;
  close: string;
  opportunity: string;
  cents: number | null;
}

interface PlannedOpportunity {
  id: string;
  amount: string;
  stage: string;
  created: string;
  close: string;
  cents: number;
}

/** A matched pair by the plan: which compare fields differ (contract order: value, stage, close_date). */
export interface PlannedPair {
  left: string;
  right: string;
  differs: string[];
}

export const DEALS: PlannedDeal[] = [
  { id: '1', name: 'Globex renewal', amount: '$12,500.00', currency: '', stage: 'closedwon', created: '2026-07-05 10:00', close: '2026-08-01', opportunity: '0068c00000AbCdE', cents: 1_250_000 },
  // 1,000.00 EUR at 1.08.
  { id: '2', name: 'Initech Berlin', amount: '1,000.00', currency: 'EUR', stage: 'closedlost', created: '2026-07-06 10:00', close: '2026-08-02', opportunity: '0068c00000AbCdF', cents: 108_000 },
  { id: '3', name: 'Umbrella pilot', amount: '', currency: '', stage: 'contractsent', created: '2026-07-07 10:00', close: '2026-08-03', opportunity: '0068c00000Q1xyz', cents: null },
  { id: '4', name: 'Hooli expansion', amount: '500', currency: '', stage: 'closedwon', created: '2026-10-07 10:00', close: '2026-11-03', opportunity: '0068c00000Oo001', cents: 50_000 },
  { id: '5', name: 'Stark upsell', amount: 'abc', currency: '', stage: 'closedwon', created: '2026-07-08 10:00', close: '2026-08-03', opportunity: '0068c00000XyZ13', cents: null },
  { id: '6', name: 'Wayne services', amount: '2,000.00', currency: '', stage: 'closedwon', created: '2026-07-09 10:00', close: '2026-08-04', opportunity: '0068c00000St001', cents: 200_000 },
  { id: '7', name: 'Acme licences', amount: '700', currency: '', stage: 'closedwon', created: '2026-07-10 10:00', close: '2026-08-05', opportunity: '0068c00000Ok001', cents: 70_000 },
  { id: '8', name: 'Soylent trial', amount: '900', currency: '', stage: 'closedwon', created: '2026-07-11 10:00', close: '2026-08-06', opportunity: '0068c00000Zz999', cents: 90_000 },
  { id: '9', name: 'TEST deal', amount: '4,000.00', currency: '', stage: 'closedwon', created: '2026-07-12 10:00', close: '2026-08-07', opportunity: '', cents: 400_000 },
  { id: '10', name: 'Tyrell support', amount: '100.00', currency: '', stage: 'closedwon', created: '2026-07-13 10:00', close: '2026-08-06', opportunity: '0068c00000Tl001', cents: 10_000 },
];

export const OPPORTUNITIES: PlannedOpportunity[] = [
  { id: '0068c00000AbCdEAAU', amount: '11000', stage: 'Closed Won', created: '2026-07-05', close: '2026-08-01', cents: 1_100_000 },
  { id: '0068c00000AbCdFAAU', amount: '1080', stage: 'Closed Lost', created: '2026-07-06', close: '2026-08-05', cents: 108_000 },
  { id: '0068c00000Q1xyzAAA', amount: '300', stage: 'Negotiation/Review', created: '2026-07-07', close: '2026-08-03', cents: 30_000 },
  { id: '0068c00000XyZ13AAA', amount: '50', stage: 'Closed Won', created: '2026-07-08', close: '2026-08-03', cents: 5_000 },
  { id: '0068c00000St001AAA', amount: '2000', stage: 'Closed Lost', created: '2026-07-09', close: '2026-08-04', cents: 200_000 },
  { id: '0068c00000Ok001AAA', amount: '700', stage: 'Closed Won', created: '2026-07-10', close: '2026-08-05', cents: 70_000 },
  // A cent more than the deal: within the contract's tolerance (matched), and still an amount that changed.
  { id: '0068c00000Tl001AAA', amount: '100.01', stage: 'Closed Won', created: '2026-07-13', close: '2026-08-06', cents: 10_001 },
  { id: '0068c00000Rt001AAA', amount: '450', stage: 'Closed Won', created: '2026-07-14', close: '2026-08-20', cents: 45_000 },
  { id: '0068c00000Rt002AAA', amount: '800', stage: 'Closed Won', created: '2026-06-20', close: '2026-07-20', cents: 80_000 },
];

/** Deal 4 is out of the period, 8 has no opportunity, 9 is a test deal: the other deals meet their opportunity. */
export const PAIRS: PlannedPair[] = [
  { left: '1', right: '0068c00000AbCdEAAU', differs: ['value'] },
  { left: '2', right: '0068c00000AbCdFAAU', differs: ['close_date'] },
  { left: '3', right: '0068c00000Q1xyzAAA', differs: ['value'] },
  { left: '5', right: '0068c00000XyZ13AAA', differs: ['value'] },
  { left: '6', right: '0068c00000St001AAA', differs: ['stage'] },
  { left: '7', right: '0068c00000Ok001AAA', differs: [] },
  { left: '10', right: '0068c00000Tl001AAA', differs: [] },
];

/** Right amount minus left amount of a planned pair, in cents (a missing amount counts as 0). */
export function planDelta(pair: PlannedPair): number {
  const left = DEALS.find((d) => d.id === pair.left)?.cents ?? 0;
  const right = OPPORTUNITIES.find((o) => o.id === pair.right)?.cents ?? 0;
  return right - left;
}

const CONTRACT = `contract: Q3 sourced pipeline
version: 1
reporting:
  timezone: America/New_York
  period: { from: 2026-07-01, to: 2026-09-30 }
  currency: USD
  rates: { EUR: 1.08 }
sources:
  hubspot_deals:
    system: marketing
    file: exports/deals.csv
    id: Record ID
    timezone: UTC
    fields: { amount: Amount, currency: Currency, stage: Deal Stage, created_at: Create Date, close_date: Close Date, sf_opportunity_id: Salesforce Opportunity ID, deal_name: Deal Name }
  sf_opps:
    system: sales
    file: exports/opps.csv
    id: Opportunity ID
    fields: { amount: Amount, stage: Stage, created_at: Created Date, close_date: Close Date }
metrics:
  HubSpot pipeline:
    source: hubspot_deals
    date: created_at
    value: amount
    exclude:
      test_deal: "deal_name LIKE 'TEST%'"
  CRM pipeline:
    source: sf_opps
    date: created_at
    value: amount
reconcile:
  - name: Sourced pipeline
    left: HubSpot pipeline
    right: CRM pipeline
    match: { left: sf_opportunity_id, right: id, normalize: [trim, salesforce_id] }
    compare:
      value: { tolerance: 0.01 }
      stage:
        map: { closedwon: Closed Won, closedlost: Closed Lost, contractsent: Negotiation/Review }
      close_date: { tolerance: 0 days }
`;

const quote = (value: string) => (value.includes(',') ? `"${value}"` : value);

/** Writes the contract and both exports into `folder`; returns the contract's path. */
export function writeMoneyInvestigation(folder: string): string {
  mkdirSync(path.join(folder, 'exports'), { recursive: true });
  const deals = DEALS.map((d) => [d.id, d.name, d.amount, d.currency, d.stage, d.created, d.close, d.opportunity].map(quote).join(','));
  writeFileSync(path.join(folder, 'exports/deals.csv'), ['Record ID,Deal Name,Amount,Currency,Deal Stage,Create Date,Close Date,Salesforce Opportunity ID', ...deals, ''].join('\n'));
  const opps = OPPORTUNITIES.map((o) => [o.id, o.amount, o.stage, o.created, o.close].join(','));
  writeFileSync(path.join(folder, 'exports/opps.csv'), ['Opportunity ID,Amount,Stage,Created Date,Close Date', ...opps, ''].join('\n'));
  const contract = path.join(folder, 'deals.recon.yaml');
  writeFileSync(contract, CONTRACT);
  return contract;
}
