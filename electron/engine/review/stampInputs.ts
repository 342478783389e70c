// What a decision or sign-off was made on: the contract file's sha256 and each input file's, as review.md's `inputs`.
import path from 'node:path';
import type { Contract } from '../../../shared/contractTypes';
import type { InputStamp } from '../../../shared/reviewTypes';
import { hashFile } from './hashFile';
import { hashSourceInput } from './hashSourceInput';

export interface Stamp {
  contract_sha256: string;
  inputs: InputStamp[];
}

/** Hashes the contract file and the files of the named sources (every source when not told), in contract order. */
export async function stampInputs(contractPath: string, contract: Contract, sourceNames?: ReadonlySet<string>): Promise<Stamp> {
  const dir = path.dirname(contractPath);
  const sources = contract.sources.filter((s) => !sourceNames || sourceNames.has(s.name));
  const inputs: InputStamp[] = [];
  for (const s of sources) inputs.push({ source: s.name, file: s.file, sha256: await hashSourceInput(dir, s, hashFile) });
  return { contract_sha256: await hashFile(contractPath), inputs };
}
