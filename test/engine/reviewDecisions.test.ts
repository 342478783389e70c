// Decisions on the sample as a reviewer makes them through the workbench: what a line records, current and history, staleness and what does not make a decision stale.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkbench, type Workbench } from '../../electron/engine/createWorkbench';
import type { DecisionLine, ReviewState } from '../../shared/reviewTypes';
import { changeOneByte, copySampleInvestigation } from './copySampleInvestigation';

const root = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-review-'));
const contract = copySampleInvestigation(path.join(dir, 'investigation'));
const home = path.join(dir, 'home');
const RECON = 'MQLs vs CRM leads';
const TEST_LINE = { reconciliation: RECON, side: 'left', kind: 'excluded', reason: 'test' } as const;
const RIGHT_LINE = { reconciliation: RECON, side: 'right', kind: 'excluded', reason: 'disqualified' } as const;
// A test record excluded only by the rule's `@example.` clause (marketing.ops@example.com).
const EXAMPLE_RECORD = '43453';

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const lastLine = (state: ReviewState) => JSON.parse(fs.readFileSync(state.file, 'utf8').trimEnd().split('\n').at(-1) ?? '') as DecisionLine;
const lineOf = (state: ReviewState, side: string, kind: string, reason: string) =>
  state.reconciliations[0]?.lines.find((l) => l.side === side && l.kind === kind && l.reason === reason);

let wb: Workbench;
beforeAll(async () => {
  wb = await createWorkbench({ home, sampleContract: path.join(root, 'samples/acme-q3-2026.recon.yaml') });
  await wb.openContract(contract);
});
afterAll(async () => {
  await wb.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('decisions on the sample', () => {
  it('lists every non-empty bridge line undecided, and asks who decides before the first decision', async () => {
    const state = await wb.getReview();
    const report = await wb.getReport({ ids: false });
    const nonEmpty = report.reconciliations[0]?.buckets.filter((b) => b.count > 0) ?? [];
    expect(state.file).toBe(`${contract}.decisions.jsonl`);
    expect(state.reviewer).toBeNull();
    expect(state.version).toBe('7');
    expect(state.reconciliations[0]).toMatchObject({ name: RECON, decided: 0, total: nonEmpty.length, records: {}, signOff: null });
    expect(state.reconciliations[0]?.lines.map((l) => [l.side, l.kind, l.reason, l.count])).toEqual(nonEmpty.map((b) => [b.side, b.kind, b.reason, b.count]));
    await expect(wb.decide(TEST_LINE, 'accepted', 'test sign-ups')).rejects.toMatchObject({ code: 'no_reviewer' });
    expect(fs.existsSync(state.file)).toBe(false);
    expect((await wb.setReviewer('  Dana Ruiz ')).reviewer).toBe('Dana Ruiz');
  });

  it('appends a line decision with who, when, the version, the hashes and the line count; the last line is current, earlier ones its history', async () => {
    const count = lineOf(await wb.getReview(), 'left', 'excluded', 'test')?.count;
    await wb.decide(TEST_LINE, 'accepted', 'test sign-ups');
    const state = await wb.decide(TEST_LINE, 'disputed', 'marketing says two are real');
    const written = lastLine(state);
    expect(written).toMatchObject({ ...TEST_LINE, record: null, status: 'disputed', note: 'marketing says two are real', by: 'Dana Ruiz', version: '7', count, value: null });
    expect(written.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(Math.abs(Date.parse(written.at) - Date.now())).toBeLessThan(60_000);
    expect(written.contract_sha256).toBe(sha256(contract));
    expect(written.inputs.find((i) => i.source === 'hubspot')).toEqual({ source: 'hubspot', file: 'exports/hubspot_contacts.csv', sha256: sha256(path.join(path.dirname(contract), 'exports/hubspot_contacts.csv')) });
    expect(written.inputs.map((i) => i.source)).toContain('salesforce');

    const recon = state.reconciliations[0];
    // The disputed line comes first; the rest stay in report order.
    expect(recon?.lines[0]).toMatchObject({ side: 'left', kind: 'excluded', reason: 'test', decision: { line: 2, stale: [], current: { status: 'disputed' } } });
    expect(recon?.lines[0]?.decision?.history.map((d) => d.status)).toEqual(['accepted']);
    expect(recon?.decided).toBe(1);
    await wb.decide(RIGHT_LINE, 'explained', 'sales disqualified them');
    expect((await wb.getReview()).reconciliations[0]?.decided).toBe(2);
  });

  it('files a record decision under the bucket the record is in, with that line count; refuses what does not exist, by name', async () => {
    const state = await wb.decide({ reconciliation: RECON, side: 'left', record: EXAMPLE_RECORD }, 'explained', 'QA bot');
    expect(lastLine(state)).toMatchObject({ side: 'left', kind: 'excluded', reason: 'test', record: EXAMPLE_RECORD, count: lineOf(state, 'left', 'excluded', 'test')?.count });
    expect(state.reconciliations[0]?.records[`left:${EXAMPLE_RECORD}`]).toMatchObject({ stale: [], current: { status: 'explained' } });
    await expect(wb.decide({ reconciliation: RECON, side: 'right', record: EXAMPLE_RECORD }, 'explained', '')).rejects.toThrow(`no record '${EXAMPLE_RECORD}' on the right side of '${RECON}'`);
    await expect(wb.decide({ ...TEST_LINE, reason: 'spam' }, 'accepted', '')).rejects.toThrow(`'${RECON}' has no bridge line left excluded spam`);
    await expect(wb.decide({ ...TEST_LINE, reconciliation: 'Deals' }, 'accepted', '')).rejects.toThrow(`unknown reconciliation 'Deals'; the contract has: ${RECON}`);
    const empty = (await wb.getReport({ ids: false })).reconciliations[0]?.buckets.find((b) => b.count === 0);
    if (empty) await expect(wb.decide({ reconciliation: RECON, side: empty.side, kind: empty.kind, reason: empty.reason }, 'accepted', '')).rejects.toThrow(/is empty: there is nothing to decide/);
  });

  it('records a decision on a metrics list with the list length', async () => {
    const sla = (await wb.getMetricsReport()).sla.find((s) => s.name === 'Speed to lead');
    const state = await wb.decide({ list: { sla: 'Speed to lead', list: 'breached' } }, 'follow_up', 'ask sales ops');
    expect(lastLine(state)).toMatchObject({ reconciliation: 'Speed to lead', side: null, record: null, count: sla?.breached.ids.length, list: { sla: 'Speed to lead', list: 'breached' } });
    expect(state.lists['{"list":"breached","sla":"Speed to lead"}']).toMatchObject({ stale: [], current: { status: 'follow_up' } });
    await expect(wb.decide({ list: { sla: 'Speed to answer', list: 'breached' } }, 'follow_up', '')).rejects.toThrow(/unknown SLA 'Speed to answer'/);
  });

  it('reports an unreadable line by its number and keeps it untouched through further decisions', async () => {
    const file = `${contract}.decisions.jsonl`;
    fs.appendFileSync(file, '{"status": "accepted", oops}\n');
    const number = fs.readFileSync(file, 'utf8').trimEnd().split('\n').length;
    await wb.decide(TEST_LINE, 'disputed', 'still disputed');
    const state = await wb.getReview();
    expect(state.unreadable).toEqual([expect.objectContaining({ line: number, text: '{"status": "accepted", oops}', decision: null })]);
    expect(fs.readFileSync(file, 'utf8').split('\n')[number - 1]).toBe('{"status": "accepted", oops}');
    expect(lineOf(state, 'left', 'excluded', 'test')?.decision?.line).toBe(number + 1);
  });

  it('keeps decisions standing through a contract edit that changes only a comment', async () => {
    const { text } = await wb.getContract();
    const applied = await wb.applyContract(text.replace('# The board counts quarters', '# The board always counts quarters'));
    expect(applied.issues).toEqual([]);
    const state = await wb.getReview();
    expect(lineOf(state, 'left', 'excluded', 'test')?.decision?.stale).toEqual([]);
    expect(state.reconciliations[0]?.records[`left:${EXAMPLE_RECORD}`]?.stale).toEqual([]);
    expect(state.reconciliations[0]?.decided).toBe(2);
  });

  it('makes a line decision stale with its counts, and a record decision stale with its new bucket, when a rule changes them', async () => {
    const before = lineOf(await wb.getReview(), 'left', 'excluded', 'test')?.count;
    const { text } = await wb.getContract();
    const narrowed = text.replace(` OR lower(trim(email)) LIKE '%@example.%'"`, '"');
    expect(narrowed).not.toBe(text);
    expect((await wb.applyContract(narrowed)).issues).toEqual([]);
    const state = await wb.getReview();
    const after = lineOf(state, 'left', 'excluded', 'test')?.count;
    expect(after).toBeLessThan(before ?? 0);
    expect(lineOf(state, 'left', 'excluded', 'test')?.decision?.stale).toEqual([`count was ${before}, now ${after}`]);
    const moved = (await wb.inspectRecord(RECON, 'left', EXAMPLE_RECORD)).rows.find((r) => r.side === 'left' && r.id === EXAMPLE_RECORD);
    // The CRM has no lead with its e-mail: no longer excluded, it is a record only marketing counts.
    expect(moved?.kind).toBe('unmatched');
    expect(state.reconciliations[0]?.records[`left:${EXAMPLE_RECORD}`]?.stale).toEqual([`record ${EXAMPLE_RECORD} moved from left excluded test to left unmatched ${moved?.reason}`]);
    // Stale lines are not decided: the right side's decision alone still counts.
    expect(state.reconciliations[0]?.decided).toBe(1);
    // Deciding again on the line as it is now makes it current and not stale.
    const again = await wb.decide(TEST_LINE, 'accepted', 'narrowed rule agreed');
    expect(lineOf(again, 'left', 'excluded', 'test')?.decision).toMatchObject({ stale: [], current: { count: after } });
  });

  it('makes the decisions of a side stale, naming its file, when one byte of its export changes; the other side stands', async () => {
    changeOneByte(path.join(path.dirname(contract), 'exports/hubspot_contacts.csv'), '"Samuel","Nakamura"', '"Samuez","Nakamura"');
    await wb.openContract(contract);
    const state = await wb.getReview();
    expect(lineOf(state, 'left', 'excluded', 'test')?.decision?.stale).toEqual(['exports/hubspot_contacts.csv changed since']);
    expect(lineOf(state, 'right', 'excluded', 'disqualified')?.decision?.stale).toEqual([]);
    expect(state.lists['{"list":"breached","sla":"Speed to lead"}']?.stale).toContain('exports/hubspot_contacts.csv changed since');
    expect(state.reconciliations[0]?.decided).toBe(1);
  });
});
