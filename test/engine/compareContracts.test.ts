// review.md's comparison of two contracts over the same exports: every line under A and B, and exactly the records that moved.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContract } from '../../electron/engine/contract/loadContract';
import { openDatabase } from '../../electron/engine/openDatabase';
import { openInvestigation } from '../../electron/engine/openInvestigation';
import { compareContracts, type ComparedText, type ComparisonRun } from '../../electron/engine/review/compareContracts';
import { createComparer } from '../../electron/engine/review/createComparer';
import { hashFile } from '../../electron/engine/review/hashFile';
import type { ReconciliationReport } from '../../shared/reportTypes';
import type { ComparedReconciliation } from '../../shared/reviewTypes';
import { parseCsv } from './parseCsv';

const root = path.resolve(import.meta.dirname, '../..');
const sample = path.join(root, 'samples/acme-q3-2026.recon.yaml');
const sampleText = fs.readFileSync(sample, 'utf8');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-compare-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const TEST_RULE = `test: "lower(trim(email)) LIKE 'test%@%' OR lower(trim(email)) LIKE '%@example.%'"`;

/** A pilot of the sample written elsewhere: its exports named by absolute path, so it reads the sample's own files. */
function writePilot(name: string, edit: (text: string) => string): string {
  const text = edit(sampleText.replaceAll('file: exports/', `file: ${path.join(root, 'samples/exports')}/`));
  expect(text).not.toBe(sampleText);
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const readCompared = async (p: string): Promise<ComparedText> => ({ ...(await loadContract(p)), label: p, sha256: await hashFile(p) });

async function compare(aPath: string, bPath: string): Promise<ComparisonRun> {
  const db = await openDatabase(':memory:');
  try {
    return await compareContracts(db, await readCompared(aPath), await readCompared(bPath), { withIds: true });
  } finally {
    db.close();
  }
}

/** Each contract's own bridge, reconciled alone by the engine that `recon reconcile` runs. */
async function reconcileAlone(contractPath: string): Promise<ReconciliationReport> {
  const inv = await openInvestigation(contractPath);
  try {
    const [r] = (await inv.getReport()).reconciliations;
    if (!r) throw new Error('no reconciliation');
    return r;
  } finally {
    inv.close();
  }
}

/** Moves worked out from two bridges alone: each record's bucket in A's report against its bucket in B's (ids in A's bucket order, report.md's). */
function expectMovesOf(a: ReconciliationReport, b: ReconciliationReport): Map<string, string[]> {
  const bucketOf = new Map<string, string>();
  for (const bucket of b.buckets) for (const id of bucket.ids) bucketOf.set(`${bucket.side} ${id}`, `${bucket.kind}:${bucket.reason}`);
  const moves = new Map<string, string[]>();
  for (const bucket of a.buckets) {
    for (const id of bucket.ids) {
      const to = bucketOf.get(`${bucket.side} ${id}`);
      if (to === undefined) throw new Error(`record ${bucket.side} ${id} is in no bucket of B`);
      if (to === `${bucket.kind}:${bucket.reason}`) continue;
      const key = `${bucket.side} ${bucket.kind}:${bucket.reason} -> ${to}`;
      moves.set(key, [...(moves.get(key) ?? []), id]);
    }
  }
  return moves;
}

const movesOf = (r: ComparedReconciliation | undefined) =>
  new Map((r?.moved ?? []).map((m) => [`${m.side} ${m.from.kind}:${m.from.reason} -> ${m.to.kind}:${m.to.reason}`, m.ids]));

/** Every line's B count is its A count plus what moved in minus what moved out. */
function expectLinesBalance(r: ComparedReconciliation): void {
  for (const line of r.lines) {
    const into = (r.moved ?? []).filter((m) => m.side === line.side && m.to.kind === line.kind && m.to.reason === line.reason).reduce((n, m) => n + m.count, 0);
    const out = (r.moved ?? []).filter((m) => m.side === line.side && m.from.kind === line.kind && m.from.reason === line.reason).reduce((n, m) => n + m.count, 0);
    expect(line.b.count, `${line.side} ${line.kind} ${line.reason}`).toBe(line.a.count + into - out);
  }
}

describe('comparing two contracts', () => {
  it('a widened spam rule moves exactly the records its new condition selects that no earlier rule removed', async () => {
    const pilot = writePilot('widened.recon.yaml', (t) => t.replace(TEST_RULE, `${TEST_RULE.slice(0, -1)} OR lower(trim(email)) LIKE '%@gmail.com'"`));
    const run = await compare(sample, pilot);
    const [r] = run.comparison.reconciliations;
    const before = await reconcileAlone(sample);
    // The new condition read in plain TypeScript off the export, less what the baseline's internal and test rules already removed.
    const [header, ...rows] = parseCsv(fs.readFileSync(path.join(root, 'samples/exports/hubspot_contacts.csv'), 'utf8'));
    const at = (name: string) => header?.indexOf(name) ?? -1;
    const gmail = rows.filter((row) => (row[at('Email')] ?? '').trim().toLowerCase().endsWith('@gmail.com')).map((row) => row[at('Record ID')] ?? '');
    const removedBefore = new Set(before.buckets.filter((b) => b.side === 'left' && b.kind === 'excluded' && ['internal', 'test'].includes(b.reason)).flatMap((b) => b.ids));
    const expected = gmail.filter((id) => !removedBefore.has(id)).sort();
    expect(expected.length).toBeGreaterThan(5);
    const intoTest = (r?.moved ?? []).filter((m) => m.side === 'left' && m.to.kind === 'excluded' && m.to.reason === 'test');
    expect(intoTest.flatMap((m) => m.ids).sort()).toEqual(expected);
    // Widening a rule moves the records it removes; on its own side nothing else but a duplicate left without its survivor.
    expect((r?.moved ?? []).filter((m) => m.side === 'left' && !intoTest.includes(m)).every((m) => m.from.kind === 'duplicate')).toBe(true);
    // The whole set of moves is what the two bridges, reconciled apart, say of every record.
    const after = await reconcileAlone(pilot);
    expect(movesOf(r)).toEqual(expectMovesOf(before, after));
    // Ordered by side, then A's bridge order of `from`, then B's of `to`.
    const positionOf = (report: ReconciliationReport, side: string, kind: string, reason: string) => report.buckets.findIndex((b) => b.side === side && b.kind === kind && b.reason === reason);
    const ranks = (r?.moved ?? []).map((m): [number, number, number] => [m.side === 'left' ? 0 : 1, positionOf(before, m.side, m.from.kind, m.from.reason), positionOf(after, m.side, m.to.kind, m.to.reason)]);
    expect(ranks.length).toBeGreaterThan(3);
    expect(ranks).toEqual([...ranks].sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]));
    if (r) expectLinesBalance(r);
    expect(run.comparison.b.version).toBe('7');
    expect(run.comparison.a.sha256).toBe(await hashFile(sample));

    // The screen's reading: no ids, every move paged in the same order, each record with its export row.
    const comparer = createComparer();
    try {
      const screen = await comparer.compare(await readCompared(sample), await readCompared(pilot), {});
      expect(screen.reconciliations[0]?.moved?.map((m) => [m.side, m.from, m.to, m.count, m.ids])).toEqual(r?.moved?.map((m) => [m.side, m.from, m.to, m.count, []]));
      const byId = new Map(rows.map((row) => [row[at('Record ID')], row]));
      for (const move of r?.moved ?? []) {
        const paged: (string | null)[][] = [];
        for (let offset = 0; offset < move.count + 4; offset += 4) paged.push(...(await comparer.fetchMovedRows({ reconciliation: r?.name ?? '', ...move }, { offset, limit: 4 })).rows);
        expect(paged.map((row) => row[0])).toEqual(move.ids);
        // An empty field is listed as null, as fetchRows lists it.
        if (move.side === 'left') expect(paged.map((row) => row.slice(1).map((v) => v ?? ''))).toEqual(move.ids.map((id) => byId.get(id)));
      }
    } finally {
      comparer.close();
    }
  });

  it('a renamed rule moves its records by reason alone, on its side and on the other', async () => {
    // The MQL's rule comes first in the file; the CRM Lead's rule of the same name stays as it is.
    const pilot = writePilot('renamed.recon.yaml', (t) => t.replace(`      internal: "lower(trim(email))`, `      staff: "lower(trim(email))`));
    const [r] = (await compare(sample, pilot)).comparison.reconciliations;
    const before = await reconcileAlone(sample);
    const idsOf = (side: string, kind: string, reason: string) => before.buckets.find((b) => b.side === side && b.kind === kind && b.reason === reason)?.ids ?? [];
    expect(r?.moved?.map((m) => [m.side, m.from, m.to, m.ids])).toEqual([
      ['left', { kind: 'excluded', reason: 'internal' }, { kind: 'excluded', reason: 'staff' }, idsOf('left', 'excluded', 'internal')],
      ['right', { kind: 'excluded_on_other_side', reason: 'internal' }, { kind: 'excluded_on_other_side', reason: 'staff' }, idsOf('right', 'excluded_on_other_side', 'internal')],
    ]);
    const line = (reason: string) => r?.lines.find((l) => l.side === 'left' && l.kind === 'excluded' && l.reason === reason);
    expect(line('internal')).toMatchObject({ a: { count: idsOf('left', 'excluded', 'internal').length }, b: { count: 0 } });
    expect(line('staff')).toMatchObject({ a: { count: 0 }, b: { count: idsOf('left', 'excluded', 'internal').length } });
    // In report order: a reason only B has comes after A's reasons of its kind.
    expect(r?.lines.filter((l) => l.side === 'left' && l.kind === 'excluded').map((l) => l.reason)).toEqual(['internal', 'test', 'not_mql', 'staff']);
  });

  it('lists a reconciliation of one contract only with the other side at 0 and no moves', async () => {
    const pilot = writePilot('unpaired.recon.yaml', (t) => t.replace('- name: MQLs vs CRM leads', '- name: MQLs vs CRM leads (pilot)'));
    const { comparison } = await compare(sample, pilot);
    expect(comparison.reconciliations.map((r) => [r.name, r.moved])).toEqual([
      ['MQLs vs CRM leads', null],
      ['MQLs vs CRM leads (pilot)', null],
    ]);
    const [onlyA, onlyB] = comparison.reconciliations;
    expect(onlyA?.lines.every((l) => l.b.count === 0 && l.a.count > 0)).toBe(true);
    expect(onlyB?.lines.every((l) => l.a.count === 0 && l.b.count > 0)).toBe(true);
    expect(onlyA?.lines.map((l) => l.a.count)).toEqual((await reconcileAlone(sample)).buckets.map((b) => b.count));
  });

  it('refuses a B that reads another file or another id column for a source, naming the source', async () => {
    const copy = path.join(dir, 'hubspot_copy.csv');
    fs.copyFileSync(path.join(root, 'samples/exports/hubspot_contacts.csv'), copy);
    const otherFile = writePilot('other-file.recon.yaml', (t) => t.replace(/file: \S+hubspot_contacts\.csv/, `file: ${copy}`));
    await expect(compare(sample, otherFile)).rejects.toThrow(/^source 'hubspot': B reads .*hubspot_copy\.csv, A reads .*samples\/exports\/hubspot_contacts\.csv/);
    const otherId = writePilot('other-id.recon.yaml', (t) => t.replace('id: Record ID', 'id: Email'));
    await expect(compare(sample, otherId)).rejects.toThrow(/^source 'hubspot': B has id column 'Email', A has id column 'Record ID'/);
  });

  it('values each line when the metrics have a value, and moves nothing between a contract and itself', async () => {
    const pipeline = path.join(root, 'samples/pipeline/acme-pipeline-q3-2026.recon.yaml');
    const { comparison } = await compare(pipeline, pipeline);
    const inv = await openInvestigation(pipeline);
    const report = await inv.getReport({ ids: false });
    inv.close();
    expect(comparison.reconciliations.map((r) => r.name)).toEqual(report.reconciliations.map((r) => r.name));
    for (const [i, r] of comparison.reconciliations.entries()) {
      expect(r.moved).toEqual([]);
      const buckets = report.reconciliations[i]?.buckets.filter((b) => b.count > 0) ?? [];
      expect(r.lines.map((l) => [l.side, l.kind, l.reason, l.a, l.b])).toEqual(buckets.map((b) => [b.side, b.kind, b.reason, { count: b.count, value: b.value }, { count: b.count, value: b.value }]));
    }
  });
});
