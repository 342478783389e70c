// Whether a reconciliation's latest sign-off still holds, for the pack: its stamp against the files now and its report digest against the bridge now.
import type { Contract } from '../../../../shared/contractTypes';
import type { ReconciliationReport } from '../../../../shared/reportTypes';
import type { DecisionLine, SignOffState } from '../../../../shared/reviewTypes';
import { checkSignOff } from '../checkSignOff';
import { digestReconciliation } from '../digestReconciliation';
import type { Stamp } from '../stampInputs';

const NUMBER = new Intl.NumberFormat('en-US');

/** The bridge lines whose count or value differs from the signed ones (the sign-off's `lines` extension), one sentence each. */
export function describeLineChanges(signOff: DecisionLine, report: ReconciliationReport): string[] {
  if (!signOff.lines) return ['the bridge lines changed'];
  const key = (l: { side: string; kind: string; reason: string }) => `${l.side} ${l.kind} ${l.reason}`;
  const now = new Map(report.buckets.filter((b) => b.count > 0).map((b) => [key(b), { count: b.count, value: b.value ?? null }]));
  const then = new Map(signOff.lines.map((l) => [key(l), { count: l.count, value: l.value }]));
  const changes: string[] = [];
  for (const line of new Set([...then.keys(), ...now.keys()])) {
    const [a, b] = [then.get(line), now.get(line)];
    if (a?.count === b?.count && (a?.value ?? null) === (b?.value ?? null)) continue;
    const shown = (c: typeof a) => (c ? `${NUMBER.format(c.count)}${c.value === null ? '' : ` (value ${c.value})`}` : '0');
    changes.push(`bridge line ${line}: ${shown(a)} -> ${shown(b)}`);
  }
  // Same counts and values, other records: the digest alone saw it.
  return changes.length ? changes : ['the records of the bridge lines changed (same counts)'];
}

/**
 * The sign-off against `now`, restricted to the sources it stamped and those of the reconciliation's two metrics:
 * a source the contract added for another purpose does not undo it.
 */
export function checkLatestSignOff(signOff: DecisionLine, now: Stamp, report: ReconciliationReport, sources: readonly string[]): SignOffState {
  const relevant = now.inputs.filter((i) => sources.includes(i.source) || signOff.inputs.some((s) => s.source === i.source));
  return checkSignOff(signOff, { ...now, inputs: relevant }, digestReconciliation(report), () => describeLineChanges(signOff, report));
}

/** The sources whose files a reconciliation reads. */
export function listReconciliationSources(contract: Contract, reconciliation: string): string[] {
  const entry = contract.reconcile.find((r) => r.name === reconciliation);
  const sourceOf = (metric: string | undefined) => contract.metrics.find((m) => m.name === metric)?.source;
  return [sourceOf(entry?.left), sourceOf(entry?.right)].filter((s): s is string => s !== undefined);
}
