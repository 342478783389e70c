// countRuleMatches and listColumnValues: the rule builder's live count is the real engine's count on a draft's file, refusing what the contract refuses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceDraft } from '../../shared/api';
import { buildRemainingRuleExpression } from '../../shared/buildRuleExpression';
import { createWorkbench, type Workbench } from '../../electron/engine/createWorkbench';

const root = path.resolve(import.meta.dirname, '../..');
const sampleContract = path.join(root, 'samples/acme-q3-2026.recon.yaml');
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-rules-'));
let wb: Workbench;

// Status by row: every third row Junk, every fifth blank; dates around midnight UTC on July 1st.
const ROWS = Array.from({ length: 40 }, (_, i) => ({
  id: `L${i + 1}`,
  email: i % 7 === 0 ? `ops${i}@Acme.com` : `p${i}@x.org`,
  status: i % 5 === 0 ? '' : i % 3 === 0 ? 'Junk' : "O'Neil list",
  created: i % 4 === 0 ? '2026-07-01 02:30' : '2026-07-02 12:00',
}));
const csvFile = path.join(home, 'leads.csv');
const draft: SourceDraft = {
  name: 'crm',
  system: 'sales',
  file: csvFile,
  timezone: 'UTC',
  id: 'Lead ID',
  fields: { key: 'E-mail', created_at: 'Created', status: '' },
  metric: 'CRM Lead',
  dateField: 'created_at',
};

beforeAll(async () => {
  const lines = ['Lead ID,E-mail,Lead Status,Created', ...ROWS.map((r) => `${r.id},${r.email},"${r.status}",${r.created}`)];
  fs.writeFileSync(csvFile, `${lines.join('\n')}\n`);
  wb = await createWorkbench({ home, sampleContract });
});
afterAll(async () => {
  await wb.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('countRuleMatches', () => {
  it('counts a rule over file columns and canonical fields like a plain count of the rows', async () => {
    const junk = ROWS.filter((r) => r.status === 'Junk').length;
    expect(junk).toBeGreaterThan(0);
    expect(await wb.countRuleMatches(draft, `"Lead Status" = 'Junk'`)).toEqual({ matched: junk, total: ROWS.length });
    const quoted = ROWS.filter((r) => r.status === "O'Neil list").length;
    expect(await wb.countRuleMatches(draft, `"lead status" = 'O''Neil list'`)).toEqual({ matched: quoted, total: ROWS.length });
    const acme = ROWS.filter((r) => r.email.toLowerCase().includes('@acme.com')).length;
    expect(await wb.countRuleMatches(draft, `contains(lower(key), '@acme.com')`)).toEqual({ matched: acme, total: ROWS.length });
    // An empty CSV field is NULL: "is not" leaves it alone, as the contract reads a rule.
    const notJunk = ROWS.filter((r) => r.status !== '' && r.status !== 'Junk').length;
    expect(await wb.countRuleMatches(draft, `"Lead Status" <> 'Junk'`)).toEqual({ matched: notJunk, total: ROWS.length });
  });

  it('reads the date field in the reporting zone when given one', async () => {
    const early = ROWS.filter((r) => r.created.startsWith('2026-07-01')).length;
    const before = `CAST(created_at AS DATE) < DATE '2026-07-01'`;
    expect((await wb.countRuleMatches(draft, before)).matched).toBe(0);
    expect((await wb.countRuleMatches(draft, before, 'America/New_York')).matched).toBe(early);
    expect((await wb.countRuleMatches(draft, before, 'UTC')).matched).toBe(0);
  });

  it('refuses an unsafe or broken expression with the contract\'s message', async () => {
    await expect(wb.countRuleMatches(draft, `read_csv('/etc/passwd') IS NOT NULL`)).rejects.toThrow(
      "rule 'this rule' of metric 'CRM Lead' is refused: calls read_csv, a table function, which can read files or other tables",
    );
    await expect(wb.countRuleMatches(draft, `"Lead Stat" = 'Junk'`)).rejects.toThrow(/unknown column 'Lead Stat', did you mean 'Lead Status'\?/);
    await expect(wb.countRuleMatches(draft, `"Lead Status" = 'Junk'; DROP TABLE x`)).rejects.toThrow(/must be one expression/);
    await expect(wb.countRuleMatches(draft, `"Lead Status"`)).rejects.toThrow(/must be a true\/false condition, but it gives VARCHAR values/);
    await expect(wb.countRuleMatches({ ...draft, fields: { key: 'Mail' } }, 'true')).rejects.toThrow(/column 'Mail' is not in .*leads\.csv; did you mean 'E-mail'\?/);
    await expect(wb.countRuleMatches({ ...draft, timezone: 'america/new_york' }, 'true')).rejects.toThrow("time zone of the file: time zone 'america/new_york' must be written 'America/New_York'");
    await expect(wb.countRuleMatches(draft, 'true', 'Nowhere/City')).rejects.toThrow(/^reporting time zone: unknown time zone 'Nowhere\/City'/);
  });

  it('re-reads a file that changed on disk', async () => {
    const other = path.join(home, 'changing.csv');
    fs.writeFileSync(other, 'Lead ID,E-mail,Created\n1,a@x.org,2026-07-02\n');
    const source = { ...draft, file: other, fields: { key: 'E-mail', created_at: 'Created' } };
    expect(await wb.countRuleMatches(source, 'key IS NOT NULL')).toEqual({ matched: 1, total: 1 });
    fs.writeFileSync(other, 'Lead ID,E-mail,Created\n1,a@x.org,2026-07-02\n2,b@x.org,2026-07-03\n3,,2026-07-04\n');
    fs.utimesSync(other, new Date(), new Date(Date.now() + 5000));
    expect(await wb.countRuleMatches(source, 'key IS NOT NULL')).toEqual({ matched: 2, total: 3 });
  });

  it('gives each of the sample\'s rules the count its excluded bucket has, CSV and workbook alike', async () => {
    await wb.openSample();
    const report = await wb.getReport({ ids: false });
    const contract = (await wb.getContract()).contract;
    if (!contract) throw new Error('the sample contract has problems');
    const dir = path.dirname(sampleContract);
    for (const [side, metric] of [['left', contract.metrics[0]], ['right', contract.metrics[1]]] as const) {
      const spec = contract.sources.find((s) => s.name === metric?.source);
      if (!metric || !spec) throw new Error('the sample has two metrics');
      const source: SourceDraft = {
        name: spec.name,
        system: spec.system,
        file: path.join(dir, spec.file),
        sheet: spec.sheet === undefined ? undefined : String(spec.sheet),
        timezone: spec.timezone,
        fields: spec.fields,
        metric: metric.name,
        dateField: metric.date,
      };
      const earlier: string[] = [];
      for (const rule of metric.exclude) {
        const bucket = report.reconciliations[0]?.buckets.find((b) => b.side === side && b.kind === 'excluded' && b.reason === rule.name);
        const counted = await wb.countRuleMatches(source, buildRemainingRuleExpression(rule.expression, earlier), contract.reporting.timezone);
        expect(counted.matched, `${metric.name} ${rule.name}`).toBe(bucket?.count ?? 0);
        earlier.push(rule.expression);
      }
      expect(earlier.length).toBeGreaterThan(0);
    }
  });
});

describe('listColumnValues', () => {
  it('lists a column\'s non-empty values by how many records hold them, by file column or canonical field', async () => {
    const tally = new Map<string, number>();
    for (const r of ROWS) if (r.status !== '') tally.set(r.status, (tally.get(r.status) ?? 0) + 1);
    const expected = [...tally].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    expect(expected.length).toBe(2);
    expect(await wb.listColumnValues(draft, 'Lead Status')).toEqual(expected);
    expect(await wb.listColumnValues({ ...draft, fields: { ...draft.fields, status: 'Lead Status' } }, 'STATUS')).toEqual(expected);
    expect((await wb.listColumnValues(draft, 'key')).length).toBe(ROWS.length);
    await expect(wb.listColumnValues(draft, 'Stage')).rejects.toThrow(/no column or field 'Stage'/);
  });
});

describe('a source of several files (a list or a glob)', () => {
  const folder = path.join(home, 'several');
  /** The same 40 rows split over monthly files: the second in another column order with a column of its own. */
  function writeMonths(): void {
    fs.mkdirSync(folder, { recursive: true });
    const july = ROWS.slice(0, 25).map((r) => `${r.id},${r.email},"${r.status}",${r.created}`);
    const august = ROWS.slice(25).map((r, i) => `${r.created},"${r.status}",${r.email},${r.id},owner${i}`);
    fs.writeFileSync(path.join(folder, 'leads_07.csv'), `Lead ID,E-mail,Lead Status,Created\n${july.join('\n')}\n`);
    fs.writeFileSync(path.join(folder, 'leads_08.csv'), `Created,Lead Status,E-mail,Lead ID,Owner\n${august.join('\n')}\n`);
  }
  const several = (entries: string[]): SourceDraft => ({ ...draft, file: entries.join(', '), files: { folder: home, entries } });

  it('counts over every file the glob matches, as the one file holding the same rows', async () => {
    writeMonths();
    const rule = `"Lead Status" = 'Junk' OR contains(lower(key), '@acme.com')`;
    const whole = await wb.countRuleMatches(draft, rule);
    expect(whole.total).toBe(ROWS.length);
    expect(await wb.countRuleMatches(several(['several/leads_*.csv']), rule)).toEqual(whole);
    expect(await wb.countRuleMatches(several(['several/leads_08.csv', 'several/leads_07.csv']), rule)).toEqual(whole);
    // A column only the second file has: empty on the first file's rows.
    expect(await wb.countRuleMatches(several(['several/leads_*.csv']), `Owner IS NULL`)).toEqual({ matched: 25, total: ROWS.length });
    const values = await wb.listColumnValues({ ...several(['several/leads_*.csv']), fields: { ...draft.fields, status: 'Lead Status' } }, 'status');
    expect(values).toEqual(await wb.listColumnValues({ ...draft, fields: { ...draft.fields, status: 'Lead Status' } }, 'status'));
  });

  it('counts a month added to the glob, and names the file that lacks a mapped column', async () => {
    writeMonths();
    const glob = several(['several/leads_*.csv']);
    fs.writeFileSync(path.join(folder, 'leads_09.csv'), 'Lead ID,E-mail,Lead Status,Created\nL99,late@x.org,Junk,2026-09-01 10:00\n');
    const junk = ROWS.filter((r) => r.status === 'Junk').length;
    expect(await wb.countRuleMatches(glob, `"Lead Status" = 'Junk'`)).toEqual({ matched: junk + 1, total: ROWS.length + 1 });
    // An investigation opened drops what was read for counts; the next count reads the files again.
    await wb.openSample();
    expect(await wb.countRuleMatches(glob, `"Lead Status" = 'Junk'`)).toEqual({ matched: junk + 1, total: ROWS.length + 1 });
    fs.writeFileSync(path.join(folder, 'leads_10.csv'), 'Lead ID,Mail,Lead Status,Created\nL100,x@x.org,Junk,2026-10-01 10:00\n');
    await expect(wb.countRuleMatches(glob, `"Lead Status" = 'Junk'`)).rejects.toThrow("column 'E-mail' is not in several/leads_10.csv");
    await expect(wb.countRuleMatches(several(['several/leads_13_*.csv']), 'true')).rejects.toThrow(/'several\/leads_13_\*\.csv' matches no file/);
  });
});
