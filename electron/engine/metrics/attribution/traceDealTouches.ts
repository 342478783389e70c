// One opportunity of an attribution entry with every touch of its people and each model's share (the inspector's timeline).
import type { DealTouch, DealTouches } from '../../../../shared/metricsReportTypes';
import type { TouchModel } from '../../../../shared/revenueContractTypes';
import { UserError } from '../../UserError';
import type { MetricsContext } from '../MetricsContext';
import { attributionTables } from './attributionTables';
import { buildTouchRowsSql } from './buildAttributionTouches';
import { buildSelfReportedSql } from './buildSelfReportedSql';

interface TouchRow {
  t_row: string;
  t_id: string;
  person: string;
  instant: string;
  channel: string;
  campaign: string | null;
  pos: string | null;
  after: boolean;
}

/** Needs the entry's tables: the bound investigation computes the metrics report first. */
export async function traceDealTouches(ctx: MetricsContext, attribution: string, recordId: string): Promise<DealTouches> {
  const entries = ctx.contract.revenue?.attribution ?? [];
  const index = entries.findIndex((e) => e.name === attribution);
  const entry = entries[index];
  const touches = ctx.contract.revenue?.touches;
  if (entry === undefined || touches === undefined) throw new UserError(`unknown attribution '${attribution}'; the contract has: ${entries.map((e) => e.name).join(', ') || 'no attribution'}`);
  const t = attributionTables(index);
  const zone = ctx.contract.reporting.timezone;
  const [opp] = await ctx.db.all<{ row_no: string; instant: string | null; v: string }>(
    `SELECT row_no, strftime(timezone($2, instant), '%Y-%m-%d %H:%M') AS instant, CAST(v AS VARCHAR) AS v FROM ${t.opps} WHERE id = $1 ORDER BY row_no LIMIT 1`,
    [recordId, zone],
  );
  if (opp === undefined) throw new UserError(`attribution '${attribution}': no opportunity '${recordId}' among the records of ${entry.opportunities}`);
  const row = Number(opp.row_no);
  const people = (await ctx.db.all<{ person: string }>(`SELECT person FROM ${t.people} WHERE opp_row = $1 ORDER BY person`, [row])).map((p) => p.person);
  // Every touch of its people, counted or not: the ones after the deal or before the lookback are shown with why.
  const rows = await ctx.db.all<TouchRow>(
    `SELECT r.t_row, r.t_id, r.person, strftime(timezone($2, r.instant), '%Y-%m-%d %H:%M') AS instant, r.channel, r.campaign, c.pos,
       r.instant > (SELECT instant FROM ${t.opps} WHERE row_no = $1) AS after
     FROM (${await buildTouchRowsSql(ctx, touches)}) r LEFT JOIN ${t.counted} c ON c.opp_row = $1 AND c.t_row = r.t_row
     WHERE r.person IN (SELECT person FROM ${t.people} WHERE opp_row = $1) ORDER BY c.pos NULLS LAST, r.instant, r.t_row`,
    [row, zone],
  );
  const shares = await ctx.db.all<{ model: TouchModel; t_row: string; share: number }>(`SELECT model, t_row, share FROM ${t.shares} WHERE opp_row = $1`, [row]);
  const value = Number(BigInt(opp.v)) / 100;
  const list: DealTouch[] = rows.map((r) => {
    const own = shares.filter((s) => String(s.t_row) === String(r.t_row));
    return {
      id: r.t_id,
      row: Number(r.t_row),
      instant: r.instant,
      channel: r.channel,
      campaign: r.campaign,
      person: r.person,
      status: r.pos !== null ? 'counted' : r.after ? 'after_deal' : 'before_lookback',
      shares: Object.fromEntries(own.map((s) => [s.model, s.share])),
      credits: Object.fromEntries(own.map((s) => [s.model, value * s.share])),
    };
  });
  const [milestone] = await ctx.db.all<{ t_id: string }>(`SELECT c.t_id FROM ${t.milestone} m JOIN ${t.counted} c ON c.opp_row = m.opp_row AND c.pos = m.m_pos WHERE m.opp_row = $1`, [row]);
  const selfSql = buildSelfReportedSql(ctx, entry, t);
  const [self] = selfSql === undefined ? [] : await ctx.db.all<{ answer: string | null; channel: string }>(`SELECT answer, channel FROM (${selfSql}) WHERE opp_row = $1`, [row]);
  const [status] = await ctx.db.all<{ crm: boolean; touches: boolean; influenced: boolean }>(`SELECT crm, touches, influenced FROM ${t.status} WHERE opp_row = $1`, [row]);
  return {
    attribution,
    opportunity: { id: recordId, instant: opp.instant ?? '', value },
    people,
    touches: list,
    milestone: entry.models.includes('w_shaped') ? (milestone?.t_id ?? null) : null,
    selfReported: entry.models.includes('self_reported') && self ? { answer: self.answer, channel: self.channel } : null,
    sourced: {
      crm: entry.sourced?.crm === undefined ? null : (status?.crm ?? false),
      touches: entry.sourced === undefined ? null : (status?.touches ?? false),
      influenced: status?.influenced ?? false,
    },
  };
}
