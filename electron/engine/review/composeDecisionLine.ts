// The line decide() and signOff() append: what was decided, by whom, when, and on what (version, hashes, the line's count and value now).
import type { MetricListQuery } from '../../../shared/metricsReportTypes';
import type { ReconciliationReport } from '../../../shared/reportTypes';
import type { DecisionLine, DecisionStatus, DecisionTarget } from '../../../shared/reviewTypes';
import type { Investigation } from '../bindInvestigation';
import { UserError } from '../UserError';
import { formatBucketName } from './describeStaleness';
import { digestReconciliation } from './digestReconciliation';
import { listSignedLines } from './readSignOffState';
import type { Stamp } from './stampInputs';

/** Who decides and on what: the same for every line written in one call. */
export interface DecisionContext {
  by: string;
  at: string;
  stamp: Stamp;
}

async function findReconciliation(inv: Investigation, name: string, ids: boolean): Promise<ReconciliationReport> {
  const found = (await inv.getReport({ ids })).reconciliations.find((r) => r.name === name);
  if (!found) throw new UserError(`unknown reconciliation '${name}'; the contract has: ${inv.contract.reconcile.map((r) => r.name).join(', ')}`);
  return found;
}

/** The name a metrics list's decision is filed under (review.md's `reconciliation`): its funnel, SLA, shared metric or attribution. */
function nameListOwner(list: MetricListQuery): string {
  if ('funnel' in list) return list.funnel;
  if ('sla' in list) return list.sla;
  if ('shared' in list) return list.shared;
  return list.attribution;
}

/** A decision on a non-empty bridge line, one record of a side (filed under its bucket now) or a metrics list; anything else is refused by name. */
export async function composeDecisionLine(inv: Investigation, target: DecisionTarget, status: DecisionStatus, note: string, context: DecisionContext): Promise<DecisionLine> {
  const base = { status, note, by: context.by, at: context.at, version: inv.contract.version, contract_sha256: context.stamp.contract_sha256, inputs: context.stamp.inputs };
  if ('list' in target) {
    const count = await inv.countMetricList(target.list);
    return { reconciliation: nameListOwner(target.list), side: null, kind: null, reason: null, record: null, ...base, count, value: null, list: target.list };
  }
  const report = await findReconciliation(inv, target.reconciliation, false);
  let kind = 'kind' in target ? target.kind : null;
  let reason = 'kind' in target ? target.reason : null;
  const record = 'record' in target ? target.record : null;
  if (record !== null) {
    const bucket = (await inv.locateRecords(target.reconciliation, target.side, [record])).get(record);
    if (!bucket) throw new UserError(`no record '${record}' on the ${target.side} side of '${target.reconciliation}'`);
    ({ kind, reason } = bucket);
  }
  const line = report.buckets.find((b) => b.side === target.side && b.kind === kind && b.reason === reason);
  const name = formatBucketName(target.side, kind ?? 'unmatched', reason ?? '');
  if (!line) throw new UserError(`'${target.reconciliation}' has no bridge line ${name}`);
  if (line.count === 0) throw new UserError(`the bridge line ${name} of '${target.reconciliation}' is empty: there is nothing to decide`);
  return { reconciliation: target.reconciliation, side: target.side, kind, reason, record, ...base, count: line.count, value: line.value ?? null };
}

/** A sign-off of a reconciliation as it is now: its report_sha256 (complete id lists) and, as an extension, its lines' counts. */
export async function composeSignOffLine(inv: Investigation, reconciliation: string, note: string, context: DecisionContext): Promise<DecisionLine> {
  const report = await findReconciliation(inv, reconciliation, true);
  return {
    reconciliation,
    side: null,
    kind: null,
    reason: null,
    record: null,
    status: 'signed_off',
    note,
    by: context.by,
    at: context.at,
    version: inv.contract.version,
    contract_sha256: context.stamp.contract_sha256,
    inputs: context.stamp.inputs,
    count: null,
    value: null,
    report_sha256: digestReconciliation(report),
    lines: listSignedLines(report),
  };
}
