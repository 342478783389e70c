// Property-based: random exports and contracts; the bridge keeps its invariants and agrees with a plain-JS reading.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { openInvestigation } from '../../electron/engine/openInvestigation';
import { checkBridgeInvariants } from './checkBridgeInvariants';
import { expectBuckets, expectUnreadable, type ExportRow, type RandomContract } from './expectBuckets';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-prop-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const people = ['ann@x.com', 'bob@y.org', 'cy@gmail.com', 'dee@x.com', 'eve@z.io'];
const email = fc.oneof(
  fc.constantFrom(...people),
  fc.constantFrom(...people).map((e) => e.toUpperCase()),
  fc.constantFrom(...people).map((e) => `  ${e} `),
  fc.constantFrom(...people).map((e) => e.replace('@', '+promo@')),
  fc.constantFrom('c.y@gmail.com', '', '   '),
);
const date = fc.oneof(
  fc.date({ min: new Date('2026-06-20T00:00:00Z'), max: new Date('2026-10-10T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 16).replace('T', ' ')),
  // Empty and blank are missing dates; text that reads as no date is an unreadable one (report.md).
  fc.constantFrom('', '   ', 'not a date', '2026-13-45 10:00'),
);
const row: fc.Arbitrary<ExportRow> = fc.record({ email, status: fc.constantFrom('open', 'spam', 'test', 'won'), date });
const contract: fc.Arbitrary<RandomContract> = fc.record({
  leftRules: fc.subarray(['spam', 'test', 'won']),
  rightRules: fc.subarray(['spam', 'test', 'open']),
  normalize: fc.subarray(['trim', 'lowercase', 'strip_plus_tag', 'gmail_dots'] as const),
  keep: fc.constantFrom('earliest', 'latest', 'first_row' as const),
  from: fc.constantFrom('2026-07-01', '2026-08-15'),
  to: fc.constantFrom('2026-09-30', '2026-08-31'),
});

function writeCsv(file: string, rows: ExportRow[]): void {
  const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;
  fs.writeFileSync(file, ['Email,Status,Date', ...rows.map((r) => [r.email, r.status, r.date].map(quote).join(','))].join('\n') + '\n');
}

function writeContract(dir: string, c: RandomContract): string {
  const rules = (names: string[]) => (names.length ? `    exclude:\n${names.map((n) => `      ${n}: "status = '${n}'"`).join('\n')}\n` : '');
  const file = path.join(dir, 'random.recon.yaml');
  fs.writeFileSync(
    file,
    `contract: random
version: 1
reporting: { timezone: UTC, period: { from: ${c.from}, to: ${c.to} } }
sources:
  left_src: { system: marketing, file: left.csv, fields: { email: Email, status: Status, at: Date } }
  right_src: { system: sales, file: right.csv, fields: { email: Email, status: Status, at: Date } }
identity: { key: email, normalize: [${c.normalize.join(', ')}] }
metrics:
  L:
    source: left_src
    date: at
${rules(c.leftRules)}    dedupe: { keep: ${c.keep} }
  R:
    source: right_src
    date: at
${rules(c.rightRules)}    dedupe: { keep: ${c.keep} }
reconcile:
  - { name: bridge, left: L, right: R }
`,
  );
  return file;
}

describe('bridge properties', () => {
  it('every random export and contract gives the buckets of a plain reading, with the invariants', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 25 }), fc.array(row, { maxLength: 25 }), contract, async (left, right, c) => {
        const dir = path.join(work, String(run++));
        fs.mkdirSync(dir);
        writeCsv(path.join(dir, 'left.csv'), left);
        writeCsv(path.join(dir, 'right.csv'), right);
        const inv = await openInvestigation(writeContract(dir, c));
        try {
          const report = await checkBridgeInvariants(inv);
          const actual = report.reconciliations[0]?.buckets.map((b) => ({ side: b.side, kind: b.kind, reason: b.reason, ids: b.ids })) ?? [];
          expect(actual).toEqual(expectBuckets(left, right, c));
          // The source card's unreadable values open to exactly those rows: count and page agree with a plain reading.
          for (const [side, rows] of [['left', left], ['right', right]] as const) {
            const query = { reconciliation: 'bridge', side, kind: 'gross' as const, unreadableColumn: 'Date' };
            const page = await inv.fetchRows(query, { offset: 0, limit: 100 });
            expect(await inv.countRows(query)).toBe(expectUnreadable(rows).length);
            expect(page.rows.map((r) => r[page.columns.indexOf('record_id')])).toEqual(expectUnreadable(rows));
          }
        } finally {
          inv.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
