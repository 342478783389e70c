// Opens a contract in a database of its own (in memory unless told): what the CLI, tests and benchmarks use.
import type { Progress } from '../../shared/api';
import { bindInvestigation, type Investigation as BoundInvestigation } from './bindInvestigation';
import { compileInvestigation } from './compileInvestigation';
import { loadContract } from './contract/loadContract';
import { openDatabase } from './openDatabase';
import { UserError } from './UserError';

export interface OpenOptions {
  /** DuckDB file to build in; ':memory:' when absent. */
  database?: string;
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
}

export interface Investigation extends BoundInvestigation {
  readonly contractPath: string;
  close(): void;
}

export async function openInvestigation(contractPath: string, options: OpenOptions = {}): Promise<Investigation> {
  const loaded = await loadContract(contractPath);
  const db = await openDatabase(options.database);
  const abort = () => db.interrupt();
  options.signal?.addEventListener('abort', abort);
  try {
    const model = await compileInvestigation(db, loaded.contract, {
      contractDir: loaded.dir,
      contractLabel: contractPath,
      onProgress: options.onProgress,
      signal: options.signal,
    });
    return { ...bindInvestigation(db, loaded.contract, model, contractPath), contractPath: loaded.path, close: () => db.close() };
  } catch (error) {
    db.close();
    if (options.signal?.aborted) throw new UserError('cancelled', 'cancelled');
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
}
