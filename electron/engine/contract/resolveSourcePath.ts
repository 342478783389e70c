// Finds a source's export file next to the contract, or says which contract line names a missing file.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { SourceSpec } from '../../../shared/contractTypes';
import { ContractError } from './ContractError';

/** Absolute path of the source's file; `contractDir` is the contract's folder, `fileLabel` names the contract. */
export function resolveSourcePath(contractDir: string, source: SourceSpec, fileLabel: string): string {
  const absolute = path.resolve(contractDir, source.file);
  const stats = statSync(absolute, { throwIfNoEntry: false });
  if (stats?.isFile()) return absolute;
  const reason = stats ? `is a folder, not a file: ${absolute}` : `file not found: ${absolute}`;
  throw new ContractError(fileLabel, [
    { line: source.fileLine ?? source.line, key: `sources.${source.name}.file`, message: `'${source.file}' ${reason}` },
  ]);
}
