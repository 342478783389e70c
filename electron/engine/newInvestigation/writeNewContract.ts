// Writes the contract of a new investigation, never over an existing file: the caller checked the form first.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { NewInvestigation } from '../../../shared/api';
import { buildNewContractText } from './buildNewContractText';

export function writeNewContract(spec: NewInvestigation): string {
  const contractPath = path.resolve(spec.contractPath);
  const today = new Date().toISOString().slice(0, 10);
  writeFileSync(contractPath, buildNewContractText(spec, contractPath, today), { flag: 'wx' });
  return contractPath;
}
