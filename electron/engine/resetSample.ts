// Puts the app's working copy of the sample back as it shipped (contract and exports); returns its contract.
import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

export function resetSample(home: string, sampleContract: string, folder = 'sample'): string {
  const target = path.join(home, folder);
  const fresh = path.join(home, `${folder}.new`);
  // Copied beside and swapped in, so a failure half-way never leaves half a sample.
  rmSync(fresh, { recursive: true, force: true });
  cpSync(path.join(path.dirname(sampleContract), 'exports'), path.join(fresh, 'exports'), { recursive: true });
  cpSync(sampleContract, path.join(fresh, path.basename(sampleContract)));
  if (existsSync(target)) rmSync(target, { recursive: true, force: true });
  renameSync(fresh, target);
  return path.join(target, path.basename(sampleContract));
}
