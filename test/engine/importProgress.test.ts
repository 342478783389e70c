// Import progress on real DuckDB: reports at least every second whose figures grow and end at the file's total, and an abort that stops within a second.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Progress } from '../../shared/api';
import { createProgressMeter } from '../../electron/engine/createProgressMeter';
import { importFile } from '../../electron/engine/import/importFile';
import { openDatabase, type Database } from '../../electron/engine/openDatabase';
import { openInvestigation } from '../../electron/engine/openInvestigation';
import { UserError } from '../../electron/engine/UserError';

const ROWS = 200_000;
let dir: string;
let db: Database;
const sharedTmp = process.env.TMPDIR;

// A temp folder of this file's own, so that 'no temp copy left' sees only this file's copies.
beforeAll(async () => {
  process.env.TMPDIR = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-progress-tmp-'));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-progress-test-'));
  db = await openDatabase(':memory:');
  const lines = Array.from({ length: ROWS }, (_, i) => `${i + 1},person${i}@example.com,2026-08-${String((i % 28) + 1).padStart(2, '0')} 10:00,"Company ${i % 97}, Inc."`);
  fs.writeFileSync(path.join(dir, 'plain.csv'), `Id,Email,When,Company\n${lines.join('\n')}\n`);
  // A title line above the header: imported through a normalized copy in the temp folder.
  fs.writeFileSync(path.join(dir, 'report.csv'), `Leads report\nId,Email,When,Company\n${lines.join('\n')}\n`);
  fs.writeFileSync(
    path.join(dir, 'plain.recon.yaml'),
    `contract: progress\nversion: 1\nreporting: { period: { from: 2026-07-01, to: 2026-09-30 } }\nsources:\n  a: { system: marketing, file: plain.csv, id: Id, fields: { email: Email, at: When } }\n  b: { system: sales, file: report.csv, id: Id, fields: { email: Email, at: When } }\nidentity: { key: email }\nmetrics:\n  A: { source: a, date: at }\n  B: { source: b, date: at }\nreconcile:\n  - { name: a vs b, left: A, right: B }\n`,
  );
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(os.tmpdir(), { recursive: true, force: true });
  if (sharedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = sharedTmp;
});

interface Timed extends Progress {
  at: number;
}

function listLongestGap(reports: Timed[]): number {
  return reports.slice(1).reduce((gap, r, i) => Math.max(gap, r.at - (reports[i]?.at ?? r.at)), 0);
}

describe('import progress', () => {
  it('reports every source and the reconcile at least every second, with figures that grow and end at the totals', async () => {
    const reports: Timed[] = [];
    const inv = await openInvestigation(path.join(dir, 'plain.recon.yaml'), { onProgress: (p) => reports.push({ ...p, at: performance.now() }) });
    inv.close();
    expect(listLongestGap(reports)).toBeLessThan(1000);
    for (const [source, file] of [
      ['a', 'plain.csv'],
      ['b', 'report.csv'],
    ] as const) {
      const size = fs.statSync(path.join(dir, file)).size;
      const under = reports.filter((r) => r.step === 'import' && r.source === source && r.detail !== undefined);
      expect(under.length, `reports while importing ${source}`).toBeGreaterThan(4);
      // Monotonic: the bar never goes back, nor do the bytes.
      for (const [i, r] of under.entries()) {
        if (i === 0) continue;
        expect(r.fraction ?? 0).toBeGreaterThanOrEqual(under[i - 1]?.fraction ?? 0);
      }
      const bytes = under.flatMap((r) => (r.bytesRead === undefined ? [] : [r.bytesRead]));
      expect(bytes).toEqual([...bytes].sort((x, y) => x - y));
      expect(bytes.at(-1)).toBe(size);
      expect(under.every((r) => r.bytesTotal === undefined || r.bytesTotal === size)).toBe(true);
      expect(under.at(-1)?.rowsRead).toBe(ROWS);
      expect(under.at(-1)?.fraction).toBeGreaterThan(0.75);
      expect(reports.find((r) => r.step === 'imported' && r.source === source)?.rowsRead).toBe(ROWS);
    }
    // The plain file is read as it is; the report through its copy to UTF-8.
    expect(reports.some((r) => r.source === 'a' && r.detail === 'copying')).toBe(false);
    expect(reports.some((r) => r.source === 'b' && r.detail === 'copying')).toBe(true);
    const reconcile = reports.filter((r) => r.step === 'reconcile' && r.detail !== undefined);
    expect(reconcile.map((r) => r.detail)).toEqual(expect.arrayContaining(['steps', 'pairs', 'bridge']));
    expect(reports.at(-1)?.step).toBe('reconciled');
  });
});

describe('an abort in the middle', () => {
  /** Aborts `delayMs` after the first report `when` picks; resolves with the error and how long after the abort it came. */
  async function abortDuring<T>(run: (signal: AbortSignal, onProgress: (p: Progress) => void) => Promise<T>, when: (p: Progress) => boolean, delayMs: number) {
    const controller = new AbortController();
    let abortedAt = 0;
    let scheduled = false;
    const onProgress = (p: Progress) => {
      if (scheduled || !when(p)) return;
      scheduled = true;
      setTimeout(() => {
        abortedAt = performance.now();
        controller.abort();
      }, delayMs);
    };
    const error = await run(controller.signal, onProgress).then(
      () => null,
      (e: unknown) => e,
    );
    return { error, afterMs: performance.now() - abortedAt, aborted: abortedAt > 0 };
  }

  it('rejects a copied import within a second while DuckDB reads the copy, leaving no table and no temp copy', async () => {
    const outcome = await abortDuring(
      async (signal, onProgress) => {
        const progress = createProgressMeter(db, onProgress);
        progress.begin({ step: 'import', source: 'report' });
        return importFile(db, path.join(dir, 'report.csv'), 'report', { signal, progress }).finally(progress.stop);
      },
      (p) => p.detail === 'reading',
      20,
    );
    expect(outcome.aborted).toBe(true);
    expect(outcome.error).toBeInstanceOf(UserError);
    expect(outcome.error).toMatchObject({ code: 'cancelled', message: 'import cancelled' });
    expect(outcome.afterMs).toBeLessThan(1000);
    expect(await db.all('SELECT table_name FROM duckdb_tables()')).toEqual([]);
    expect(fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('recon-import-'))).toEqual([]);
  });

  it('rejects an investigation within a second while it types a source, or while it reconciles', async () => {
    for (const step of ['typing', 'bridge']) {
      const outcome = await abortDuring(
        (signal, onProgress) => openInvestigation(path.join(dir, 'plain.recon.yaml'), { signal, onProgress }),
        (p) => p.detail === step,
        20,
      );
      expect(outcome.aborted, step).toBe(true);
      expect(outcome.error, step).toMatchObject({ code: 'cancelled' });
      expect(outcome.afterMs, step).toBeLessThan(1000);
    }
    expect(fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('recon-import-'))).toEqual([]);
  });
});
