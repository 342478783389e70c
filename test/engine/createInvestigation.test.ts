// Create never leaves anything half-made: the form's checks by field, an atomic Create, broken contracts fixed in place, the sample reset.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { NewInvestigation, SourceDraft } from '../../shared/api';
import { checkNewInvestigation } from '../../electron/engine/newInvestigation/checkNewInvestigation';
import { createWorkbench } from '../../electron/engine/createWorkbench';
import { parseContract } from '../../electron/engine/contract/parseContract';

const root = path.resolve(import.meta.dirname, '../..');
const sampleContract = path.join(root, 'samples/acme-q3-2026.recon.yaml');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-create-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A folder of its own for each test, with two small exports keyed on an id both systems share. */
function makeFolder(name: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'data/mqls.csv'), 'mql_id,first_contact,origin\nm1,2026-07-02,paid\nm2,2026-07-05,organic\nm3,2026-08-01,paid\nm4,2026-10-02,paid\n');
  fs.writeFileSync(path.join(dir, 'data/deals.csv'), 'deal_id,mql_id,won_date\nd1,m1,2026-07-20\nd2,m3,2026-09-01\nd3,m9,2026-08-15\n');
  return dir;
}

function draft(dir: string, side: 'left' | 'right'): SourceDraft {
  return side === 'left'
    ? { name: 'marketing', system: 'marketing', file: path.join(dir, 'data/mqls.csv'), timezone: 'UTC', id: 'mql_id', fields: { key: 'mql_id', first_contact_date: 'first_contact', origin: 'origin' }, metric: 'MQL', dateField: 'first_contact_date' }
    : { name: 'sales', system: 'sales', file: path.join(dir, 'data/deals.csv'), timezone: 'UTC', id: 'deal_id', fields: { key: 'mql_id', won_date: 'won_date' }, metric: 'Won deal', dateField: 'won_date' };
}

function makeSpec(dir: string, patch: Partial<NewInvestigation> = {}): NewInvestigation {
  return { title: 'Olist Q3', contractPath: path.join(dir, 'work/olist-q3.recon.yaml'), timezone: 'America/Sao_Paulo', from: '2026-07-01', to: '2026-09-30', left: draft(dir, 'left'), right: draft(dir, 'right'), ...patch };
}

/** Every file and folder under `dir`, relative, sorted: what a test left on disk. */
function listTree(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).map((p) => p.split(path.sep).join('/')).sort();
}

const fieldsOf = (spec: NewInvestigation) => checkNewInvestigation(spec).map((p) => p.field);

describe('checkNewInvestigation', () => {
  const dir = makeFolder('check');

  it('finds nothing wrong with a sound form, and writes nothing', () => {
    expect(checkNewInvestigation(makeSpec(dir))).toEqual([]);
    expect(listTree(dir)).toEqual(['data', 'data/deals.csv', 'data/mqls.csv']);
  });

  it('suggests the IANA name for a zone typed as people say it', () => {
    const [problem, ...rest] = checkNewInvestigation(makeSpec(dir, { timezone: 'Sao Paulo' }));
    expect(rest).toEqual([]);
    expect(problem).toEqual({ field: 'timezone', message: "unknown time zone 'Sao Paulo', did you mean 'America/Sao_Paulo'?", suggestion: 'America/Sao_Paulo' });
    const left = { ...draft(dir, 'left'), timezone: 'new york' };
    expect(checkNewInvestigation(makeSpec(dir, { left }))).toMatchObject([{ field: 'left.timezone', suggestion: 'America/New_York' }]);
  });

  it('names each field that is wrong', () => {
    expect(checkNewInvestigation(makeSpec(dir, { from: '2026-09-30', to: '2026-07-01' }))).toEqual([
      { field: 'to', message: 'the period ends (2026-07-01) before it starts (2026-09-30): swap the dates' },
    ]);
    expect(fieldsOf(makeSpec(dir, { from: '2026-02-30', to: '' }))).toEqual(['from', 'to']);
    expect(fieldsOf(makeSpec(dir, { title: ' ' }))).toEqual(['title']);
    expect(fieldsOf(makeSpec(dir, { right: { ...draft(dir, 'right'), name: 'Marketing' } }))).toEqual(['right.name']);
    expect(fieldsOf(makeSpec(dir, { left: { ...draft(dir, 'left'), name: 'hub-spot' } }))).toEqual(['left.name']);
    expect(fieldsOf(makeSpec(dir, { right: { ...draft(dir, 'right'), metric: 'MQL' } }))).toEqual(['right.metric']);
    expect(fieldsOf(makeSpec(dir, { left: { ...draft(dir, 'left'), fields: { key: '', first_contact_date: 'first_contact' } } }))).toEqual(['left.fields.key']);
    expect(fieldsOf(makeSpec(dir, { right: { ...draft(dir, 'right'), fields: { key: 'mql_id', won_date: '' } } }))).toEqual(['right.dateField']);
    expect(fieldsOf(makeSpec(dir, { right: { ...draft(dir, 'right'), file: path.join(dir, 'data/nope.csv') } }))).toEqual(['right.file']);
    expect(fieldsOf(makeSpec(dir, { left: { ...draft(dir, 'left'), file: path.join(dir, 'data') } }))).toEqual(['left.file']);
    // What only the contract's own reader finds is placed by side as well.
    const clash = { ...draft(dir, 'left'), fields: { ...draft(dir, 'left').fields, Key: 'origin' } };
    expect(checkNewInvestigation(makeSpec(dir, { left: clash }))).toEqual([
      { field: 'left.fields.Key', message: "sources.marketing.fields.Key: field 'Key' clashes with 'key' (field names are compared ignoring case)" },
    ]);
    const twice = [{ name: 'paid', expression: "origin = 'paid'" }, { name: 'paid', expression: "origin = 'x'" }];
    expect(fieldsOf(makeSpec(dir, { left: { ...draft(dir, 'left'), exclude: twice } }))).toEqual(['left.exclude.paid']);
  });

  it('wants a new .recon.yaml in a folder it can make, and proposes a free name', () => {
    expect(checkNewInvestigation(makeSpec(dir, { contractPath: path.join(dir, 'x.yaml') }))).toMatchObject([{ field: 'contractPath', suggestion: path.join(dir, 'x.recon.yaml') }]);
    expect(fieldsOf(makeSpec(dir, { contractPath: 'relative/x.recon.yaml' }))).toEqual(['contractPath']);
    fs.writeFileSync(path.join(dir, 'taken.recon.yaml'), '');
    fs.writeFileSync(path.join(dir, 'taken-2.recon.yaml'), '');
    expect(checkNewInvestigation(makeSpec(dir, { contractPath: path.join(dir, 'taken.recon.yaml') }))).toMatchObject([
      { field: 'contractPath', message: /taken\.recon\.yaml already exists/, suggestion: path.join(dir, 'taken-3.recon.yaml') },
    ]);
    expect(checkNewInvestigation(makeSpec(dir, { contractPath: path.join(dir, 'data/mqls.csv/x.recon.yaml') }))).toMatchObject([{ field: 'contractPath', message: /is a file, not a folder/ }]);
  });

  // root writes everywhere: the refusal can only be seen as another user.
  it.skipIf(process.getuid?.() === 0)('refuses a folder it cannot write in', () => {
    const locked = path.join(dir, 'locked');
    fs.mkdirSync(locked, { mode: 0o500 });
    expect(checkNewInvestigation(makeSpec(dir, { contractPath: path.join(locked, 'sub/x.recon.yaml') }))).toMatchObject([{ field: 'contractPath', message: /cannot write in the folder/ }]);
  });
});

describe('createInvestigation', () => {
  it('writes a commented contract keyed on `key` with the date and rules chosen, and opens it', async () => {
    const dir = makeFolder('create');
    const home = path.join(dir, 'home');
    const wb = await createWorkbench({ home, sampleContract });
    const left = { ...draft(dir, 'left'), exclude: [{ name: 'organic', expression: "origin = 'organic'" }] };
    const spec = makeSpec(dir, { left, normalize: ['trim'] });
    const info = await wb.createInvestigation(spec);
    expect(info.contractPath).toBe(spec.contractPath);
    const text = fs.readFileSync(spec.contractPath, 'utf8');
    const contract = parseContract(text, 'new');
    expect(contract.identity).toEqual({ key: 'key', normalize: ['trim'] });
    expect(contract.sources.map((s) => [s.name, s.file, s.id, s.fields])).toEqual([
      ['marketing', '../data/mqls.csv', 'mql_id', { key: 'mql_id', first_contact_date: 'first_contact', origin: 'origin' }],
      ['sales', '../data/deals.csv', 'deal_id', { key: 'mql_id', won_date: 'won_date' }],
    ]);
    expect(contract.metrics.map((m) => [m.name, m.date, m.exclude.map((r) => [r.name, r.expression])])).toEqual([
      ['MQL', 'first_contact_date', [['organic', "origin = 'organic'"]]],
      ['Won deal', 'won_date', []],
    ]);
    expect(text).toMatch(/^# Two records are the same when their key values match once we:\n# {3}trim: ignore spaces around the value$/m);
    const buckets = (await wb.getReport()).reconciliations[0]?.buckets ?? [];
    expect(buckets.find((b) => b.side === 'left' && b.kind === 'excluded')?.ids).toEqual(['m2']);
    expect(buckets.find((b) => b.side === 'left' && b.kind === 'matched')?.ids.sort()).toEqual(['m1', 'm3']);
    expect((await wb.listRecent())[0]).toMatchObject({ contractPath: spec.contractPath, period: { from: '2026-07-01', to: '2026-09-30', timezone: 'America/Sao_Paulo' } });
    await wb.close();
  });

  it('refuses a form with problems and writes nothing', async () => {
    const dir = makeFolder('refuse');
    const wb = await createWorkbench({ home: path.join(dir, 'home'), sampleContract });
    await expect(wb.createInvestigation(makeSpec(dir, { timezone: 'Sao Paulo', from: '2026-09-30', to: '2026-07-01' }))).rejects.toThrow(
      "cannot create the investigation: to: the period ends (2026-07-01) before it starts (2026-09-30): swap the dates (and 1 more problem)",
    );
    await wb.close();
    expect(listTree(dir).filter((p) => !p.startsWith('home'))).toEqual(['data', 'data/deals.csv', 'data/mqls.csv']);
  });

  it('refuses a date column that holds no dates, and writes nothing', async () => {
    const dir = makeFolder('not-dates');
    const wb = await createWorkbench({ home: path.join(dir, 'home'), sampleContract });
    const left = { ...draft(dir, 'left'), fields: { key: 'mql_id', first_contact_date: 'origin' } };
    await expect(wb.createInvestigation(makeSpec(dir, { left }))).rejects.toThrow(
      "cannot create the investigation: left.dateField: 4 of 4 values of 'origin' do not read as dates: 'paid', 'organic': choose a column that holds dates",
    );
    await wb.close();
    expect(listTree(dir).filter((p) => !p.startsWith('home'))).toEqual(['data', 'data/deals.csv', 'data/mqls.csv']);
  });

  it('leaves no contract, no session database and no new folder when the first reconcile fails', async () => {
    const dir = makeFolder('atomic');
    const home = path.join(dir, 'home');
    const wb = await createWorkbench({ home, sampleContract });
    await wb.openSample();
    const before = listTree(dir);
    // mql_id repeats in the deals: as the record id it cannot name one record each.
    const right = { ...draft(dir, 'right'), id: 'mql_id' };
    fs.appendFileSync(path.join(dir, 'data/deals.csv'), 'd4,m1,2026-07-21\n');
    const spec = makeSpec(dir, { right, contractPath: path.join(dir, 'new/deeper/olist.recon.yaml') });
    await expect(wb.createInvestigation(spec)).rejects.toThrow(/id column 'mql_id' repeats the value 'm1'/);
    expect(listTree(dir)).toEqual(before);
    expect(fs.existsSync(path.join(dir, 'new'))).toBe(false);
    // The open investigation is as it was, and the same Create works once the form is fixed.
    expect((await wb.getSession())?.title).toBe('Acme Q3 2026 MQL to CRM lead reconciliation');
    const info = await wb.createInvestigation({ ...spec, right: draft(dir, 'right') });
    expect(info.contractPath).toBe(spec.contractPath);
    await wb.close();
  });

  it('keeps a contract whose content is at fault, for the editor, with the problems of the failed open', async () => {
    const dir = makeFolder('content');
    const wb = await createWorkbench({ home: path.join(dir, 'home'), sampleContract });
    // A column the export does not have only shows when the file is read.
    const left = { ...draft(dir, 'left'), fields: { ...draft(dir, 'left').fields, origin: 'Origin Channel' } };
    const spec = makeSpec(dir, { left });
    await expect(wb.createInvestigation(spec)).rejects.toMatchObject({ code: 'invalid_contract' });
    expect(await wb.getSession()).toBeNull();
    const doc = await wb.readContractFile(spec.contractPath);
    expect(doc.contract).toBeNull();
    expect(doc.issues).toMatchObject([{ key: 'sources.marketing.fields.origin', message: expect.stringMatching(/Origin Channel/) }]);
    const line = doc.text.split('\n')[(doc.issues[0]?.line ?? 0) - 1];
    expect(line).toContain('origin: Origin Channel');
    // Fixed in the editor: saved, then opened.
    expect(await wb.saveContractFile(spec.contractPath, doc.text.replace('origin: Origin Channel', 'origin: origin'))).toEqual([]);
    expect((await wb.getSession())?.contractPath).toBe(spec.contractPath);
    await wb.close();
  });
});

describe('broken contract files', () => {
  it('reads a contract that does not parse with its issues, and saves the fix only when it parses', async () => {
    const dir = makeFolder('broken');
    const wb = await createWorkbench({ home: path.join(dir, 'home'), sampleContract });
    const info = await wb.openSample();
    const broken = path.join(dir, 'broken.recon.yaml');
    const good = fs.readFileSync(info.contractPath, 'utf8').replaceAll('file: exports/', `file: ${path.join(dir, 'home/sample/exports')}/`);
    const bad = good.replace('  period: { from: 2026-07-01', '  perod: { from: 2026-07-01');
    fs.writeFileSync(broken, bad);
    await expect(wb.openContract(broken)).rejects.toThrow(/reporting\.perod: unknown key 'perod', did you mean 'period'\?/);
    const doc = await wb.readContractFile(broken);
    expect(doc.path).toBe(broken);
    expect(doc.text).toBe(bad);
    expect(doc.contract).toBeNull();
    const lineOfTypo = bad.split('\n').findIndex((l) => l.includes('perod:')) + 1;
    expect(doc.issues.map((i) => [i.line, i.key])).toContainEqual([lineOfTypo, 'reporting.perod']);
    const stillBad = bad.replace('version: 7', 'version: [');
    expect((await wb.saveContractFile(broken, stillBad)).length).toBeGreaterThan(0);
    expect(fs.readFileSync(broken, 'utf8')).toBe(bad);
    expect(await wb.saveContractFile(broken, good)).toEqual([]);
    expect(fs.readFileSync(broken, 'utf8')).toBe(good);
    expect((await wb.getSession())?.contractPath).toBe(broken);
    await expect(wb.readContractFile(path.join(dir, 'none.recon.yaml'))).rejects.toThrow(/contract file not found/);
    await wb.close();
  });
});

describe('resetSample', () => {
  it('puts the sample back as it shipped and opens it', async () => {
    const home = path.join(tmp, 'reset-home');
    const wb = await createWorkbench({ home, sampleContract });
    const info = await wb.openSample();
    const shipped = fs.readFileSync(sampleContract, 'utf8');
    const edited = shipped.replace('version: 7', 'version: 8');
    expect((await wb.applyContract(edited)).issues).toEqual([]);
    fs.writeFileSync(path.join(home, 'sample/exports/hubspot_contacts.csv'), 'damaged\n');
    fs.writeFileSync(path.join(home, 'sample/notes.txt'), 'mine');
    const reset = await wb.resetSample();
    expect(reset.contractPath).toBe(info.contractPath);
    expect(reset.version).toBe('7');
    expect(fs.readFileSync(info.contractPath, 'utf8')).toBe(shipped);
    for (const file of fs.readdirSync(path.join(root, 'samples/exports'))) {
      expect(fs.readFileSync(path.join(home, 'sample/exports', file)).equals(fs.readFileSync(path.join(root, 'samples/exports', file))), file).toBe(true);
    }
    expect(listTree(path.join(home, 'sample'))).toEqual(['acme-q3-2026.recon.yaml', 'exports', ...fs.readdirSync(path.join(root, 'samples/exports')).map((f) => `exports/${f}`).sort()]);
    expect((await wb.getReport()).reconciliations[0]?.buckets.length).toBeGreaterThan(0);
    await wb.close();
  });

  it('proposes new contracts in the workspace it was given', async () => {
    const wb = await createWorkbench({ home: path.join(tmp, 'ws-home'), workspace: path.join(tmp, 'My Investigations'), sampleContract });
    expect(await wb.getWorkspace()).toEqual({ workspace: path.join(tmp, 'My Investigations'), home: path.join(tmp, 'ws-home') });
    await wb.close();
  });
});
