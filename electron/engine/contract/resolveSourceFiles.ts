// Finds every export file of a source (`file:` one path, a list, or globs) next to the contract, in a fixed order.
import path from 'node:path';
import { globSync } from 'tinyglobby';
import type { SourceSpec } from '../../../shared/contractTypes';
import { ContractError } from './ContractError';
import { isSourceGlob } from './parseSources';
import { resolveSourcePath } from './resolveSourcePath';

export interface SourceFile {
  /** Absolute path. */
  path: string;
  /** The file as reports and grids name it: as written in the list, or as matched by the glob, relative to the contract. */
  name: string;
}

/**
 * The source's files in the order their rows are numbered: list order, and within a glob by name (code point order,
 * so the same folder gives the same order on every machine). A file named twice counts once. A glob that matches
 * nothing, or a listed file that is missing, is an error at the `file` line.
 */
export function resolveSourceFiles(contractDir: string, source: SourceSpec, fileLabel: string): SourceFile[] {
  if (!source.files) return [{ path: resolveSourcePath(contractDir, source, fileLabel), name: source.file }];
  const found: SourceFile[] = [];
  const seen = new Set<string>();
  for (const written of source.files) {
    const matches = isSourceGlob(written) ? matchGlob(contractDir, source, written, fileLabel) : [{ path: resolveSourcePath(contractDir, { ...source, file: written }, fileLabel), name: written }];
    for (const file of matches) {
      if (seen.has(file.path)) continue;
      seen.add(file.path);
      found.push(file);
    }
  }
  return found;
}

function matchGlob(contractDir: string, source: SourceSpec, pattern: string, fileLabel: string): SourceFile[] {
  // tinyglobby reads patterns with forward slashes; the contract may be written on Windows.
  const paths = globSync(pattern.replaceAll('\\', '/'), { cwd: contractDir, absolute: true, onlyFiles: true, expandDirectories: false, dot: false });
  const files = paths.map((p) => path.resolve(p)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (files.length === 0) {
    throw new ContractError(fileLabel, [
      { line: source.fileLine ?? source.line, key: `sources.${source.name}.file`, message: `'${pattern}' matches no file in ${path.resolve(contractDir, path.dirname(pattern))}` },
    ]);
  }
  return files.map((file) => ({ path: file, name: path.relative(contractDir, file).split(path.sep).join('/') }));
}
