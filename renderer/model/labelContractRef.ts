// How one side of a comparison is named on screen: "Revision 3 (version 7)", "Open contract (version 7)", "Pilot pilot.recon.yaml (version 8)".
import type { ComparedContract, ContractRef } from '../../shared/reviewTypes';

function nameFile(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1) || file;
}

export function labelContractRef(ref: ContractRef, contract: ComparedContract): string {
  const name = 'open' in ref ? 'Open contract' : 'file' in ref ? `Pilot ${nameFile(ref.file)}` : `Revision ${ref.revision}`;
  return `${name} (version ${contract.version})`;
}
