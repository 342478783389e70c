// Saves the fixed text of a contract that failed to load, only when it parses, then opens it.
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ContractIssue, SessionInfo } from '../../shared/api';
import type { CheckedText } from './checkContractText';
import { ContractError } from './contract/ContractError';

/** Its issues when the text does not parse (nothing written) or does not open (written, to fix further); [] once open. */
export async function saveContractFile(
  contractPath: string,
  text: string,
  check: (text: string, label: string) => Promise<CheckedText>,
  open: (contractPath: string) => Promise<SessionInfo>,
): Promise<ContractIssue[]> {
  const absolute = path.resolve(contractPath);
  const checked = await check(text, path.basename(absolute));
  if (checked.issues.length > 0) return checked.issues;
  // Written aside and renamed, never half-written.
  writeFileSync(`${absolute}.tmp`, text);
  renameSync(`${absolute}.tmp`, absolute);
  try {
    await open(absolute);
    return [];
  } catch (error) {
    if (error instanceof ContractError) return error.issues;
    throw error;
  }
}
