// A saved investigation: one DuckDB file per contract, rebuilt inside a transaction so a crash or a failure leaves it as it was.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { BuildSummary, Progress, SessionInfo } from '../../../shared/api';
import type { Contract } from '../../../shared/contractTypes';
import type { ReconReport } from '../../../shared/reportTypes';
import { bindInvestigation, type Investigation } from '../bindInvestigation';
import { compileInvestigation } from '../compileInvestigation';
import { readReport } from '../readReport';
import type { CompiledModel } from '../compiledInvestigation';
import { dropDerivedTables } from '../dropDerivedTables';
import { openDatabase, type Database } from '../openDatabase';
import { UserError } from '../UserError';
import { hashText } from '../review/hashFile';
import { createRevisionStore, type RevisionStore } from '../review/createRevisionStore';
import { readSessionModel, writeSessionModel } from './sessionMeta';
import { summarizeBuild } from './summarizeBuild';

export interface Session {
  readonly info: SessionInfo;
  readonly contractText: string;
  readonly investigation: Investigation;
  /** The contract texts applied in this investigation (review.md), in a table no rebuild touches. */
  readonly revisions: RevisionStore;
  /** Recompiles for a new contract text inside one transaction; on failure nothing changes. */
  rebuild(contract: Contract, text: string, work: WorkOptions): Promise<Session>;
  /** Stops the statement running on the metrics' connection (the app closing while they are computed). */
  interruptMetrics(): void;
  close(): void;
}

export interface WorkOptions {
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
}

export function sessionDatabasePath(home: string, contractPath: string): string {
  const name = createHash('sha256').update(path.resolve(contractPath)).digest('hex').slice(0, 16);
  return path.join(home, 'sessions', `${name}.duckdb`);
}

/**
 * Builds the model in a transaction: tables of unchanged sources, metric steps and bridges are reused (each is
 * named after what it is computed from), the rest computed; tables no longer used are dropped; the model is
 * stored with the contract's hash. An abort interrupts DuckDB.
 */
async function buildModel(db: Database, contractPath: string, contract: Contract, text: string, previous: CompiledModel | null, work: WorkOptions): Promise<Built> {
  const started = performance.now();
  const interrupt = () => db.interrupt();
  work.signal?.addEventListener('abort', interrupt);
  await db.run('BEGIN TRANSACTION');
  try {
    const model = await compileInvestigation(db, contract, {
      contractDir: path.dirname(contractPath),
      contractLabel: contractPath,
      onProgress: work.onProgress,
      signal: work.signal,
      reusable: previous?.sources,
      previous: previous ?? undefined,
      inTransaction: true,
    });
    await dropDerivedTables(db, model);
    // The screens' first reading, read once here and kept with the model: a reopen serves it without a query.
    const counts = await readReport(db, contract, model.sources.map((s) => s.report), model.reconciles, false);
    await writeSessionModel(db, model, hashText(text), counts);
    await db.run('COMMIT');
    return { model, counts, build: summarizeBuild(previous, model, performance.now() - started) };
  } catch (error) {
    await db.run('ROLLBACK');
    if (work.signal?.aborted) throw new UserError('cancelled: the investigation is as it was before', 'cancelled');
    throw error;
  } finally {
    work.signal?.removeEventListener('abort', interrupt);
  }
}

/** A model and what building it did; build is null when a stored model was taken as it was. */
interface Built {
  model: CompiledModel;
  counts: ReconReport | null;
  build: BuildSummary | null;
}

function describe(contractPath: string, databasePath: string, contract: Contract, build: BuildSummary | null): SessionInfo {
  return { contractPath, databasePath, title: contract.title, version: contract.version, reconciliations: contract.reconcile.map((r) => r.name), ...(build ? { build } : {}) };
}

/**
 * `metricsDb`: a second connection to the session's file, on which funnels, attribution and shared metrics are
 * computed (their TEMP tables stay there for the drills), so the bridge's pages are answered while they are.
 */
function createSession(db: Database, metricsDb: Database, contractPath: string, databasePath: string, contract: Contract, text: string, { model, counts, build }: Built): Session {
  return {
    info: describe(contractPath, databasePath, contract, build),
    contractText: text,
    investigation: bindInvestigation(db, contract, model, contractPath, counts ?? undefined, metricsDb),
    revisions: createRevisionStore(db),
    async rebuild(nextContract, nextText, work) {
      const rebuilt = await buildModel(db, contractPath, nextContract, nextText, model, work);
      return createSession(db, metricsDb, contractPath, databasePath, nextContract, nextText, rebuilt);
    },
    interruptMetrics: () => metricsDb.interrupt(),
    close: () => {
      metricsDb.close();
      db.close();
    },
  };
}

/**
 * Opens (or creates) the session of a contract; a stored model is reused when contract and files are unchanged. A
 * first open that fails or is cancelled removes the file it made, so the sessions are as they were before it.
 */
export async function openSession(home: string, contractPath: string, contract: Contract, text: string, work: WorkOptions): Promise<Session> {
  const databasePath = sessionDatabasePath(home, contractPath);
  mkdirSync(path.dirname(databasePath), { recursive: true });
  const made = [databasePath, `${databasePath}.wal`].filter((file) => !existsSync(file));
  const db = await openDatabase(databasePath);
  try {
    const stored = await readSessionModel(db);
    const built =
      stored && stored.contractHash === hashText(text) && (await stored.isCurrent())
        ? { model: stored.model, counts: stored.counts, build: null }
        : await buildModel(db, contractPath, contract, text, stored?.model ?? null, work);
    return createSession(db, await db.connect(), contractPath, databasePath, contract, text, built);
  } catch (error) {
    db.close();
    for (const file of made) rmSync(file, { force: true });
    throw error;
  }
}
