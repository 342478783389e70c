// Revisions kept in the investigation (across applies, restarts and session format changes) and comparisons through the workbench API.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkbench } from '../../electron/engine/createWorkbench';
import { openDatabase } from '../../electron/engine/openDatabase';
import { writeUserSettings } from '../../electron/engine/review/userSettings';
import { sessionDatabasePath } from '../../electron/engine/session/openSession';
import { REVIEW_LEFT, writeReviewInvestigation } from './writeReviewInvestigation';

const root = path.resolve(import.meta.dirname, '../..');
const sampleContract = path.join(root, 'samples/acme-q3-2026.recon.yaml');
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-revisions-'));
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const GMAIL_RULE = `MQL: { source: hubspot, date: mql_at, exclude: { gmail: "email LIKE '%@gmail.com'" } }`;

describe('contract revisions', () => {
  it('keeps every text applied, once each, with who applied it, across restarts and a session format change', async () => {
    const home = path.join(base, 'home');
    const contract = writeReviewInvestigation(path.join(base, 'investigation'));
    const first = fs.readFileSync(contract, 'utf8');
    const wb = await createWorkbench({ home, sampleContract });
    await wb.openContract(contract);
    expect(await wb.listRevisions()).toMatchObject([{ number: 1, by: null, version: '3', sha256: sha256(first) }]);

    writeUserSettings(home, { reviewer: 'Dana Ruiz' });
    const second = first.replace('version: 3', 'version: 4').replace('MQL: { source: hubspot, date: mql_at }', GMAIL_RULE);
    expect((await wb.applyContract(second)).issues).toEqual([]);
    // The same text applied again, or the contract reopened unchanged, is no new revision.
    await wb.applyContract(second);
    await wb.openContract(contract);
    const kept = await wb.listRevisions();
    expect(kept).toMatchObject([
      { number: 1, by: null, version: '3' },
      { number: 2, by: 'Dana Ruiz', version: '4', sha256: sha256(second) },
    ]);
    expect(Date.parse(kept[1]?.at ?? '')).toBeGreaterThanOrEqual(Date.parse(kept[0]?.at ?? ''));
    expect(await wb.getRevision(1)).toMatchObject({ number: 1, text: first });
    await expect(wb.getRevision(3)).rejects.toThrow(/no revision 3: this investigation has revisions 1 to 2/);
    await wb.close();

    // An older session format makes the next open rebuild the model in the same file: the revisions stay.
    const db = await openDatabase(sessionDatabasePath(home, contract));
    await db.run(`UPDATE recon_meta SET value = '1' WHERE key = 'format'`);
    db.close();
    // A text changed outside the app (an editor, git) is a revision when the investigation opens it.
    const third = second.replace('version: 4', 'version: 5');
    fs.writeFileSync(contract, third);
    const again = await createWorkbench({ home, sampleContract });
    await again.openContract(contract);
    expect((await again.listRevisions()).map((r) => [r.number, r.version, r.sha256])).toEqual([
      [1, '3', sha256(first)],
      [2, '4', sha256(second)],
      [3, '5', sha256(third)],
    ]);
    again.close();
  });

  it('compares a revision, the open contract and a pilot file, and pages the moved records with their columns', async () => {
    const home = path.join(base, 'home-compare');
    const contract = writeReviewInvestigation(path.join(base, 'compare'));
    const text = fs.readFileSync(contract, 'utf8');
    const pilot = path.join(base, 'compare', 'pilot.recon.yaml');
    fs.writeFileSync(pilot, text.replace('version: 3', 'version: 3-pilot').replace('MQL: { source: hubspot, date: mql_at }', GMAIL_RULE));
    const wb = await createWorkbench({ home, sampleContract });
    await expect(wb.compareContracts({ open: true }, { file: pilot })).rejects.toThrow(/no investigation is open/);
    await wb.openContract(contract);

    const view = await wb.compareContracts({ open: true }, { file: pilot });
    expect(view.aText).toBe(text);
    expect(view.bText).toBe(fs.readFileSync(pilot, 'utf8'));
    expect([view.a.version, view.b.version]).toEqual(['3', '3-pilot']);
    const [r] = view.reconciliations;
    const gmail = REVIEW_LEFT.slice(1).filter((row) => row[1]?.endsWith('@gmail.com'));
    // The screen's comparison carries counts; its records are paged.
    expect(r?.moved).toEqual([{ side: 'left', from: { kind: 'out_of_period', reason: 'outside_period' }, to: { kind: 'excluded', reason: 'gmail' }, count: gmail.length, ids: [] }]);
    const move = r?.moved?.[0];
    if (!move || !r) throw new Error('no move');
    const page = await wb.fetchMovedRows({ reconciliation: r.name, side: move.side, from: move.from, to: move.to }, { offset: 0, limit: 100 });
    expect(page).toEqual({ columns: ['record_id', ...(REVIEW_LEFT[0] ?? [])], rows: gmail.map((row) => [row[0], ...row]) });
    const nothing = await wb.fetchMovedRows({ reconciliation: r.name, side: 'right', from: move.from, to: move.to }, { offset: 0, limit: 100 });
    expect(nothing.rows).toEqual([]);
    await expect(wb.fetchMovedRows({ ...move, reconciliation: 'Nope' }, { offset: 0, limit: 1 })).rejects.toThrow(/'Nope' is not in both contracts of the last comparison; it compared: MQLs vs CRM leads/);

    // The pilot applied becomes revision 2; revision 1 against it moves the same records.
    await wb.applyContract(fs.readFileSync(pilot, 'utf8'));
    const byRevision = await wb.compareContracts({ revision: 1 }, { revision: 2 });
    expect(byRevision.reconciliations[0]?.moved).toEqual(r.moved);
    expect(byRevision.a.sha256).toBe(sha256(text));
    expect(byRevision.aText).toBe(text);
    // Opening an investigation lets go of the comparison made before.
    await wb.openContract(contract);
    await expect(wb.fetchMovedRows({ ...move, reconciliation: r.name }, { offset: 0, limit: 1 })).rejects.toThrow(/no comparison has been made yet/);
    await wb.close();
  });
});
