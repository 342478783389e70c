// review.md's precondition of a comparison: B reads the same exports as A, so a record (side, data row) is the same record under both.
import path from 'node:path';
import type { Contract, SourceSpec } from '../../../shared/contractTypes';
import { UserError } from '../UserError';

export interface ComparedContractFile {
  contract: Contract;
  /** Absolute path of the contract file (or, for a revision, of the contract it was applied to): source paths are relative to its folder. */
  path: string;
}

const describeFile = (source: SourceSpec, dir: string) => `${path.resolve(dir, source.file)}${source.sheet === undefined ? '' : ` (sheet ${String(source.sheet)})`}`;
const describeId = (source: SourceSpec) => (source.id === undefined ? 'no id column (data row numbers)' : `id column '${source.id}'`);

/** Throws a UserError naming the first source of B that reads another file, sheet or id column than A's source of that name. */
export function checkSameFiles(a: ComparedContractFile, b: ComparedContractFile): void {
  const aDir = path.dirname(a.path);
  const bDir = path.dirname(b.path);
  for (const source of b.contract.sources) {
    const before = a.contract.sources.find((s) => s.name === source.name);
    if (!before) continue;
    const was = describeFile(before, aDir);
    const is = describeFile(source, bDir);
    if (was !== is) {
      throw new UserError(`source '${source.name}': B reads ${is}, A reads ${was}; both contracts must be applied to the same files (${b.path}:${source.fileLine ?? source.line})`);
    }
    if (before.id !== source.id) {
      throw new UserError(`source '${source.name}': B has ${describeId(source)}, A has ${describeId(before)}; both contracts must name records by the same id (${b.path}:${source.idLine ?? source.line})`);
    }
  }
}
