// Which fields of a source revenue.md reads as timestamps, beyond metric anchors: touch dates, SLA task dates, spend months.
import type { Contract } from '../../../shared/contractTypes';

/** The dated fields of `sourceName` that touches, SLAs and the spend sheet name. */
export function listRevenueDateFields(contract: Contract, sourceName: string): string[] {
  const revenue = contract.revenue;
  if (!revenue) return [];
  const touches = revenue.touches?.source === sourceName ? [revenue.touches.date] : [];
  const tasks = (revenue.sharedMetrics?.sla ?? []).flatMap((sla) => (sla.to.source === sourceName ? [sla.to.date] : []));
  return [...touches, ...tasks, ...listMonthFields(contract, sourceName)];
}

/** The spend sheet's date: `YYYY-MM` there means the first day of that month (revenue.md, `cac`). */
export function listMonthFields(contract: Contract, sourceName: string): Set<string> {
  const spend = contract.revenue?.sharedMetrics?.spend;
  return new Set(spend?.source === sourceName ? [spend.date] : []);
}

/**
 * The date fields of `sourceName` that revenue.md reads as instants: the touches' date, SLA clocks (the `to` rows'
 * date, and the date of the `from` metric), and the dates of attribution's opportunities and milestone metrics.
 */
export function listInstantFields(contract: Contract, sourceName: string): Set<string> {
  const revenue = contract.revenue;
  if (!revenue) return new Set();
  const metricDate = (name: string | undefined) => contract.metrics.filter((m) => m.name === name && m.source === sourceName).map((m) => m.date);
  return new Set([
    ...(revenue.touches?.source === sourceName ? [revenue.touches.date] : []),
    ...(revenue.sharedMetrics?.sla ?? []).flatMap((sla) => [...(sla.to.source === sourceName ? [sla.to.date] : []), ...metricDate(sla.from)]),
    ...revenue.attribution.flatMap((entry) => [...metricDate(entry.opportunities), ...metricDate(entry.milestone)]),
  ]);
}
