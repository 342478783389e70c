// Tells whether a compiled source's files are still what its table was built from (a session reopens on it, a pack checks it).
import { existsSync } from 'node:fs';
import type { CompiledSource } from './compiledInvestigation';
import { resolveSourceFiles, type SourceFile } from './contract/resolveSourceFiles';
import { fingerprintSource } from './fingerprintSource';

/** Same fingerprint; for a source of several files its globs are matched again, so a month added since makes it stale. */
export function isSourceUnchanged(source: CompiledSource, reportingZone: string): boolean {
  const fingerprint = (file: string | string[]) =>
    fingerprintSource(source.spec, file, reportingZone, new Set(source.dateFields), source.amounts, new Set(source.monthFields), new Set(source.instantFields)) === source.fingerprint;
  if (!source.files || source.filesDir === undefined) return existsSync(source.file) && fingerprint(source.file);
  let files: SourceFile[];
  try {
    files = resolveSourceFiles(source.filesDir, source.spec, source.spec.file);
  } catch {
    return false;
  }
  return files.every((f) => existsSync(f.path)) && fingerprint(files.map((f) => f.path));
}
