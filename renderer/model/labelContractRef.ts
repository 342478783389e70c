// How one side of a comparison is named on screen: "Revision 3 (version 7)", "Open contract", or a pilot file's name.
import type { ContractRef, RevisionSummary } from '../../shared/reviewTypes';

function nameFile(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1) || file;
}

export function labelContractRef(ref: ContractRef, revisions: readonly RevisionSummary[] | null): string {
  if ('open' in ref) return 'Open contract';
  if ('file' in ref) return `Pilot ${nameFile(ref.file)}`;
  const revision = revisions?.find((r) => r.number === ref.revision);
  return revision ? `Revision ${revision.number} (version ${revision.version})` : `Revision ${ref.revision}`;
}
