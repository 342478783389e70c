// The compiled model stored inside the session's DuckDB file, so reopening needs no recompile.
import type { CompiledModel } from '../compiledInvestigation';
import { isSourceUnchanged } from '../isSourceUnchanged';
import type { Database } from '../openDatabase';

// 2: out-of-period survivors with an unreadable anchor have their own reason (unreadable_date).
// 4: the model lists every metric (revenue.md: metrics of no bridge feed funnels and shared metrics).
const FORMAT = 4;

export interface StoredModel {
  model: CompiledModel;
  contractHash: string;
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
    async isCurrent() {
      return model.sources.every((s) => isSourceUnchanged(s, model.reportingZone));
    },
  };
}

export async function writeSessionModel(db: Database, model: CompiledModel, contractHash: string): Promise<void> {
  await db.run('CREATE TABLE IF NOT EXISTS recon_meta (key VARCHAR PRIMARY KEY, value VARCHAR)');
  const values: [string, string][] = [
    ['format', String(FORMAT)],
    ['model', JSON.stringify(model)],
    ['contract_hash', contractHash],
  ];
  for (const [key, value] of values) await db.run('INSERT OR REPLACE INTO recon_meta VALUES ($1, $2)', [key, value]);
}
