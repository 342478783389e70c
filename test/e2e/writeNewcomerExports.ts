// Two exports unlike the sample's, for the newcomer's journey: keyed on a shared id, the CRM's rows on a workbook's second sheet.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';

export interface NewcomerExports {
  folder: string;
  /** Webinar sign-ups: `Signup ID`, `Lead Ref`, `Signed Up`, `Campaign` (CSV, day-first dates). */
  signups: string;
  /** CRM opportunities: a "Read me" sheet first, then `Opportunities` with `Opportunity ID`, `Lead Ref`, `Created On` (Excel dates). */
  crm: string;
  /** What the files hold, counted here as they are written (the test compares the app against these). */
  facts: { signups: number; internalTests: number; crmRows: number };
}

const CAMPAIGNS = ['Spring webinar', 'Partner day', 'Internal test'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** 36 sign-ups in April-June 2026 (every 7th an internal test), 30 opportunities, 24 of them for a sign-up. */
export function writeNewcomerExports(folder: string): NewcomerExports {
  mkdirSync(folder, { recursive: true });
  const signupRows = Array.from({ length: 36 }, (_, i) => {
    const day = 1 + ((i * 5) % 28);
    const month = 4 + (i % 3);
    return [`S-${500 + i}`, `LR-${1000 + i}`, `${pad(day)}/${pad(month)}/2026 ${pad(8 + (i % 10))}:15`, CAMPAIGNS[i % 7 === 3 ? 2 : i % 2] ?? ''];
  });
  const signups = path.join(folder, 'webinar_signups.csv');
  writeFileSync(signups, [['Signup ID', 'Lead Ref', 'Signed Up', 'Campaign'], ...signupRows].map((r) => r.join(',')).join('\n') + '\n');

  const crmRows = Array.from({ length: 30 }, (_, i) => {
    // The first 24 follow a sign-up (some of them the next quarter); the last 6 reached the CRM another way.
    const ref = i < 24 ? `LR-${1000 + Math.floor(i * 1.5)}` : `LR-${2000 + i}`;
    const created = new Date(Date.UTC(2026, 3 + (i % 4), 2 + ((i * 3) % 27)));
    return [`OPP-${7000 + i}`, ref, created, i % 5 === 0 ? 'Closed Won' : 'Qualification'];
  });
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['This workbook was exported from the CRM.'], ['The data is on the next sheet.']]), 'Read me');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Opportunity ID', 'Lead Ref', 'Created On', 'Stage'], ...crmRows], { cellDates: true }), 'Opportunities');
  const crm = path.join(folder, 'crm_opportunities.xlsx');
  writeFileSync(crm, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);

  return {
    folder,
    signups,
    crm,
    facts: { signups: signupRows.length, internalTests: signupRows.filter((r) => r[3] === 'Internal test').length, crmRows: crmRows.length },
  };
}
