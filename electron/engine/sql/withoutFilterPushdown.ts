// Runs one statement with DuckDB's filter pushdown off, for statements that filter on columns they compute.
import type { Database } from '../openDatabase';

/**
 * DuckDB pushes a WHERE on a column computed in a subquery (a normalised person key, an instant read from text) down
 * into the table scan, and the scan then computes the column twice: once to filter, once to keep. For the statements
 * that make a table of such rows this doubles their cost or worse (a million touches: 4.5 s of CPU against 1.7 s;
 * a link's 420,000 pairs: 2.1 s against 0.5 s). Only performance changes: no optimizer alters a result. The setting
 * belongs to the connection, so it is put back even when the statement fails or is cancelled.
 */
export async function withoutFilterPushdown<T>(db: Database, statement: () => Promise<T>): Promise<T> {
  await db.run("SET disabled_optimizers = 'filter_pushdown'");
  try {
    return await statement();
  } finally {
    await db.run('RESET disabled_optimizers');
  }
}
