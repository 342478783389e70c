// Test support: a small investigation written to a folder, with dates that read, dates that are empty and dates that cannot be read.
import fs from 'node:fs';
import path from 'node:path';

/**
 * Left (HubSpot-like, UTC): L1 matched, L2 unreadable anchor, L3 empty anchor, L4 timing (02:30 UTC on Oct 1 is
 * Sep 30 in New York), L5 a date alone and an unreadable Create Date, L6 before the period.
 * Right (Salesforce-like, Los Angeles): R1 matched, R2 after the period, R3 timing (L2 is out of period), R4 unreadable anchor.
 */
export const REVIEW_LEFT = [
  ['Record ID', 'Email', 'Create Date', 'MQL Date'],
  ['L1', 'ann@x.com', '2026-07-01 08:00', '2026-07-10 14:30'],
  ['L2', 'bob@x.com', '2026-07-02 08:00', 'soon'],
  ['L3', 'cy@x.com', '2026-07-03 08:00', ''],
  ['L4', 'dee@x.com', '2026-07-04 08:00', '2026-10-01 02:30'],
  ['L5', 'eve@x.com', 'yesterday', '2026-08-01'],
  ['L6', 'fay@gmail.com', '2026-06-01 08:00', '2026-06-15 09:00'],
];

export const REVIEW_RIGHT = [
  ['Lead ID', 'Email', 'Create Date'],
  ['00QHs00000701D3MAI', 'Ann@X.com', '7/10/2026 9:00 AM'],
  ['00QHs00000702P3MAI', 'dee@x.com', '10/2/2026 8:00 AM'],
  ['00QHs00000703P3MAI', 'bob@x.com', '7/20/2026 10:00 AM'],
  ['00QHs00000704P3MAI', 'gus@x.com', 'n/a'],
];

export const REVIEW_TITLE = 'Review fixture';

function writeCsv(file: string, rows: string[][]): void {
  fs.writeFileSync(file, rows.map((r) => r.map((v) => `"${v.replaceAll('"', '""')}"`).join(',')).join('\n') + '\n');
}

/** Writes the exports and the contract into `dir`; returns the contract's path. */
export function writeReviewInvestigation(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  writeCsv(path.join(dir, 'hubspot.csv'), REVIEW_LEFT);
  writeCsv(path.join(dir, 'crm.csv'), REVIEW_RIGHT);
  const contract = path.join(dir, 'review.recon.yaml');
  fs.writeFileSync(
    contract,
    `contract: ${REVIEW_TITLE}
version: 3
reporting: { timezone: America/New_York, period: { from: 2026-07-01, to: 2026-09-30 } }
sources:
  hubspot: { system: marketing, file: hubspot.csv, timezone: UTC, id: Record ID, fields: { email: Email, created_at: Create Date, mql_at: MQL Date } }
  crm: { system: sales, file: crm.csv, timezone: America/Los_Angeles, id: Lead ID, fields: { email: Email, created_at: Create Date } }
identity: { key: email, normalize: [trim, lowercase] }
metrics:
  MQL: { source: hubspot, date: mql_at }
  CRM Lead: { source: crm, date: created_at }
reconcile:
  - { name: MQLs vs CRM leads, left: MQL, right: CRM Lead }
`,
  );
  return contract;
}
