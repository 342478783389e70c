// `recon diff A.yaml B.yaml [--json]`: both contracts applied to the same exports in one in-memory database, the comparison printed.
import { loadContract } from '../engine/contract/loadContract';
import { openDatabase } from '../engine/openDatabase';
import { compareContracts, type CompareOptions, type ComparedText } from '../engine/review/compareContracts';
import { hashFile } from '../engine/review/hashFile';
import { formatComparisonTable } from './formatComparisonTable';

async function readCompared(contractPath: string): Promise<ComparedText & { currency: string | null }> {
  const loaded = await loadContract(contractPath);
  return { ...loaded, label: contractPath, sha256: await hashFile(loaded.path), currency: loaded.contract.reporting.currency ?? null };
}

export async function writeContractDiff(
  aPath: string,
  bPath: string,
  json: boolean,
  write: (text: string) => Promise<void>,
  work: Pick<CompareOptions, 'onProgress' | 'signal'>,
): Promise<void> {
  const a = await readCompared(aPath);
  const b = await readCompared(bPath);
  const db = await openDatabase(':memory:');
  const interrupt = () => db.interrupt();
  work.signal?.addEventListener('abort', interrupt);
  try {
    const { comparison } = await compareContracts(db, a, b, { withIds: json, ...work });
    await write(json ? `${JSON.stringify(comparison, null, 2)}\n` : formatComparisonTable(comparison, b.currency ?? a.currency));
  } finally {
    work.signal?.removeEventListener('abort', interrupt);
    db.close();
  }
}
