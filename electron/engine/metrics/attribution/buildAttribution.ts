// One attribution entry of revenue.md: its opportunities' touches, every model's credit lines, sourced and influenced.
import type { AttributionReport } from '../../../../shared/metricsReportTypes';
import type { AttributionSpec } from '../../../../shared/revenueContractTypes';
import { UserError } from '../../UserError';
import { readIdList } from '../buildIdListSql';
import type { MetricsContext } from '../MetricsContext';
import { attributionTables } from './attributionTables';
import { createAttributionTouches } from './buildAttributionTouches';
import { buildSourcedLines, createSourcedStatus } from './buildSourcedLines';
import { createModelShares } from './createModelShares';
import { readNoTouch, sumCreditLines } from './sumCreditLines';

/** `lookback 365 days`, then what else the credits depend on. */
function describeDependencies(entry: AttributionSpec): string {
  const people = entry.via === undefined ? 'people: the opportunities\' own key' : `people ${entry.people} via ${entry.via}`;
  const clauses = [`lookback ${entry.lookback.text}`, people];
  if (entry.models.includes('time_decay') && entry.halfLife) clauses.push(`time_decay half-life ${entry.halfLife.text}`);
  if (entry.models.includes('w_shaped')) clauses.push(entry.milestone === undefined ? 'w_shaped without milestone' : `w_shaped milestone ${entry.milestone}`);
  if (entry.sourced !== undefined) clauses.push(`sourced.touches ${entry.sourced.touches ?? 'first_touch'}`);
  return clauses.join('; ');
}

/** Computes the entry at `index` into its temporary tables (kept for drills and timelines) and reads its report. */
export async function buildAttribution(ctx: MetricsContext, entry: AttributionSpec, index: number): Promise<AttributionReport> {
  const touches = ctx.contract.revenue?.touches;
  if (touches === undefined) throw new UserError(`${ctx.contractLabel}: attribution '${entry.name}' credits touches, and the contract has no 'touches'`);
  const t = attributionTables(index);
  await createAttributionTouches(ctx, entry, touches, t);
  await createModelShares(ctx, entry, t);
  await createSourcedStatus(ctx, entry, t);
  const [total] = await ctx.db.all<{ v: string }>(`SELECT CAST(coalesce(sum(v), 0) AS VARCHAR) AS v FROM ${t.opps} WHERE in_period`);
  const noTouch = await readNoTouch(ctx, t);
  return {
    name: entry.name,
    basis: 'interpretation',
    depends_on: describeDependencies(entry),
    total: Number(BigInt(total?.v ?? '0')) / 100,
    no_touch: { count: Number(noTouch.n), value: Number(BigInt(noTouch.v)) / 100, ids: readIdList(ctx, noTouch.ids) },
    models: await sumCreditLines(ctx, entry, t, noTouch),
    ...(await buildSourcedLines(ctx, entry, t)),
  };
}
