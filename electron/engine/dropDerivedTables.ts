// Drops the tables and views a compile made that the model in use no longer reads (sources, metric steps, pairs, bridges, listings).
import type { CompiledModel } from './compiledInvestigation';
import { quoteIdent, type Database } from './openDatabase';

/** What compileInvestigation names its tables and views with; nothing else in a database starts so. */
const DERIVED = /^(raw|src|steps|pairs|bridge)_/;

/** The tables and views a model reads. */
function listModelTables(model: Partial<Pick<CompiledModel, 'metrics' | 'reconciles'>> & Pick<CompiledModel, 'sources'>): Set<string> {
  return new Set([
    ...model.sources.map((s) => s.table),
    ...(model.metrics ?? []).map((m) => m.table),
    ...(model.reconciles ?? []).flatMap((r) => [r.table, r.pairs, r.listings.left.view, r.listings.right.view]),
  ]);
}

/**
 * Whatever else was derived is dropped, views first (they read the tables), and named in the answer. A sweep
 * rather than a diff against the previous model: tables of a session stored in an older format go too.
 */
export async function dropDerivedTables(db: Database, keep: Parameters<typeof listModelTables>[0]): Promise<string[]> {
  const kept = listModelTables(keep);
  const found = await db.all<{ name: string; is_view: boolean }>(
    `SELECT view_name AS name, true AS is_view FROM duckdb_views() WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
     UNION ALL SELECT table_name, false FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main'
     ORDER BY is_view DESC, name`,
  );
  // A view named after a kept table (a listing's `bridge_…_left_list`, its `…_own`) goes with that table.
  const keeps = (name: string) => kept.has(name) || [...kept].some((k) => name.startsWith(`${k}_`));
  const dropped = found.filter((f) => DERIVED.test(f.name) && !keeps(f.name));
  for (const f of dropped) await db.run(`DROP ${f.is_view ? 'VIEW' : 'TABLE'} IF EXISTS ${quoteIdent(f.name)}`);
  return dropped.map((f) => f.name);
}
