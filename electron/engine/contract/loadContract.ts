// Reads a contract file from disk and parses it, naming the file as the user gave it in messages.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Contract } from '../../../shared/contractTypes';
import { UserError } from '../UserError';
import { parseContract } from './parseContract';

export interface LoadedContract {
  contract: Contract;
  /** The file's text as read, for showing and for write-back with updateContractText. */
  text: string;
  /** Absolute path of the contract file. */
  path: string;
  /** Folder that source file paths are relative to. */
  dir: string;
}

/** The contract file's text, without a Windows editor's BOM; a missing or unreadable file says so in plain words. */
export async function readContractText(contractPath: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path.resolve(contractPath), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`contract file not found: ${contractPath}`, 'not_found');
    if (code === 'EISDIR') throw new UserError(`contract path is a folder, not a file: ${contractPath}`);
    throw new UserError(`cannot read contract file ${contractPath}: ${(error as Error).message}`);
  }
  // A BOM from Windows editors is not part of the YAML.
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

export async function loadContract(contractPath: string): Promise<LoadedContract> {
  const absolute = path.resolve(contractPath);
  const text = await readContractText(contractPath);
  return { contract: parseContract(text, contractPath), text, path: absolute, dir: path.dirname(absolute) };
}
