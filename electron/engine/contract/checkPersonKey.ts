// Checks that a metric read per person (an SLA's `from`) has a person key its source holds.
import type { ContractReader, Entry } from './ContractReader';
import { describeMissingField } from './readReferences';
import { findMetricSource, type RevenueContext } from './RevenueContext';

/** The field a metric's records are keyed on: its side of the bridge it is in, else the contract's identity key. */
function findKeyField(context: RevenueContext, metric: string): string {
  const bridge = context.reconcile.find((entry) => entry.left === metric || entry.right === metric);
  if (!bridge) return context.identity?.key ?? '';
  return bridge.left === metric ? bridge.match.left : bridge.match.right;
}

/** `role` says why the metric needs a person key, e.g. "starts the SLA's clock per person". */
export function checkPersonKey(reader: ContractReader, entry: Entry | undefined, context: RevenueContext, metric: string, role: string): void {
  const source = findMetricSource(context, metric);
  if (!entry || !source) return;
  const key = findKeyField(context, metric);
  if (!key) {
    reader.report(entry.line, entry.key, `metric '${metric}' ${role}, but it has no person key: set 'identity' (key: a field of source '${source.name}')`);
  } else if (key !== 'id' && !(key in source.fields)) {
    reader.report(entry.line, entry.key, `metric '${metric}' ${role} on its key '${key}', but ${describeMissingField(key, source)}`);
  }
}
