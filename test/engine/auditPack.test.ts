// The audit pack of review.md on a small investigation: the workbook read back cell by cell, the PDF's text read back page by page.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReconReport } from '../../shared/reportTypes';
import type { DecisionLine } from '../../shared/reviewTypes';
import { createWorkbench } from '../../electron/engine/createWorkbench';
import { openInvestigation, type Investigation } from '../../electron/engine/openInvestigation';
import { appendDecision, decisionsFilePath } from '../../electron/engine/review/decisionsFile';
import { digestReconciliation } from '../../electron/engine/review/digestReconciliation';
import { stampInputs } from '../../electron/engine/review/stampInputs';
import type { AuditPackFile } from '../../electron/engine/review/audit/exportAuditPack';
import { readPdfPages } from './readPdfPages';
import { AUDIT_TITLE, FORMULA_COMPANY, RULES, writeAuditInvestigation } from './writeAuditInvestigation';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-audit-'));
const contractPath = writeAuditInvestigation(dir);
const RECONCILIATION = 'MQLs vs CRM leads';
const AT = new Date('2026-12-01T13:03:00Z');
/** Small, so the left side's 30 unmatched records continue on two more sheets. */
const SHEET_RECORDS = 12;
const STAFF_NOTE = 'staff test accounts, €5 fee waived — 中文 note';

let inv: Investigation;
let report: ReconReport;
let pack: AuditPackFile[];
let book: XLSX.WorkBook;
let pages: string[];

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const rowsOf = (sheet: string) => XLSX.utils.sheet_to_json<(string | number | null)[]>(book.Sheets[sheet] as XLSX.WorkSheet, { header: 1, raw: true, defval: null, blankrows: true });

function decide(line: Partial<DecisionLine>): DecisionLine {
  return {
    reconciliation: RECONCILIATION, side: 'left', kind: 'excluded', reason: RULES.staff, record: null, status: 'explained', note: '', by: 'Dana Ruiz',
    at: '2026-12-01T14:03:00+01:00', version: '3', contract_sha256: '', inputs: [], count: 1, value: null, ...line,
  };
}

beforeAll(async () => {
  inv = await openInvestigation(contractPath);
  report = await inv.getReport();
  const stamp = await stampInputs(contractPath, inv.contract);
  const file = decisionsFilePath(contractPath);
  appendDecision(file, decide({ note: 'first reading', ...stamp }));
  appendDecision(file, decide({ status: 'accepted', note: STAFF_NOTE, ...stamp }));
  appendDecision(file, decide({ kind: 'unmatched', reason: 'no_counterpart', record: '3', status: 'follow_up', note: 'ask sales', count: null, ...stamp }));
  fs.appendFileSync(file, '{"reconciliation": "MQLs vs CRM leads", "status": "maybe"\n');
  const r = report.reconciliations[0];
  if (!r) throw new Error('no reconciliation');
  const lines = r.buckets.map((b) => ({ side: b.side, kind: b.kind, reason: b.reason, count: b.count, value: null }));
  appendDecision(file, decide({ side: null, kind: null, reason: null, status: 'signed_off', note: 'agreed', count: null, ...stamp, report_sha256: digestReconciliation(r), lines }));
  pack = await inv.exportAuditPack({ generatedAt: AT, maxSheetRecords: SHEET_RECORDS });
  book = XLSX.read(pack[0]?.bytes, { type: 'buffer', cellFormula: true });
  pages = await readPdfPages(pack[1]?.bytes ?? Buffer.alloc(0));
});

afterAll(() => {
  inv?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the audit pack', () => {
  it('names the workbook, then the PDF, after the title and version with refused characters as _', () => {
    expect(pack.map((f) => f.fileName)).toEqual(['Q3 € review_ MQL_CRM — 中文 check v3 audit.xlsx', 'Q3 € review_ MQL_CRM — 中文 check v3 audit.pdf']);
    expect(pack.map((f) => f.mimeType)).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf']);
  });

  it('puts every non-empty bucket on its sheets in report order, names cut to 31 characters, refused characters as _, continuations and clashes numbered', () => {
    expect(book.SheetNames).toEqual([
      'Summary',
      'Contract',
      'Inputs',
      'Decisions',
      'L excl internal_test_ staff_',
      'L excl excluded_because_company',
      'L excl excluded_because_com (2)',
      'L dup duplicate',
      'L oop outside_period',
      'L matched matched',
      'L unm no_counterpart',
      'L unm no_counterpart (2)',
      'L unm no_counterpart (3)',
      'R matched matched',
      'R timing timing',
      'R unm no_counterpart',
    ]);
    for (const name of book.SheetNames) expect(name.length).toBeLessThanOrEqual(31);
  });

  it('holds exactly each bucket\'s records, in the report\'s id order, across continuation sheets', () => {
    const buckets = report.reconciliations[0]?.buckets ?? [];
    const sheets = book.SheetNames.slice(4);
    const byBucket = new Map<string, (string | number | null)[][]>();
    for (const sheet of sheets) {
      const [first, header, ...records] = rowsOf(sheet);
      expect(records.length).toBeLessThanOrEqual(SHEET_RECORDS);
      const key = (first ?? []).slice(0, 3).join('\t');
      const side = first?.[0];
      expect(header).toEqual(['id', 'email', 'company', side === 'left' ? 'mql_at' : 'created_at', 'anchor as exported', 'anchor (America/New_York)', 'counterpart id']);
      byBucket.set(key, [...(byBucket.get(key) ?? []), ...records]);
    }
    expect([...byBucket.keys()]).toEqual(buckets.map((b) => `${b.side}\t${b.kind}\t${b.reason}`));
    for (const b of buckets) expect(byBucket.get(`${b.side}\t${b.kind}\t${b.reason}`)?.map((r) => r[0])).toEqual(b.ids);
    const unmatched = buckets.find((b) => b.side === 'left' && b.kind === 'unmatched');
    expect(rowsOf('L unm no_counterpart (3)').length - 2).toBe((unmatched?.count ?? 0) - 2 * SHEET_RECORDS);
  });

  it('names each record\'s counterpart: the matched record, the out-of-period survivor for timing, the survivor of a duplicate', () => {
    const counterpartOf = (sheet: string, id: string) => rowsOf(sheet).find((r) => r[0] === id)?.[6];
    expect(counterpartOf('L matched matched', '10')).toBe('R1');
    expect(counterpartOf('R matched matched', 'R2')).toBe('9');
    expect(counterpartOf('R timing timing', 'R4')).toBe('13');
    expect(counterpartOf('L dup duplicate', '12')).toBe('10');
    expect(counterpartOf('L unm no_counterpart', '3')).toBeNull();
    expect(rowsOf('L matched matched').find((r) => r[0] === '10')?.slice(4, 6)).toEqual(['2026-07-10 14:30', '2026-07-10 10:30']);
  });

  it('writes texts as string cells exactly as given and no formula anywhere', () => {
    const sheet = book.Sheets['L matched matched'] as XLSX.WorkSheet;
    const company = Object.entries(sheet).find(([address, cell]) => !address.startsWith('!') && (cell as XLSX.CellObject).v === FORMULA_COMPANY);
    expect(company?.[1]).toMatchObject({ t: 's', v: FORMULA_COMPANY });
    for (const name of book.SheetNames) {
      for (const [address, cell] of Object.entries(book.Sheets[name] as XLSX.WorkSheet)) {
        if (address.startsWith('!')) continue;
        expect((cell as XLSX.CellObject).f, `${name}!${address}`).toBeUndefined();
        if ((cell as XLSX.CellObject).t === 's') expect(String((cell as XLSX.CellObject).v).startsWith("'"), `${name}!${address}`).toBe(false);
      }
    }
  });

  it('gives back the contract file (a literal _x0041_ included) and its sha256 from the Contract sheet, a blank line as an empty cell', () => {
    const rows = rowsOf('Contract');
    const lines = rows.filter((r) => typeof r[0] === 'number');
    expect(lines.map((r) => r[0])).toEqual(lines.map((_, i) => i + 1));
    expect(lines[4]?.[1]).toBeNull();
    const bytes = fs.readFileSync(contractPath);
    const text = `${lines.map((r) => r[1] ?? '').join('\r\n')}\r\n`;
    expect(text).toBe(bytes.toString('utf8'));
    expect(rows.find((r) => r[0] === 'sha256')?.[1]).toBe(sha256(bytes));
    expect(rows.find((r) => r[0] === 'line ending')?.[1]).toBe('CRLF');
  });

  it('lists each input with its size, sha256, rows loaded, lines dropped and modification time', () => {
    const rows = rowsOf('Inputs');
    expect(rows[0]).toEqual(['source', 'file', 'size in bytes', 'sha256', 'rows loaded', 'lines dropped', 'modified']);
    for (const s of report.sources) {
      const file = path.join(dir, s.file);
      const stats = fs.statSync(file);
      expect(rows.find((r) => r[0] === s.name)).toEqual([s.name, s.file, stats.size, sha256(fs.readFileSync(file)), s.rows, s.dropped.length, stats.mtime.toISOString()]);
    }
  });

  it('summarises the contract, the latest sign-off and every non-empty bucket with its current line decision', () => {
    const rows = rowsOf('Summary');
    const value = (label: string) => rows.find((r) => r[0] === label)?.slice(1).filter((v) => v !== null);
    expect(value('title')).toEqual([AUDIT_TITLE]);
    expect(value('version')).toEqual(['3']);
    expect(value('owner')).toEqual(['Revenue Operations']);
    expect(value('signed_off_by')).toEqual(['VP Marketing, VP Sales']);
    expect(value('period')).toEqual(['2026-07-01', '2026-09-30']);
    expect(value('zone')).toEqual(['America/New_York']);
    expect(value('generated at')).toEqual([AT.toISOString()]);
    expect(value('latest sign-off')).toEqual(['Dana Ruiz', '2026-12-01T14:03:00+01:00', 'holds', 'version 3']);
    const header = rows.findIndex((r) => r[0] === 'side' && r[1] === 'kind');
    expect(rows[header]?.slice(0, 7)).toEqual(['side', 'kind', 'reason', 'count', 'value', 'decision', 'note']);
    const buckets = report.reconciliations[0]?.buckets ?? [];
    const table = rows.slice(header + 1, header + 1 + buckets.length);
    expect(table.map((r) => r.slice(0, 5))).toEqual(buckets.map((b) => [b.side, b.kind, b.reason, b.count, null]));
    expect(table[0]?.slice(5, 7)).toEqual(['accepted', STAFF_NOTE]);
    expect(table.slice(1).every((r) => r[5] === null)).toBe(true);
  });

  it('lists every line of the decisions file in file order, the current one of each target marked, an unreadable one as its text', () => {
    const [header, ...rows] = rowsOf('Decisions');
    const column = (name: string) => header?.indexOf(name) ?? -1;
    expect(rows.map((r) => [r[column('line')], r[column('current')], r[column('status')]])).toEqual([
      [1, 'no', 'explained'],
      [2, 'yes', 'accepted'],
      [3, 'yes', 'follow_up'],
      [4, null, 'unreadable'],
      [5, 'yes', 'signed_off'],
    ]);
    expect(rows[3]?.[column('text')]).toBe('{"reconciliation": "MQLs vs CRM leads", "status": "maybe"');
    expect(rows[2]?.[column('record')]).toBe('3');
  });
});

describe('the audit PDF', () => {
  it('has the title and its page number on every page', () => {
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((text, i) => {
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
      // The fonts have €, not Chinese: those are written as their code points.
      expect(text).toContain('Q3 € review: MQL/CRM — [U+4E2D][U+6587] check');
    });
  });

  it('gives on its cover the version, period, sign-off and the full sha256 of the contract and of each input', () => {
    const cover = pages[0] ?? '';
    expect(cover).toContain('Version 3');
    expect(cover).toContain('2026-07-01 to 2026-09-30');
    expect(cover).toContain('signed off by Dana Ruiz on 2026-12-01T14:03:00+01:00 (version 3): holds');
    expect(cover).toContain(sha256(fs.readFileSync(contractPath)));
    for (const s of report.sources) expect(cover).toContain(sha256(fs.readFileSync(path.join(dir, s.file))));
  });

  it('gives each bridge line\'s count, each rule with its text and excluded count, and the current decisions', () => {
    const text = pages.join('\n');
    // A long reason wraps in its cell: the table is read with white space left out.
    const squeezed = text.replace(/\s+/g, '');
    const r = report.reconciliations[0];
    for (const b of r?.buckets ?? []) expect(squeezed).toContain(`${b.side}${b.kind}${b.reason}${b.count}`.replace(/\s+/g, ''));
    const staff = r?.buckets.find((b) => b.reason === RULES.staff)?.count;
    expect(text).toContain(`${RULES.staff} lower(email) LIKE '%@acme.com' ${staff}`);
    expect(text).toContain("company = 'Partner One'");
    expect(squeezed).toContain('stafftestaccounts,€5feewaived—[U+4E2D][U+6587]note');
    expect(text).toContain('ask sales');
  });

  it('lists each bucket\'s first 20 records in id order and says where the others are', () => {
    const text = pages.join('\n');
    for (const b of report.reconciliations[0]?.buckets ?? []) {
      const heading = `${RECONCILIATION} / ${b.side} / ${b.kind} / ${b.reason}: ${b.count} records`;
      const at = text.indexOf(heading);
      expect(at, heading).toBeGreaterThan(-1);
      const listed = b.ids.slice(0, 20);
      let from = at;
      for (const id of listed) {
        from = text.indexOf(`\n${id} `, from);
        expect(from, `${heading}: ${id}`).toBeGreaterThan(-1);
      }
    }
    const unmatched = report.reconciliations[0]?.buckets.find((b) => b.side === 'left' && b.kind === 'unmatched');
    expect(text).toContain(`and ${(unmatched?.count ?? 0) - 20} more in the workbook, sheet L unm no_counterpart (continued on L unm no_counterpart (2), L unm no_counterpart (3))`);
  });
});

describe('exportAuditPack through the workbench API', () => {
  it('exports the open investigation\'s pack, the workbook then the PDF, as base64', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-audit-home-'));
    const wb = await createWorkbench({ home, sampleContract: contractPath });
    try {
      await expect(wb.exportAuditPack()).rejects.toThrow(/no investigation is open/);
      await wb.openContract(contractPath);
      const files = await wb.exportAuditPack();
      expect(files.map((f) => f.fileName)).toEqual(pack.map((f) => f.fileName));
      const workbook = XLSX.read(Buffer.from(files[0]?.base64 ?? '', 'base64'), { type: 'buffer' });
      expect(workbook.SheetNames).toContain('L unm no_counterpart');
      expect(Buffer.from(files[1]?.base64 ?? '', 'base64').subarray(0, 5).toString()).toBe('%PDF-');
      expect(files[0]?.rows).toBe(report.reconciliations[0]?.buckets.reduce((n, b) => n + b.count, 0));
    } finally {
      await wb.close();
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('a pack made again', () => {
  it('is refused while the contract file differs from the one the bridge was computed from', async () => {
    const text = fs.readFileSync(contractPath, 'utf8');
    try {
      fs.writeFileSync(contractPath, text.replace('version: 3', 'version: 4'));
      await expect(inv.exportAuditPack()).rejects.toThrow('the contract file audit.recon.yaml changed since the bridge was computed');
    } finally {
      fs.writeFileSync(contractPath, text);
    }
  });

  it('has the same cells and the same PDF bytes for the same inputs and time, the same PDF text but "generated at" at another time', async () => {
    const again = await inv.exportAuditPack({ generatedAt: AT, maxSheetRecords: SHEET_RECORDS });
    const cells = (bytes: Buffer | undefined) => {
      const read = XLSX.read(bytes, { type: 'buffer' });
      return read.SheetNames.map((n) => [n, XLSX.utils.sheet_to_json(read.Sheets[n] as XLSX.WorkSheet, { header: 1, raw: true })]);
    };
    expect(cells(again[0]?.bytes)).toEqual(cells(pack[0]?.bytes));
    expect(again[1]?.bytes.equals(pack[1]?.bytes ?? Buffer.alloc(0))).toBe(true);
    const later = await inv.exportAuditPack({ generatedAt: new Date('2027-01-02T03:04:05Z'), maxSheetRecords: SHEET_RECORDS });
    const laterPages = await readPdfPages(later[1]?.bytes ?? Buffer.alloc(0));
    expect(laterPages.map((p) => p.replace('2027-01-02T03:04:05.000Z', AT.toISOString()))).toEqual(pages);
  });

  it('says a sign-off no longer holds, and what changed, once an input file changes; the bridge computed before refuses a pack', async () => {
    const crm = path.join(dir, 'crm.csv');
    // A decision on the right's one unmatched lead, made before the export changes: it must print as stale after.
    const before = await stampInputs(contractPath, inv.contract);
    appendDecision(decisionsFilePath(contractPath), decide({ side: 'right', kind: 'unmatched', reason: 'no_counterpart', status: 'disputed', note: 'never reached marketing', count: 1, ...before }));
    fs.appendFileSync(crm, '"R5","zed@x.com","Zed","2026-08-03 08:00"\n');
    await expect(inv.exportAuditPack()).rejects.toThrow('input crm.csv (source crm) changed since the bridge was computed: reopen the investigation, then export the audit pack');
    const changed = await openInvestigation(contractPath);
    try {
      const [workbook] = await changed.exportAuditPack({ generatedAt: AT });
      const summary = XLSX.read(workbook?.bytes, { type: 'buffer' }).Sheets.Summary as XLSX.WorkSheet;
      const signOff = XLSX.utils.sheet_to_json<string[]>(summary, { header: 1 }).find((r) => r[0] === 'latest sign-off');
      expect(signOff?.[3]).toBe('no longer holds: input crm.csv (source crm) changed; right unmatched no_counterpart: 1 -> 2 records');
      const rows = XLSX.utils.sheet_to_json<(string | number | null)[]>(summary, { header: 1, defval: null });
      const stale = (kind: string, reason: string) => rows.find((r) => r[0] === 'right' && r[1] === kind && r[2] === reason)?.[9];
      expect(stale('unmatched', 'no_counterpart')).toBe('count was 1, now 2; crm.csv changed since');
      // The left's decision was made on the left's export, which did not change.
      const staff = rows.find((r) => r[0] === 'left' && r[2] === RULES.staff);
      expect([staff?.[5], staff?.[9]]).toEqual(['accepted', null]);
    } finally {
      changed.close();
    }
  });
});
