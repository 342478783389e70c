// Keeps the last few imported exports in the workbench's scratch database, so the new-investigation form reads each file once.
import { statSync } from 'node:fs';
import type { Database } from '../openDatabase';
import { quoteIdent } from '../openDatabase';
import { UserError } from '../UserError';
import { importFile, type ImportedTable, type ImportOptions } from './importFile';

export interface CachedImport extends ImportedTable {
  /** The file, sheet, size and modification time it was read at: a changed file is read again. */
  key: string;
}

export interface ImportCache {
  /** `work`: the signal that cancels the import, and its share of the long work under way (a read for the form). */
  load(file: string, sheet?: string, work?: Pick<ImportOptions, 'signal' | 'progress'>): Promise<CachedImport>;
  /** Called before an entry's table is dropped, so tables built from it go too. */
  onEvict(listener: (entry: CachedImport) => Promise<void>): void;
  /** Drops every kept export (an investigation opened: the form's files are no longer needed in memory). */
  clear(): Promise<void>;
}

/** The form holds two exports; one more lets a sheet change keep the other side's file. */
const KEPT_FILES = 3;

/** `db` is used one call at a time by the caller (the workbench's queue). */
export function createImportCache(db: Database): ImportCache {
  const entries: CachedImport[] = [];
  const listeners: ((entry: CachedImport) => Promise<void>)[] = [];
  let serial = 0;
  async function drop(old: CachedImport[]): Promise<void> {
    for (const entry of old) {
      for (const listener of listeners) await listener(entry);
      await db.run(`DROP TABLE IF EXISTS ${quoteIdent(entry.table)}`);
    }
  }
  return {
    async load(file, sheet, work) {
      let stats;
      try {
        stats = statSync(file);
      } catch {
        throw new UserError(`${file}: file not found`, 'file_not_found');
      }
      const key = JSON.stringify([file, sheet ?? null, stats.size, stats.mtimeMs]);
      const cached = entries.find((e) => e.key === key);
      if (cached) {
        // The most recently used file is kept the longest.
        entries.splice(entries.indexOf(cached), 1);
        entries.unshift(cached);
        return cached;
      }
      serial += 1;
      const table = `form_import_${serial}`;
      const entry: CachedImport = { key, ...(await importFile(db, file, table, { sheet, ...work })) };
      entries.unshift(entry);
      await drop(entries.splice(KEPT_FILES));
      return entry;
    },
    clear: () => drop(entries.splice(0)),
    onEvict(listener) {
      listeners.push(listener);
    },
  };
}
