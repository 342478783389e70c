// A contract file's text and problems without opening it, so a contract that fails to load opens in the editor.
import path from 'node:path';
import type { ContractDocument, ContractIssue } from '../../shared/api';
import type { CheckedText } from './checkContractText';
import { readContractText } from './contract/loadContract';

/**
 * `check` parses the text; `lastFailure` gives the issues of the last failed open of this file when its text
 * was the same (a column missing from the export shows only when the file is read), so they are shown too.
 */
export async function readContractFile(
  contractPath: string,
  check: (text: string, label: string) => Promise<CheckedText>,
  lastFailure: (absolute: string, text: string) => ContractIssue[],
): Promise<ContractDocument> {
  const absolute = path.resolve(contractPath);
  const text = await readContractText(contractPath);
  const checked = await check(text, path.basename(absolute));
  const issues = checked.issues.length > 0 ? checked.issues : lastFailure(absolute, text);
  return { path: absolute, text, contract: issues.length > 0 ? null : checked.contract, issues };
}
