// Test support: a small investigation for the audit pack, written to a folder: ids out of id order, rules whose names need cutting and replacing, a formula-like company, a CRLF contract.
import fs from 'node:fs';
import path from 'node:path';

/** A title with characters a file name refuses, a euro sign the PDF fonts have and Chinese characters they do not. */
export const AUDIT_TITLE = 'Q3 € review: MQL/CRM — 中文 check';
export const FORMULA_COMPANY = '=HYPERLINK("http://x")';
export const RULES = { staff: 'internal/test: staff?', partnerOne: 'excluded_because_company_is_a_partner_one', partnerTwo: 'excluded_because_company_is_a_partner_two' };

/** Unmatched left records: a few whose file order is not their id order (2 < 3 < 20 < 1000 < B1), then 25 more. */
const UNMATCHED = ['3', '20', '2', 'B1', '1000', ...Array.from({ length: 25 }, (_, i) => String(500 + i))];

const LEFT = [
  ['Record ID', 'Email', 'Company', 'MQL Date'],
  ['10', 'ann@x.com', FORMULA_COMPANY, '2026-07-10 14:30'],
  ['9', 'bob@x.com', 'Bob & Co', '2026-07-11 09:00'],
  ['A7', 'staff@acme.com', 'Acme', '2026-07-12 09:00'],
  ['100', 'p1@x.com', 'Partner One', '2026-07-13 09:00'],
  ['11', 'p2@x.com', 'Partner Two', '2026-07-14 09:00'],
  ['12', 'ann@x.com', 'Ann again', '2026-07-20 09:00'],
  ['13', 'late@x.com', 'Late Inc', '2026-10-05 09:00'],
  ...UNMATCHED.map((id) => [id, `u${id}@x.com`, `Unmatched ${id}`, '2026-08-01 10:00']),
];

const RIGHT = [
  ['Lead ID', 'Email', 'Company', 'Created'],
  ['R1', 'Ann@X.com', 'Ann Co', '2026-07-09 08:00'],
  ['R2', 'bob@x.com', 'Bob & Co', '2026-07-12 08:00'],
  ['R3', 'new@x.com', 'New Co', '2026-08-01 08:00'],
  ['R4', 'late@x.com', 'Late Inc', '2026-08-02 08:00'],
];

function writeCsv(file: string, rows: string[][]): void {
  fs.writeFileSync(file, rows.map((r) => r.map((v) => `"${v.replaceAll('"', '""')}"`).join(',')).join('\n') + '\n');
}

/** Writes the exports and the contract (CRLF line endings, a blank line, a comment holding `_x0041_`) into `dir`; returns the contract's path. */
export function writeAuditInvestigation(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  writeCsv(path.join(dir, 'hubspot.csv'), LEFT);
  writeCsv(path.join(dir, 'crm.csv'), RIGHT);
  const contract = path.join(dir, 'audit.recon.yaml');
  const lines = [
    `contract: "${AUDIT_TITLE}"`,
    'version: 3',
    'owner: Revenue Operations',
    'signed_off_by: [VP Marketing, VP Sales]',
    '',
    '# Excel would read _x0041_ as an escaped A: the workbook must keep it as written.',
    'reporting: { timezone: America/New_York, period: { from: 2026-07-01, to: 2026-09-30 } }',
    'sources:',
    '  hubspot: { system: marketing, file: hubspot.csv, timezone: UTC, id: Record ID, fields: { email: Email, company: Company, mql_at: MQL Date } }',
    '  crm: { system: sales, file: crm.csv, timezone: America/New_York, id: Lead ID, fields: { email: Email, company: Company, created_at: Created } }',
    'identity: { key: email, normalize: [trim, lowercase] }',
    'metrics:',
    '  MQL:',
    '    source: hubspot',
    '    date: mql_at',
    '    exclude:',
    `      "${RULES.staff}": "lower(email) LIKE '%@acme.com'"`,
    `      ${RULES.partnerOne}: "company = 'Partner One'"`,
    `      ${RULES.partnerTwo}: "company = 'Partner Two'"`,
    '  CRM Lead: { source: crm, date: created_at }',
    'reconcile:',
    '  - { name: MQLs vs CRM leads, left: MQL, right: CRM Lead }',
  ];
  fs.writeFileSync(contract, `${lines.join('\r\n')}\r\n`);
  return contract;
}
