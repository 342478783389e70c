// Refuses a pack whose files no longer are what the open bridge was computed from: the pack's hashes and its records must describe the same files.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Contract } from '../../../../shared/contractTypes';
import type { CompiledModel } from '../../compiledInvestigation';
import { parseContract } from '../../contract/parseContract';
import { isSourceUnchanged } from '../../isSourceUnchanged';
import { UserError } from '../../UserError';

const REOPEN = 'reopen the investigation, then export the audit pack';

/** The contract file must still read as the contract computed, and each input keep its size and time (its fingerprint). */
export function checkPackUnchanged(contractPath: string, contract: Contract, model: CompiledModel): void {
  let now: Contract | null = null;
  try {
    const text = readFileSync(contractPath, 'utf8');
    now = parseContract(text.startsWith('\uFEFF') ? text.slice(1) : text, contractPath);
  } catch {
    now = null;
  }
  if (!now || JSON.stringify(now) !== JSON.stringify(contract)) throw new UserError(`the contract file ${path.basename(contractPath)} changed since the bridge was computed: ${REOPEN}`, 'stale_pack');
  for (const s of model.sources) {
    if (!isSourceUnchanged(s, model.reportingZone)) throw new UserError(`input ${s.spec.file} (source ${s.spec.name}) changed since the bridge was computed: ${REOPEN}`, 'stale_pack');
  }
}
