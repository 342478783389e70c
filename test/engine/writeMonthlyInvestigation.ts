// A small investigation whose marketing source is three monthly exports (a glob), for the engine tests and the browser's.
import fs from 'node:fs';
import path from 'node:path';

/** `file:` is the only line that differs between the contracts of these tests. */
function writeContract(dir: string, file: string): string {
  const text = [
    'contract: Monthly exports',
    'version: 1',
    'reporting:',
    '  timezone: UTC',
    '  period: { from: 2026-01-01, to: 2026-03-31 }',
    'sources:',
    '  hubspot:',
    '    system: marketing',
    `    file: ${file}`,
    '    timezone: UTC',
    '    id: Record ID',
    '    fields:',
    '      email: Email',
    '      mql_at: MQL Date',
    '  salesforce:',
    '    system: sales',
    '    file: salesforce.csv',
    '    timezone: UTC',
    '    id: Lead ID',
    '    fields:',
    '      email: Email',
    '      created_at: Created',
    'identity:',
    '  key: email',
    'metrics:',
    '  MQL:',
    '    source: hubspot',
    '    date: mql_at',
    '  Lead:',
    '    source: salesforce',
    '    date: created_at',
    'reconcile:',
    '  - name: MQL to lead',
    '    left: MQL',
    '    right: Lead',
    '',
  ].join('\n');
  const contract = path.join(dir, 'monthly.recon.yaml');
  fs.writeFileSync(contract, text);
  return contract;
}

/** January: a quoted note over two lines, then a line with too many fields and a blank line, each dropped. */
const JANUARY = [
  'Record ID,Email,MQL Date,Notes',
  '1,a@x.com,2026-01-05,plain',
  '2,b@x.com,2026-01-06,"line one',
  'line two"',
  '3,c@x.com,2026-01-07,after the break',
  '4,d@x.com,2026-01-08,too,many,fields,here',
  '',
  '5,e@x.com,2026-01-09,after the reject and the blank',
  '',
].join('\n');
/** February: the same columns in another order. */
const FEBRUARY = ['MQL Date,Email,Record ID', '2026-02-01,f@x.com,6', '2026-02-02,g@x.com,7', ''].join('\n');
/** March: a column the other months lack, and Windows line breaks. */
const MARCH = ['Email,Record ID,MQL Date,Campaign', 'h@x.com,8,2026-03-01,Spring', 'a@x.com,9,2026-03-02,Spring', ''].join('\r\n');
const SALESFORCE = ['Lead ID,Email,Created', 'L1,a@x.com,2026-01-06', 'L2,f@x.com,2026-02-03', 'L3,z@x.com,2026-03-03', ''].join('\n');

function writeExports(dir: string): void {
  fs.mkdirSync(path.join(dir, 'exports'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'exports', 'hubspot_2026-01.csv'), JANUARY);
  fs.writeFileSync(path.join(dir, 'exports', 'hubspot_2026-02.csv'), FEBRUARY);
  fs.writeFileSync(path.join(dir, 'exports', 'hubspot_2026-03.csv'), MARCH);
  // Not matched by the glob: a file of another export in the same folder.
  fs.writeFileSync(path.join(dir, 'exports', 'hubspot_deals.csv'), 'Deal ID\n1\n');
  fs.writeFileSync(path.join(dir, 'salesforce.csv'), SALESFORCE);
}

/** Writes the exports and the contract into `dir`; `file` is the marketing source's `file:` as written. Returns the contract's path. */
export function writeMonthlyInvestigation(dir: string, file = 'exports/hubspot_2026-*.csv'): string {
  writeExports(dir);
  return writeContract(dir, file);
}
