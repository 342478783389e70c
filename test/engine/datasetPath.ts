// Test support: where ../shared/datasets is (beside the clone in CI and in a session's work tree).
import fs from 'node:fs';
import path from 'node:path';

export function datasetPath(...parts: string[]): string {
  const besideClone = path.resolve(import.meta.dirname, '../../../shared/datasets', ...parts);
  return fs.existsSync(besideClone) ? besideClone : path.join('/work/shared/datasets', ...parts);
}
