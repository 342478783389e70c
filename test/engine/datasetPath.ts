// Test support: the public data sets of ../shared/datasets beside the clone, and a one-line reason to skip where they are absent.
import fs from 'node:fs';
import path from 'node:path';

const DATASETS = path.resolve(import.meta.dirname, '../../../shared/datasets');

export function datasetPath(...parts: string[]): string {
  return path.join(DATASETS, ...parts);
}

/**
 * Undefined when the data set is there; else the reason its tests are skipped, written once to stderr.
 * A user's clone has no ../shared, and its `npm test` must pass all the same.
 */
export function findMissingDataset(name: string): string | undefined {
  if (fs.existsSync(datasetPath(name))) return undefined;
  const reason = `skipped: needs the public data set ../shared/datasets/${name}, absent beside this clone`;
  process.stderr.write(`${reason}\n`);
  return reason;
}
