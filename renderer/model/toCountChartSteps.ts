// The count waterfall's bars in words: each bucket's label, accessible name, count and definition.
import type { Contract } from '../../shared/contractTypes';
import type { ReconReport, ReconciliationReport, Side } from '../../shared/reportTypes';
import { buildBridgeSteps, type BridgeStep } from './buildBridgeSteps';
import type { ChartStep } from './ChartStep';
import { describeBucket } from './describeBucket';
import { formatCount } from './formatCount';
import { labelBucket, nameBucket } from './labelBucket';

/** "Left: HubSpot pipeline (hubspot_deals)", or what both sides count. */
export function labelGroup(side: Side | 'both', recon: ReconciliationReport): string {
  if (side === 'both') return 'Counted by both';
  const own = side === 'left' ? recon.left : recon.right;
  return `${side === 'left' ? 'Left' : 'Right'}: ${own.metric} (${own.source})`;
}

/** "Gross: every hubspot row", "Net: MQL", or the bucket's label. */
export function labelTotalOrBucket(step: Pick<BridgeStep, 'side' | 'total' | 'kind' | 'reason'>, recon: ReconciliationReport): string {
  const own = step.side === 'left' ? recon.left : recon.right;
  if (step.total === 'gross') return `Gross: every ${own.source} row`;
  if (step.total === 'net') return `Net: ${own.metric}`;
  return labelBucket(step.kind ?? 'matched', step.reason ?? '');
}

function nameStep(step: BridgeStep): string {
  if (step.total) return `${step.side} ${step.total}: ${step.count}`;
  if (step.type === 'matched') return `matched: ${step.count}`;
  return nameBucket(step.side, step.kind ?? 'matched', step.reason ?? '', step.count);
}

export function toCountChartSteps(recon: ReconciliationReport, report: ReconReport, contract: Contract | null): ChartStep[] {
  return buildBridgeSteps(recon).map((step) => {
    const label = labelTotalOrBucket(step, recon);
    const sign = step.type === 'removal' ? '−' : step.type === 'addition' ? '+' : '';
    const ref = { side: step.side, kind: step.kind, reason: step.reason, total: step.total };
    return {
      id: step.id,
      type: step.type,
      group: labelGroup(step.type === 'matched' ? 'both' : step.side, recon),
      label,
      name: nameStep(step),
      shown: `${sign}${formatCount(step.count)}`,
      title: `${label}: ${formatCount(step.count)}`,
      description: describeBucket(ref, recon, report, contract),
      from: step.from,
      to: step.to,
      target: { type: 'bucket', ref },
    };
  });
}
