// Whose records a list of the metrics report holds: the metric's source, and the bridge side it is when a reconciliation compares that metric.
import type { Contract } from '../../shared/contractTypes';

export interface ListLocation {
  metric: string;
  source: string;
  reconciled: { reconciliation: string; side: 'left' | 'right' } | null;
}

export function locateMetricList(contract: Contract | null, metric: string): ListLocation {
  const source = contract?.metrics.find((m) => m.name === metric)?.source ?? metric;
  const recon = contract?.reconcile.find((r) => r.left === metric || r.right === metric);
  return { metric, source, reconciled: recon ? { reconciliation: recon.name, side: recon.left === metric ? 'left' : 'right' } : null };
}
