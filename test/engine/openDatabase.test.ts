// An in-memory database's memory is capped and what does not fit goes to a folder of the system's temp dir, gone on close.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/engine/openDatabase';

describe('openDatabase in memory', () => {
  it('keeps its tables when they outgrow the memory limit, spilling to a temp folder of its own that close removes', async () => {
    const db = await openDatabase();
    const [settings] = await db.all<{ limit: string; folder: string }>(`SELECT current_setting('memory_limit') AS limit, current_setting('temp_directory') AS folder`);
    const folder = settings?.folder ?? '';
    // Never DuckDB's default `.tmp` in the working directory (the analyst's folder, for the CLI).
    expect(path.dirname(folder)).toBe(os.tmpdir());
    expect(settings?.limit).not.toBe('');
    // A lower cap than the engine's so that a few MB of rows must spill.
    await db.run(`SET memory_limit = '32MB'`);
    await db.run(`CREATE TABLE big AS SELECT 'row number ' || i || ' of a table larger than memory' AS text, i FROM range(1500000) r(i)`);
    expect(fs.readdirSync(folder).length).toBeGreaterThan(0);
    const [check] = await db.all<{ n: string; last: string }>(`SELECT count(*) AS n, max(i) AS last FROM big WHERE text = 'row number ' || i || ' of a table larger than memory'`);
    expect(check).toEqual({ n: '1500000', last: '1499999' });
    db.close();
    expect(fs.existsSync(folder)).toBe(false);
  }, 60_000);

  it('gives each database a folder of its own', async () => {
    const [a, b] = await Promise.all([openDatabase(), openDatabase()]);
    const folderOf = async (db: typeof a) => (await db.all<{ folder: string }>(`SELECT current_setting('temp_directory') AS folder`))[0]?.folder;
    expect(await folderOf(a)).not.toBe(await folderOf(b));
    a.close();
    b.close();
  });
});
