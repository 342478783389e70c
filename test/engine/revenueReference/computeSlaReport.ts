// Reference: revenue.md's SLA (first qualifying `to` row strictly after each net `from` record, met / breached / never) in plain TypeScript.
import type { SlaReport } from '../../../shared/metricsReportTypes';
import { findMetric } from './findMetric';
import { quantileCont } from './quantileCont';
import { readInstant } from './readInstant';
import type { RefSla, RevenueInput } from './RevenueInput';
import { sortIds } from './sortIds';

export function computeSlaReport(input: RevenueInput, sla: RefSla): SlaReport {
  const zone = input.timezone;
  const rowsByKey = new Map<string, number[]>();
  for (const row of sla.rows) {
    if (row.key === null || row.when === null || !row.matches) continue;
    rowsByKey.set(row.key, [...(rowsByKey.get(row.key) ?? []), readInstant(row.when, zone)]);
  }
  const met: string[] = [];
  const breached: string[] = [];
  const never: string[] = [];
  const minutes: number[] = [];
  for (const record of findMetric(input, sla.from).records) {
    // The population: net records with a key (a net record always has its date).
    if (record.step !== 'net' || record.key === null || record.when === null) continue;
    const start = readInstant(record.when, zone);
    const after = (rowsByKey.get(record.key) ?? []).filter((t) => t > start);
    if (after.length === 0) {
      never.push(record.id);
      continue;
    }
    const waited = (Math.min(...after) - start) / 60_000;
    minutes.push(waited);
    (waited <= sla.withinMinutes ? met : breached).push(record.id);
  }
  const population = met.length + breached.length + never.length;
  return {
    name: sla.name,
    basis: 'fact',
    depends_on: `within ${sla.withinText}`,
    median_minutes: quantileCont(minutes, 0.5),
    p90_minutes: quantileCont(minutes, 0.9),
    met_share: population === 0 ? null : met.length / population,
    met: { count: met.length, ids: sortIds(met) },
    breached: { count: breached.length, ids: sortIds(breached) },
    never: { count: never.length, ids: sortIds(never) },
  };
}
