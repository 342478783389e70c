// Input hashes kept between calls: a 1 GB export takes seconds to hash, so a file is hashed again only when its path, size or mtime changed.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Contract } from '../../../shared/contractTypes';
import { hashFile } from './hashFile';
import { hashSourceInput } from './hashSourceInput';
import type { Stamp } from './stampInputs';

export interface StampCache {
  /** The contract file's and every source file's sha256 (contract order), from the cache where a file is unchanged. */
  stamp(contractPath: string, contract: Contract): Promise<Stamp>;
  /** One file's sha256, from the cache where it is unchanged (the audit pack's file of a source of several files). */
  hash(file: string): Promise<string>;
}

export function createStampCache(): StampCache {
  const hashes = new Map<string, { size: number; mtimeMs: number; sha256: Promise<string> }>();
  async function hashCached(file: string): Promise<string> {
    const absolute = path.resolve(file);
    const { size, mtimeMs } = await stat(absolute);
    const known = hashes.get(absolute);
    if (known && known.size === size && known.mtimeMs === mtimeMs) return known.sha256;
    const sha256 = hashFile(absolute);
    hashes.set(absolute, { size, mtimeMs, sha256 });
    // A failed read is not kept: the next call tries again and says why again.
    sha256.catch(() => hashes.get(absolute)?.sha256 === sha256 && hashes.delete(absolute));
    return sha256;
  }
  return {
    async stamp(contractPath, contract) {
      const dir = path.dirname(contractPath);
      const inputs = await Promise.all(contract.sources.map(async (s) => ({ source: s.name, file: s.file, sha256: await hashSourceInput(dir, s, hashCached) })));
      return { contract_sha256: await hashCached(contractPath), inputs };
    },
    hash: hashCached,
  };
}
