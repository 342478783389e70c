// The decisions file under crashes and concurrent writers: whole lines only, nothing earlier lost, unreadable lines reported by number and kept.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appendDecision, readDecisionsFile } from '../../electron/engine/review/decisionsFile';
import type { DecisionFileLine, DecisionLine } from '../../shared/reviewTypes';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-decisions-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const child = path.join(import.meta.dirname, 'appendDecisionsChild.ts');

function startAppending(file: string, count: number | 'forever', tag: string) {
  return fork(child, [file, String(count), tag], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

function waitForExit(process: ReturnType<typeof startAppending>): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => process.on('exit', (code, signal) => resolve({ code, signal })));
}

/** The sequence numbers of one writer's notes, in file order. */
function readSequence(lines: DecisionFileLine[], tag: string): number[] {
  return lines.flatMap((l) => (l.decision?.note.startsWith(`${tag} `) ? [Number(l.decision.note.slice(tag.length + 1))] : []));
}

const upTo = (n: number) => Array.from({ length: n }, (_, i) => i);

const decision: DecisionLine = {
  reconciliation: 'MQLs vs CRM leads',
  side: 'left',
  kind: 'timing',
  reason: 'timing',
  record: null,
  status: 'accepted',
  note: 'sync lag, 18 records',
  by: 'Dana Ruiz',
  at: '2026-12-01T14:03:00+01:00',
  version: '7',
  contract_sha256: 'b'.repeat(64),
  inputs: [{ source: 'hubspot', file: 'exports/hubspot_contacts.csv', sha256: 'c'.repeat(64) }],
  count: 18,
  value: null,
};

describe('the decisions file', () => {
  it('keeps every whole line when its writer is killed with SIGKILL between two writes, and the next append starts on its own line', async () => {
    const file = path.join(dir, 'killed.recon.yaml.decisions.jsonl');
    const writer = startAppending(file, 'forever', 'K');
    const exited = waitForExit(writer);
    await new Promise<void>((resolve) => writer.once('message', () => resolve()));
    writer.kill('SIGKILL');
    expect((await exited).signal).toBe('SIGKILL');

    const lines = readDecisionsFile(file);
    expect(lines.length).toBeGreaterThan(50);
    // Only the very last line may have been cut short; every earlier one reads, none lost, in order.
    const whole = lines.at(-1)?.decision ? lines : lines.slice(0, -1);
    expect(whole.every((l) => l.decision !== null)).toBe(true);
    expect(readSequence(lines, 'K')).toEqual(upTo(whole.length));

    const before = fs.readFileSync(file);
    appendDecision(file, decision);
    const after = readDecisionsFile(file);
    expect(fs.readFileSync(file).subarray(0, before.length).equals(before)).toBe(true);
    expect(after.at(-1)?.decision).toEqual(decision);
    expect(after.at(-1)?.line).toBe(before.toString('utf8').split('\n').length + (before.at(-1) === 0x0a ? 0 : 1));
  });

  it('reports a torn last line by its number, keeps it byte for byte, and starts the next decision on a line of its own', () => {
    const file = path.join(dir, 'torn.recon.yaml.decisions.jsonl');
    appendDecision(file, decision);
    appendDecision(file, { ...decision, status: 'disputed' });
    // What a crash in the middle of a write leaves: half a line, no line ending.
    const torn = JSON.stringify({ ...decision, note: 'cut short' }).slice(0, 120);
    fs.appendFileSync(file, torn);
    const read = readDecisionsFile(file);
    expect(read.map((l) => l.line)).toEqual([1, 2, 3]);
    expect(read[2]).toMatchObject({ line: 3, text: torn, decision: null, problem: expect.stringMatching(/^not JSON/) });

    appendDecision(file, { ...decision, status: 'explained' });
    appendDecision(file, { ...decision, status: 'follow_up' });
    const text = fs.readFileSync(file, 'utf8');
    expect(text.split('\n')[2]).toBe(torn);
    const again = readDecisionsFile(file);
    expect(again.map((l) => [l.line, l.decision?.status ?? l.problem?.slice(0, 8)])).toEqual([
      [1, 'accepted'],
      [2, 'disputed'],
      [3, 'not JSON'],
      [4, 'explained'],
      [5, 'follow_up'],
    ]);
  });

  it('reports a line that is JSON but not a decision with why, and keeps it untouched through further appends', () => {
    const file = path.join(dir, 'edited.recon.yaml.decisions.jsonl');
    appendDecision(file, decision);
    // A hand edit gone wrong: a status the file does not know.
    const edited = JSON.stringify({ ...decision, status: 'approved' });
    fs.appendFileSync(file, `${edited}\n\n`);
    appendDecision(file, { ...decision, note: 'after the edit' });
    const read = readDecisionsFile(file);
    expect(read.map((l) => l.line)).toEqual([1, 2, 4]);
    expect(read[1]).toMatchObject({ line: 2, text: edited, decision: null, problem: expect.stringContaining('"status" must be one of explained') });
    expect(fs.readFileSync(file, 'utf8').split('\n')[1]).toBe(edited);
    expect(read[2]?.decision?.note).toBe('after the edit');
  });

  it("takes two processes appending 500 lines each at the same time: all 1,000 lines whole, each writer's lines in its own order", async () => {
    const file = path.join(dir, 'shared.recon.yaml.decisions.jsonl');
    const writers = [startAppending(file, 500, 'A'), startAppending(file, 500, 'B')];
    const exits = await Promise.all(writers.map(waitForExit));
    expect(exits).toEqual([
      { code: 0, signal: null },
      { code: 0, signal: null },
    ]);
    const lines = readDecisionsFile(file);
    expect(lines).toHaveLength(1000);
    expect(lines.filter((l) => l.decision === null)).toEqual([]);
    expect(readSequence(lines, 'A')).toEqual(upTo(500));
    expect(readSequence(lines, 'B')).toEqual(upTo(500));
    // Interleaved, not one after the other: otherwise the test proved nothing about concurrent writes.
    const firstB = lines.findIndex((l) => l.decision?.note.startsWith('B '));
    const lastA = lines.findLastIndex((l) => l.decision?.note.startsWith('A '));
    expect(firstB).toBeLessThan(lastA);
  });
});
