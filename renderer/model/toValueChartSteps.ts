// The value waterfall's bars in words: each step's amount in the reporting currency, its records, and the pairs' differences.
import type { Contract } from '../../shared/contractTypes';
import type { ReconReport, ReconciliationReport } from '../../shared/reportTypes';
import { buildValueBridgeSteps, type ValueStep } from './buildValueBridgeSteps';
import type { ChartStep } from './ChartStep';
import { describeBucket } from './describeBucket';
import { formatAmount, formatChange, spellAmount } from './formatAmount';
import { formatCount } from './formatCount';
import { labelGroup, labelTotalOrBucket } from './toCountChartSteps';

const records = (n: number) => `${formatCount(n)} record${n === 1 ? '' : 's'}`;

/** "left gross value: 14080.00", "left out_of_period outside_period value: 500.00", "right matched value: 12130.00". */
function nameStep(step: ValueStep): string {
  const amount = spellAmount(step.value / 100);
  if (step.total) return `${step.side} ${step.total} value: ${amount}`;
  if (step.type === 'matched') return `${step.side} matched value: ${amount}`;
  const reason = step.reason === undefined || step.reason === step.kind ? '' : ` ${step.reason}`;
  return `${step.side} ${step.kind ?? ''}${reason} value: ${amount}`;
}

function labelStep(step: ValueStep, recon: ReconciliationReport): string {
  if (step.type === 'matched') return `Matched: ${step.side} amounts`;
  return labelTotalOrBucket(step, recon);
}

function describeMissing(step: ValueStep): string {
  if (step.missing === 0) return '';
  return ` ${formatCount(step.missing)} of them ${step.missing === 1 ? 'has' : 'have'} no amount (counted as 0).`;
}

/** The step between the two matched totals: "amounts differ on N matched records: +$X / −$Y". */
function toDifferencesStep(step: ValueStep, recon: ReconciliationReport, currency: string | undefined): ChartStep {
  const increase = step.increase ?? 0;
  const decrease = step.decrease ?? 0;
  const label = `Amounts differ on ${formatCount(step.count)} matched record${step.count === 1 ? '' : 's'}`;
  const shown = `+${formatAmount(increase / 100, currency)} / −${formatAmount(decrease / 100, currency)}`;
  return {
    id: step.id,
    type: 'differences',
    group: labelGroup('both', recon),
    label,
    name: `amounts differ on ${step.count} matched records: +${spellAmount(increase / 100)} / -${spellAmount(decrease / 100)}`,
    shown,
    title: `${label}: ${shown}`,
    description: `Both sides count these records, with different amounts: ${recon.right.metric} is higher on some (+${formatAmount(increase / 100, currency)} in all) and lower on others (−${formatAmount(decrease / 100, currency)}), so the matched value goes from ${formatAmount(step.from / 100, currency)} to ${formatAmount(step.to / 100, currency)}.`,
    from: step.from,
    to: step.to,
    segments: [
      { type: 'addition', from: step.from, to: step.from + increase },
      { type: 'removal', from: step.from + increase, to: step.to },
    ],
    target: { type: 'pairs' },
  };
}

/** Null when the report carries no values. */
export function toValueChartSteps(recon: ReconciliationReport, report: ReconReport, contract: Contract | null): ChartStep[] | null {
  const steps = buildValueBridgeSteps(recon);
  if (!steps) return null;
  const currency = report.currency;
  return steps.map((step): ChartStep => {
    if (step.type === 'differences') return toDifferencesStep(step, recon, currency);
    const label = labelStep(step, recon);
    const walked = step.type === 'removal' || step.type === 'addition';
    const shown = walked ? formatChange((step.to - step.from) / 100, currency) : formatAmount(step.value / 100, currency);
    const ref = { side: step.side, kind: step.kind, reason: step.reason, total: step.total };
    const definition = step.type === 'matched' ? describeBucket({ side: step.side, kind: 'matched' }, recon, report, contract) : describeBucket(ref, recon, report, contract);
    return {
      id: step.id,
      type: step.type,
      group: labelGroup(step.type === 'matched' ? 'both' : step.side, recon),
      label,
      name: nameStep(step),
      shown,
      detail: records(step.count),
      title: `${label}: ${formatAmount(step.value / 100, currency)} in ${records(step.count)}`,
      description: `${definition}${describeMissing(step)}`,
      from: step.from,
      to: step.to,
      target: { type: 'bucket', ref },
    };
  });
}
