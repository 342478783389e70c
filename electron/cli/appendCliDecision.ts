// `recon decide` and `recon sign-off`: the same lines the workbench appends, written from a terminal on inputs hashed afresh.
import type { BucketKind, Side } from '../../shared/reportTypes';
import type { DecisionStatus, DecisionTarget } from '../../shared/reviewTypes';
import type { Investigation } from '../engine/openInvestigation';
import { composeDecisionLine, composeSignOffLine, type DecisionContext } from '../engine/review/composeDecisionLine';
import { appendDecision, decisionsFilePath, readDecisionsFile } from '../engine/review/decisionsFile';
import { formatBucketName } from '../engine/review/describeStaleness';
import { formatLocalTime } from '../engine/review/formatLocalTime';
import { stampInputs } from '../engine/review/stampInputs';
import { UserError } from '../engine/UserError';

/** What the command line names: a bridge line (kind, reason) or a record of a side. */
export interface CliTarget {
  reconciliation: string;
  side: Side;
  kind?: BucketKind;
  reason?: string;
  record?: string;
}

async function contextOf(inv: Investigation, by: string): Promise<DecisionContext> {
  return { by, at: formatLocalTime(new Date()), stamp: await stampInputs(inv.contractPath, inv.contract) };
}

/** Without --reason, the kind's one non-empty reason on that side (timing, matched...); several are named for the user to choose. */
async function completeTarget(inv: Investigation, target: CliTarget): Promise<DecisionTarget> {
  if (target.record !== undefined) return { reconciliation: target.reconciliation, side: target.side, record: target.record };
  const kind = target.kind as BucketKind;
  if (target.reason !== undefined) return { reconciliation: target.reconciliation, side: target.side, kind, reason: target.reason };
  const report = (await inv.getReport({ ids: false })).reconciliations.find((r) => r.name === target.reconciliation);
  const reasons = report?.buckets.filter((b) => b.side === target.side && b.kind === kind && b.count > 0).map((b) => b.reason) ?? [];
  if (reasons.length === 1) return { reconciliation: target.reconciliation, side: target.side, kind, reason: reasons[0] as string };
  throw new UserError(`--reason is required: ${target.side} ${kind} has ${reasons.length ? `the reasons ${reasons.join(', ')}` : 'no non-empty line'}`);
}

/** Appends the decision; returns the sentence to print (what was decided, at which line of which file). */
export async function appendCliDecision(inv: Investigation, target: CliTarget, status: DecisionStatus, note: string, by: string): Promise<string> {
  const line = await composeDecisionLine(inv, await completeTarget(inv, target), status, note, await contextOf(inv, by));
  const file = decisionsFilePath(inv.contractPath);
  appendDecision(file, line);
  const what = line.record === null ? formatBucketName(target.side, line.kind ?? 'unmatched', line.reason ?? '') : `record ${line.record} (${formatBucketName(target.side, line.kind ?? 'unmatched', line.reason ?? '')})`;
  return `${line.reconciliation}: ${what}: ${status} by ${by}, ${line.count} records (line ${readDecisionsFile(file).at(-1)?.line ?? '?'} of ${file})\n`;
}

export async function appendCliSignOff(inv: Investigation, reconciliation: string, note: string, by: string): Promise<string> {
  const line = await composeSignOffLine(inv, reconciliation, note, await contextOf(inv, by));
  const file = decisionsFilePath(inv.contractPath);
  appendDecision(file, line);
  return `${reconciliation}: signed off by ${by} on ${line.at} (version ${line.version}) in ${file}\n`;
}
