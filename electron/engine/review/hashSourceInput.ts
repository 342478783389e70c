// The sha256 a decision or sign-off stamps for one source: its file's, or for a source of several files one over all of them.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { SourceSpec } from '../../../shared/contractTypes';
import { resolveSourceFiles } from '../contract/resolveSourceFiles';

/**
 * One stamp per source keeps review.md's `inputs` one entry per source; for several files it is the sha256 of each
 * file's name and sha256 in row order, so a month added, removed or changed makes decisions on the source stale.
 */
export async function hashSourceInput(contractDir: string, source: SourceSpec, hashFile: (absolute: string) => Promise<string>): Promise<string> {
  if (!source.files) return hashFile(path.resolve(contractDir, source.file));
  const files = resolveSourceFiles(contractDir, source, source.file);
  const hashes = await Promise.all(files.map(async (f) => ({ file: f.name, sha256: await hashFile(f.path) })));
  return createHash('sha256').update(JSON.stringify(hashes)).digest('hex');
}
