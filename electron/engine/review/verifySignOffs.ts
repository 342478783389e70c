// `recon verify`: every reconciliation's latest sign-off against the contract and inputs hashed afresh and the bridge recomputed.
import type { DecisionFileLine, SignOffState } from '../../../shared/reviewTypes';
import type { Investigation } from '../bindInvestigation';
import { decisionsFilePath, readDecisionsFile } from './decisionsFile';
import { formatSignOffKey } from './formatTargetKey';
import { groupDecisions } from './groupDecisions';
import { readSignOffState } from './readSignOffState';
import { stampInputs } from './stampInputs';

export interface Verification {
  reconciliation: string;
  /** null: the reconciliation was never signed off. */
  signOff: SignOffState | null;
}

export interface VerificationResult {
  reconciliations: Verification[];
  /** Lines of the decisions file that could not be read (reported, never a reason to fail by themselves). */
  unreadable: DecisionFileLine[];
  file: string;
}

/** No cache here: a verification that trusted an earlier hash would not verify anything. */
export async function verifySignOffs(inv: Investigation, contractPath: string): Promise<VerificationResult> {
  const file = decisionsFilePath(contractPath);
  const { targets, unreadable } = groupDecisions(readDecisionsFile(file));
  const stamp = await stampInputs(contractPath, inv.contract);
  const signed = inv.contract.reconcile.filter((r) => targets.has(formatSignOffKey(r.name)));
  const report = signed.length ? await inv.getReport() : null;
  const reconciliations = inv.contract.reconcile.map((r): Verification => {
    const signOff = targets.get(formatSignOffKey(r.name))?.current;
    const current = report?.reconciliations.find((c) => c.name === r.name);
    return { reconciliation: r.name, signOff: signOff && current ? readSignOffState(signOff, current, stamp) : null };
  });
  return { reconciliations, unreadable, file };
}
