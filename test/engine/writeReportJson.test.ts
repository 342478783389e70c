// The CLI's streamed --json report is, byte for byte, JSON.stringify(getReport(), null, 2): on both samples and on ids built to trip it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { openInvestigation } from '../../electron/engine/openInvestigation';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-report-json-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const samples = path.resolve(__dirname, '../../samples');

async function expectSameText(contractPath: string): Promise<string> {
  const inv = await openInvestigation(contractPath);
  try {
    const pieces: string[] = [];
    await inv.writeReportJson(async (text) => {
      pieces.push(text);
    });
    const expected = `${JSON.stringify(await inv.getReport(), null, 2)}\n`;
    expect(pieces.join('')).toBe(expected);
    return expected;
  } finally {
    inv.close();
  }
}

/** RFC 4180 quoting, so that any id survives the CSV. */
function quoteCsv(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
}

let runs = 0;
/** Two exports of deals keyed by the given ids (left) and their counterparts (right), with amounts that differ on some. */
function writeIdFixture(ids: string[]): string {
  const dir = path.join(work, String(runs++));
  fs.mkdirSync(dir);
  const left = ids.map((id, i) => `${quoteCsv(id)},${i % 3 === 0 ? 'TEST deal' : 'deal'},${100 + i},2026-08-0${(i % 9) + 1}`);
  const right = ids.filter((_, i) => i % 2 === 0).map((id, i) => `${quoteCsv(id)},${100 + i * 2},2026-08-0${(i % 9) + 1}`);
  fs.writeFileSync(path.join(dir, 'left.csv'), `Id,Name,Amount,Created\n${left.join('\n')}\n`);
  fs.writeFileSync(path.join(dir, 'right.csv'), `Id,Amount,Created\n${right.join('\n')}\n`);
  const file = path.join(dir, 'ids.recon.yaml');
  fs.writeFileSync(
    file,
    `contract: "Ids \\"quoted\\", tabs\\tand \\\\ slashes"
version: 1
reporting:
  timezone: UTC
  period: { from: 2026-07-01, to: 2026-09-30 }
  currency: USD
sources:
  left: { system: marketing, file: left.csv, id: Id, fields: { name: Name, amount: Amount, created: Created } }
  right: { system: sales, file: right.csv, id: Id, fields: { amount: Amount, created: Created } }
metrics:
  L: { source: left, date: created, value: amount, exclude: { "test \\"deals\\"": "name LIKE 'TEST%'" } }
  R: { source: right, date: created, value: amount }
reconcile:
  - name: "Deals, \\"left\\" vs right"
    left: L
    right: R
    match: { left: id, right: id, normalize: [] }
    compare: { value: { tolerance: 0 } }
`,
  );
  return file;
}

/**
 * A left export of `rows` deals, half of them in the right one, and a header-only export: two reconciliations, the
 * first with buckets of more ids than one chunk of DuckDB's stream holds and more pairs than one chunk (every matched
 * pair's dates differ), the second with no buckets on one side.
 */
function writeLargeFixture(rows: number): string {
  const dir = path.join(work, `large-${rows}`);
  fs.mkdirSync(dir);
  const left = Array.from({ length: rows }, (_, i) => `${i % 7 === 0 ? `SF-${i}` : String(rows - i)},${i % 50 === 0 ? 'TEST' : 'deal'},2026-08-0${(i % 9) + 1}`);
  const right = Array.from({ length: rows / 2 }, (_, i) => `${i % 7 === 0 ? `SF-${i}` : String(rows - i)},2026-0${(i % 3) + 7}-15`);
  fs.writeFileSync(path.join(dir, 'left.csv'), `Id,Name,Created\n${left.join('\n')}\n`);
  fs.writeFileSync(path.join(dir, 'right.csv'), `Id,Created\n${right.join('\n')}\n`);
  fs.writeFileSync(path.join(dir, 'none.csv'), `Id,Created\n`);
  const file = path.join(dir, 'large.recon.yaml');
  fs.writeFileSync(
    file,
    `contract: Large buckets
version: 1
reporting: { timezone: UTC, period: { from: 2026-08-01, to: 2026-08-31 } }
sources:
  left: { system: marketing, file: left.csv, id: Id, fields: { name: Name, created: Created } }
  right: { system: sales, file: right.csv, id: Id, fields: { created: Created } }
  none: { system: sales, file: none.csv, id: Id, fields: { created: Created } }
metrics:
  L: { source: left, date: created, exclude: { test: "name = 'TEST'" } }
  R: { source: right, date: created }
  N: { source: none, date: created }
reconcile:
  - { name: Left vs right, left: L, right: R, match: { left: id, right: id, normalize: [] }, compare: { created: { tolerance: 0 days } } }
  - { name: Left vs none, left: L, right: N, match: { left: id, right: id, normalize: [] } }
`,
  );
  return file;
}

describe('writeReportJson', () => {
  it('writes the text of JSON.stringify for both samples', async () => {
    const leads = await expectSameText(path.join(samples, 'acme-q3-2026.recon.yaml'));
    const pipeline = await expectSameText(path.join(samples, 'pipeline/acme-pipeline-q3-2026.recon.yaml'));
    // Both have lists to stream: ids in every bucket, and the pipeline sample's pairs.
    expect(leads).toMatch(/"ids": \[\n {12}"/);
    expect(pipeline).toMatch(/"pairs": \[\n {8}\{/);
  });

  it('writes ids holding quotes, commas, backslashes, control characters and any Unicode exactly as JSON.stringify does', async () => {
    const tricky = ['a","b', 'q"', '\\', 'x\\"', '","', 'tab\there', 'bell\u0007', 'é€😀', '\u2028', '12', '007', '-3', ' padded ', '[', ']'];
    // Every control character a CSV cell can hold (not NUL, CR, LF), and a backslash-u text that only looks like an escape.
    const controls = Array.from({ length: 0x20 }, (_, code) => `c${String.fromCharCode(code)}${code}`).filter((id) => !/[\0\r\n]/.test(id));
    const text = await expectSameText(writeIdFixture([...tricky, ...controls, 'x\\u001F', 'del\u007f']));
    expect(text).toContain('"c\\u001f31"');
    // Random ids of printable and control characters alike; no NUL (a text export holds none: the import refuses the
    // file as binary) and no line breaks (a CSV cell keeps them, but that is the import's test, not this one's).
    const idText = fc.string({ unit: fc.oneof(fc.constantFrom('"', ',', '\\', '\t', '\u0001', '\u001f', 'é', '😀', '/'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), minLength: 1, maxLength: 6 })
      .filter((s) => s.trim() === s && s !== '' && !/[\0\r\n]/.test(s));
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(idText, { minLength: 1, maxLength: 12 }), async (ids) => {
        await expectSameText(writeIdFixture(ids));
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it('writes buckets and pairs longer than one chunk of the stream, several reconciliations and a side without buckets', async () => {
    // DuckDB streams 2,048 ids at a time: 20k rows put several chunks in the largest buckets.
    const text = await expectSameText(writeLargeFixture(20_000));
    const report = JSON.parse(text) as { reconciliations: { buckets: { side: string; count: number }[] }[] };
    expect(Math.max(...report.reconciliations.flatMap((r) => r.buckets.map((b) => b.count)))).toBeGreaterThan(3 * 2048);
    expect(report.reconciliations).toHaveLength(2);
    expect(report.reconciliations[1]?.buckets.filter((b) => b.side === 'right')).toEqual([]);
    expect((JSON.parse(text) as { reconciliations: { pairs?: unknown[] }[] }).reconciliations[0]?.pairs?.length).toBeGreaterThan(2048);
  }, 120_000);
});
