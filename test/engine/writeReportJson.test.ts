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
    await expectSameText(writeIdFixture(tricky));
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
});
