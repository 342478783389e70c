// Sourced vs influenced (revenue.md, "Sourced / influenced") and the self-reported x touch model matrix, over the period's opportunities.
import { SOURCED_LINES, type AgreementCell, type AttributionReport, type SourcedLine, type ValuedIdCount } from '../../../../shared/metricsReportTypes';
import type { AttributionSpec, TouchModel } from '../../../../shared/revenueContractTypes';
import { quoteLiteral } from '../../openDatabase';
import { buildIdListSql, readIdList } from '../buildIdListSql';
import { buildSourceRuleContextSql } from '../checkRevenueRule';
import { findMetric, type MetricsContext } from '../MetricsContext';
import type { AttributionTables } from './attributionTables';
import { buildSelfReportedSql } from './buildSelfReportedSql';
import { findSourcingModel } from './createModelShares';
import { NO_TOUCH } from './sumCreditLines';

interface CountRow {
  n: string;
  v: string;
  ids: string;
}

const EMPTY: ValuedIdCount = { count: 0, value: 0, ids: [] };

function readCount(ctx: MetricsContext, row: CountRow | undefined): ValuedIdCount {
  return row === undefined ? EMPTY : { count: Number(row.n), value: Number(BigInt(row.v)) / 100, ids: readIdList(ctx, row.ids) };
}

/** A channel condition: one of touches.marketing_channels, or any channel when the contract lists none. */
export function buildMarketingSql(ctx: MetricsContext, column: string): string {
  const channels = ctx.contract.revenue?.touches?.marketingChannels;
  return channels === undefined ? 'true' : `coalesce(${column} IN (${channels.map(quoteLiteral).join(', ')}), false)`;
}

/** Every opportunity's statuses (period step not applied): sourced by the CRM rule, by its largest-share touch, and influenced. */
export async function createSourcedStatus(ctx: MetricsContext, entry: AttributionSpec, t: AttributionTables): Promise<void> {
  const metric = findMetric(ctx, entry.opportunities);
  const crm = entry.sourced?.crm;
  // compileInvestigation refused the rule unless it is one row-level expression over the opportunities' source.
  const crmSql = crm === undefined ? 'false' : `o.row_no IN (SELECT __row_no FROM (${buildSourceRuleContextSql(metric.source)}) WHERE (${crm}))`;
  const model = findSourcingModel(entry);
  const touchesSql = model === undefined ? 'false' : `EXISTS (SELECT 1 FROM ${t.top} p WHERE p.model = ${quoteLiteral(model)} AND p.opp_row = o.row_no AND ${buildMarketingSql(ctx, 'p.channel')})`;
  await ctx.db.run(`CREATE OR REPLACE TEMP TABLE ${t.status} AS SELECT o.row_no AS opp_row, ${crmSql} AS crm, ${touchesSql} AS touches,
      EXISTS (SELECT 1 FROM ${t.counted} c WHERE c.opp_row = o.row_no AND ${buildMarketingSql(ctx, 'c.channel')}) AS influenced
    FROM ${t.opps} o`);
}

async function readSourced(ctx: MetricsContext, entry: AttributionSpec, t: AttributionTables): Promise<Record<SourcedLine, ValuedIdCount>> {
  const lines = Object.fromEntries(SOURCED_LINES.map((line) => [line, EMPTY])) as Record<SourcedLine, ValuedIdCount>;
  if (entry.sourced === undefined) return lines;
  const rows = await ctx.db.all<CountRow & { line: SourcedLine }>(`SELECT CASE WHEN s.crm AND s.touches THEN 'both' WHEN s.crm THEN 'crm_only' WHEN s.touches THEN 'touches_only' ELSE 'neither' END AS line,
      count(*) AS n, CAST(sum(o.v) AS VARCHAR) AS v, ${buildIdListSql('o.id')} AS ids
    FROM ${t.opps} o JOIN ${t.status} s ON s.opp_row = o.row_no WHERE o.in_period GROUP BY line`);
  for (const row of rows) lines[row.line] = readCount(ctx, row);
  return lines;
}

async function readAgreement(ctx: MetricsContext, entry: AttributionSpec, t: AttributionTables): Promise<AttributionReport['agreement']> {
  const self = buildSelfReportedSql(ctx, entry, t);
  if (self === undefined || !entry.models.includes('self_reported')) return undefined;
  const agreement: NonNullable<AttributionReport['agreement']> = {};
  for (const model of entry.models.filter((m): m is TouchModel => m !== 'self_reported')) {
    const rows = await ctx.db.all<CountRow & { reported: string; touched: string }>(`SELECT r.channel AS reported, coalesce(p.channel, ${quoteLiteral(NO_TOUCH)}) AS touched,
        count(*) AS n, CAST(sum(o.v) AS VARCHAR) AS v, ${buildIdListSql('o.id')} AS ids
      FROM ${t.opps} o JOIN (${self}) r ON r.opp_row = o.row_no LEFT JOIN ${t.top} p ON p.opp_row = o.row_no AND p.model = ${quoteLiteral(model)}
      WHERE o.in_period GROUP BY ALL ORDER BY count(*) DESC, reported, touched`);
    agreement[model] = rows.map((row): AgreementCell => ({ reported: row.reported, touched: row.touched, ...readCount(ctx, row) }));
  }
  return agreement;
}

export async function buildSourcedLines(ctx: MetricsContext, entry: AttributionSpec, t: AttributionTables): Promise<Pick<AttributionReport, 'sourced' | 'influenced' | 'agreement'>> {
  const [influenced] = await ctx.db.all<CountRow>(`SELECT count(*) AS n, CAST(coalesce(sum(o.v), 0) AS VARCHAR) AS v, ${buildIdListSql('o.id')} AS ids
    FROM ${t.opps} o JOIN ${t.status} s ON s.opp_row = o.row_no WHERE o.in_period AND s.influenced`);
  const agreement = await readAgreement(ctx, entry, t);
  return { sourced: await readSourced(ctx, entry, t), influenced: readCount(ctx, influenced), ...(agreement === undefined ? {} : { agreement }) };
}

/** For the shared metrics: the opportunities source's row numbers whose deal is touch-sourced, with their largest-share channel. */
export function buildTouchSourcedRowsSql(t: AttributionTables, model: TouchModel): string {
  return `SELECT s.opp_row AS row_no, p.channel FROM ${t.status} s JOIN ${t.top} p ON p.opp_row = s.opp_row AND p.model = ${quoteLiteral(model)} WHERE s.touches`;
}
