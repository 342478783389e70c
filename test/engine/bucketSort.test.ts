// Sorting a listing by the anchor in the reporting zone: the order of the text shown, a date alone before a time on its day.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openInvestigation, type Investigation } from '../../electron/engine/openInvestigation';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-bucket-sort-'));
let inv: Investigation;

// New York throughout, so the shown text is the file's: L3 and L5 show the same minute, L2 the same day alone.
const LEFT = [
  'Record ID,Email,MQL Date',
  'L1,a@x.com,2026-08-01 05:00',
  'L2,b@x.com,2026-08-01',
  'L3,c@x.com,2026-08-01 00:00',
  'L4,d@x.com,2026-07-31 23:59',
  'L5,e@x.com,2026-08-01 00:00:30',
  'L6,f@x.com,',
];

beforeAll(async () => {
  fs.writeFileSync(path.join(dir, 'hubspot.csv'), `${LEFT.join('\n')}\n`);
  fs.writeFileSync(path.join(dir, 'crm.csv'), 'Lead ID,Email,Create Date\n00Q1,a@x.com,2026-08-02 10:00\n');
  fs.writeFileSync(
    path.join(dir, 'sort.recon.yaml'),
    `contract: Sort fixture
version: 1
reporting: { timezone: America/New_York, period: { from: 2026-07-01, to: 2026-09-30 } }
sources:
  hubspot: { system: marketing, file: hubspot.csv, timezone: America/New_York, id: Record ID, fields: { email: Email, mql_at: MQL Date } }
  crm: { system: sales, file: crm.csv, timezone: America/New_York, id: Lead ID, fields: { email: Email, created_at: Create Date } }
identity: { key: email, normalize: [trim, lowercase] }
metrics:
  MQL: { source: hubspot, date: mql_at }
  CRM Lead: { source: crm, date: created_at }
reconcile:
  - { name: MQLs vs CRM leads, left: MQL, right: CRM Lead }
`,
  );
  inv = await openInvestigation(path.join(dir, 'sort.recon.yaml'));
});

afterAll(() => {
  inv?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function sortIds(direction: 'asc' | 'desc', extra: { column: string; direction: 'asc' | 'desc' }[] = []): Promise<(string | null)[]> {
  const query = { reconciliation: 'MQLs vs CRM leads', side: 'left' as const, kind: 'gross' as const, sort: [{ column: 'anchor_reporting', direction }, ...extra] };
  const page = await inv.fetchRows(query, { offset: 0, limit: 100 });
  return page.rows.map((row) => row[page.columns.indexOf('record_id')] ?? null);
}

it('sorts by the anchor as its text sorts: minute by minute, a date alone first on its day, equal minutes in row order, no date last', async () => {
  expect(await sortIds('asc')).toEqual(['L4', 'L2', 'L3', 'L5', 'L1', 'L6']);
  expect(await sortIds('desc')).toEqual(['L1', 'L3', 'L5', 'L2', 'L4', 'L6']);
});

it('sorts the same when another column needs the full listing (the text itself is sorted there)', async () => {
  const byOther = [{ column: 'other_record_id', direction: 'asc' as const }];
  expect(await sortIds('asc', byOther)).toEqual(['L4', 'L2', 'L3', 'L5', 'L1', 'L6']);
  expect(await sortIds('desc', byOther)).toEqual(['L1', 'L3', 'L5', 'L2', 'L4', 'L6']);
});
