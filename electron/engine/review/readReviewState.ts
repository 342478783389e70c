// Everything the screens show of the review: each bridge line's current decision and whether it is stale, progress, record and list decisions, the sign-off.
import type { Contract } from '../../../shared/contractTypes';
import { formatListKey } from '../../../shared/formatListKey';
import type { Side } from '../../../shared/reportTypes';
import type { DecisionState, LineReview, ReconciliationReview, ReviewState } from '../../../shared/reviewTypes';
import type { Investigation } from '../bindInvestigation';
import { UserError } from '../UserError';
import { readDecisionsFile, decisionsFilePath } from './decisionsFile';
import { describeLineStaleness, describeListStaleness, describeRecordStaleness } from './describeStaleness';
import { formatDecisionTargetKey, formatSignOffKey } from './formatTargetKey';
import { groupDecisions, type TargetDecisions } from './groupDecisions';
import { readSignOffState } from './readSignOffState';
import type { Stamp } from './stampInputs';

/** The source a side of a reconciliation counts: its metric's source, whose input file decides staleness. */
export function findSideSource(contract: Contract, reconciliation: string, side: Side): string {
  const entry = contract.reconcile.find((r) => r.name === reconciliation);
  const metric = contract.metrics.find((m) => m.name === entry?.[side]);
  return metric?.source ?? '';
}

const stateOf = (decisions: TargetDecisions, stale: string[]): DecisionState => ({ ...decisions, stale });

async function readReconciliationReview(inv: Investigation, name: string, targets: Map<string, TargetDecisions>, stamp: Stamp): Promise<ReconciliationReview> {
  const report = (await inv.getReport({ ids: false })).reconciliations.find((r) => r.name === name);
  if (!report) throw new UserError(`unknown reconciliation '${name}'`);
  const lines: LineReview[] = report.buckets
    .filter((b) => b.count > 0)
    .map((b) => {
      const decisions = targets.get(formatDecisionTargetKey({ reconciliation: name, side: b.side, kind: b.kind, reason: b.reason }));
      const stale = decisions ? describeLineStaleness(decisions.current, b, stamp, findSideSource(inv.contract, name, b.side)) : [];
      return { side: b.side, kind: b.kind, reason: b.reason, count: b.count, ...(b.value === undefined ? {} : { value: b.value }), decision: decisions ? stateOf(decisions, stale) : null };
    });
  const decided = lines.filter((l) => l.decision && l.decision.stale.length === 0).length;
  // Disputed lines first, the rest in report order (sort is stable).
  lines.sort((a, b) => Number(b.decision?.current.status === 'disputed') - Number(a.decision?.current.status === 'disputed'));

  const records: Record<string, DecisionState> = {};
  for (const side of ['left', 'right'] as const) {
    const onSide = [...targets.values()].filter((t) => t.current.status !== 'signed_off' && !t.current.list && t.current.reconciliation === name && t.current.side === side && t.current.record !== null);
    if (onSide.length === 0) continue;
    const buckets = await inv.locateRecords(name, side, onSide.map((t) => t.current.record ?? ''));
    for (const t of onSide) {
      const id = t.current.record ?? '';
      records[`${side}:${id}`] = stateOf(t, describeRecordStaleness(t.current, buckets.get(id) ?? null, stamp, findSideSource(inv.contract, name, side)));
    }
  }

  const signOff = targets.get(formatSignOffKey(name));
  // Only a sign-off needs the complete id lists (its report_sha256).
  const full = signOff ? (await inv.getReport()).reconciliations.find((r) => r.name === name) : undefined;
  return { name, lines, decided, total: lines.length, records, signOff: signOff && full ? readSignOffState(signOff.current, full, stamp) : null };
}

/** The review of the open investigation as its decisions file says now, against `stamp` (the inputs the investigation was built from). */
export async function readReviewState(inv: Investigation, contractPath: string, stamp: Stamp, reviewer: string | null): Promise<ReviewState> {
  const file = decisionsFilePath(contractPath);
  const { targets, unreadable } = groupDecisions(readDecisionsFile(file));
  const reconciliations: ReconciliationReview[] = [];
  for (const r of inv.contract.reconcile) reconciliations.push(await readReconciliationReview(inv, r.name, targets, stamp));
  const lists: Record<string, DecisionState> = {};
  for (const [, t] of targets) {
    if (!t.current.list || t.current.status === 'signed_off') continue;
    const count = await inv.countMetricList(t.current.list).catch((error: unknown) => {
      // A list the contract no longer has (a funnel renamed) is stale, not an error of the whole review.
      if (error instanceof UserError) return null;
      throw error;
    });
    lists[formatListKey(t.current.list)] = stateOf(t, describeListStaleness(t.current, count, stamp));
  }
  return { file, reviewer, version: inv.contract.version, reconciliations, lists, unreadable };
}
