// Create never leaves anything half-made: checks first, then writes the contract and opens it; a failure takes back what it made.
import { existsSync, mkdirSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { FieldProblem, NewInvestigation, SessionInfo } from '../../../shared/api';
import { checkAmountRates } from './checkAmountRates';
import { checkDateColumns } from './checkDateColumns';
import { checkNewInvestigation } from './checkNewInvestigation';
import { ContractError } from '../contract/ContractError';
import { UserError } from '../UserError';
import { writeNewContract } from './writeNewContract';

/** Makes the folder and its missing parents; returns the ones it made, innermost first, to take back. */
function makeFolders(folder: string): string[] {
  const missing: string[] = [];
  for (let f = folder; !existsSync(f); f = path.dirname(f)) missing.push(f);
  mkdirSync(folder, { recursive: true });
  return missing;
}

/** Removes what this Create made: the contract, then the folders it made (left alone if not empty); a failed open removed its session file itself. */
function takeBack(contractPath: string | null, folders: string[]): void {
  if (contractPath) rmSync(contractPath, { force: true });
  for (const folder of folders) {
    try {
      rmdirSync(folder);
    } catch {
      // Something else was put there meanwhile: it is not ours to remove.
    }
  }
}

/**
 * Opens the new investigation through `open`. A contract whose content is at fault (ContractError: a rule, a
 * column the file lacks) stays written, to be fixed in the editor; any other failure (an export that does not
 * read, ids that repeat, a cancel) removes everything this Create made.
 */
export async function createInvestigation(spec: NewInvestigation, open: (contractPath: string) => Promise<SessionInfo>): Promise<SessionInfo> {
  const sound = checkNewInvestigation(spec);
  const problems = sound.length > 0 ? sound : [...(await checkDateColumns(spec)), ...(await checkAmountRates(spec))];
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    const first = problems[0] as FieldProblem;
    throw new UserError(`cannot create the investigation: ${first.field}: ${first.message}${more}`, 'invalid_form');
  }
  const contractPath = path.resolve(spec.contractPath.trim());
  const folders = makeFolders(path.dirname(contractPath));
  let written: string | null = null;
  try {
    written = writeNewContract({ ...spec, contractPath });
    return await open(written);
  } catch (error) {
    const keepForEditor = error instanceof ContractError && written !== null;
    takeBack(keepForEditor ? null : written, keepForEditor ? [] : folders);
    throw error;
  }
}
