// The compiled model stored inside the session's DuckDB file, so reopening needs no recompile.
import type { ReconReport } from '../../../shared/reportTypes';
import type { CompiledModel } from '../compiledInvestigation';
import { isSourceUnchanged } from '../isSourceUnchanged';
import type { Database } from '../openDatabase';

// 2: out-of-period survivors with an unreadable anchor have their own reason (unreadable_date).
// 4: the model lists every metric (revenue.md: metrics of no bridge feed funnels and shared metrics).
// 5: bridge tables stored bucket by bucket (buildBridge), so pages are read by rowid range.
const FORMAT = 5;

export interface StoredModel {
  model: CompiledModel;
  contractHash: string;
  /** The bridge's counts without id lists (what the screens draw first), as read when the model was built; null in sessions built before they were kept. */
  counts: ReconReport | null;
  /** True while every source file is as it was when the model was built (and every glob matches the same files). */
  isCurrent(): Promise<boolean>;
}

export async function readSessionModel(db: Database): Promise<StoredModel | null> {
  await db.run('CREATE TABLE IF NOT EXISTS recon_meta (key VARCHAR PRIMARY KEY, value VARCHAR)');
  const rows = await db.all<{ key: string; value: string }>('SELECT key, value FROM recon_meta');
  const meta = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  if (meta.format !== String(FORMAT) || !meta.model || !meta.contract_hash) return null;
  const model = JSON.parse(meta.model) as CompiledModel;
  return {
    model,
    contractHash: meta.contract_hash,
    counts: meta.counts ? (JSON.parse(meta.counts) as ReconReport) : null,
    async isCurrent() {
      return model.sources.every((s) => isSourceUnchanged(s, model.reportingZone));
    },
  };
}

export async function writeSessionModel(db: Database, model: CompiledModel, contractHash: string, counts: ReconReport): Promise<void> {
  await db.run('CREATE TABLE IF NOT EXISTS recon_meta (key VARCHAR PRIMARY KEY, value VARCHAR)');
  const values: [string, string][] = [
    ['format', String(FORMAT)],
    ['model', JSON.stringify(model)],
    ['contract_hash', contractHash],
    // Kept so that a reopen draws the bridge without reading the bridge tables (issue 11: reopen under 2 s at 5M rows a side).
    ['counts', JSON.stringify(counts)],
  ];
  for (const [key, value] of values) await db.run('INSERT OR REPLACE INTO recon_meta VALUES ($1, $2)', [key, value]);
}
