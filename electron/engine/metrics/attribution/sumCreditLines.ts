// Credit lines per model (revenue.md, "Report lines"): exact sums of value x share, rounded once per line to cents, half away from zero.
import type { CreditLine } from '../../../../shared/metricsReportTypes';
import type { AttributionModel, AttributionSpec } from '../../../../shared/revenueContractTypes';
import { buildIdListSql, readIdList } from '../buildIdListSql';
import type { MetricsContext } from '../MetricsContext';
import type { AttributionTables } from './attributionTables';
import { buildSelfReportedSql } from './buildSelfReportedSql';

export const NO_TOUCH = 'No touch';

interface LineKey {
  model: string;
  channel: string;
  campaign: string | null;
}

const keyOf = (line: LineKey) => JSON.stringify([line.model, line.channel, line.campaign]);

/** A sum of fractions total_i / den_i (cents), rounded to whole cents half away from zero, in currency units. */
function roundFractions(parts: { den: bigint; total: bigint }[]): number {
  let p = 0n;
  let q = 1n;
  for (const { den, total } of parts) {
    p = p * den + total * q;
    q *= den;
    const g = gcd(p < 0n ? -p : p, q);
    if (g > 1n) [p, q] = [p / g, q / g];
  }
  const magnitude = p < 0n ? -p : p;
  const cents = (2n * magnitude + q) / (2n * q);
  return Number(p < 0n ? -cents : cents) / 100;
}

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a, b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Cents in a double (time decay) to currency units, half away from zero. */
function roundCents(cents: number): number {
  return (Math.sign(cents) * Math.floor(Math.abs(cents) + 0.5)) / 100;
}

/** Channel lines, and campaign lines when touches name a campaign: the grouping sets of every per-line query. */
function groupingSets(withCampaign: boolean, extra: string): string {
  const channel = `(s.model, s.channel${extra})`;
  return withCampaign ? `GROUPING SETS (${channel}, (s.model, s.channel, s.campaign${extra}))` : `GROUPING SETS (${channel})`;
}

async function readCredits(ctx: MetricsContext, t: AttributionTables, withCampaign: boolean): Promise<Map<string, number>> {
  // 1: a channel line. GROUPING() takes only grouped columns, and campaign is grouped only when touches map it.
  const g = withCampaign ? 'GROUPING(s.campaign)' : '1';
  const campaign = withCampaign ? 's.campaign' : 'NULL';
  const period = `FROM ${t.shares} s JOIN ${t.opps} o ON o.row_no = s.opp_row AND o.in_period`;
  const exact = await ctx.db.all<LineKey & { g: number; den: string; total: string }>(
    `SELECT s.model, s.channel, ${campaign} AS campaign, ${g} AS g, CAST(s.den AS VARCHAR) AS den, CAST(sum(o.v * s.num) AS VARCHAR) AS total
     ${period} WHERE s.num IS NOT NULL GROUP BY ${groupingSets(withCampaign, ', s.den')}`,
  );
  const fractions = new Map<string, { den: bigint; total: bigint }[]>();
  for (const row of exact) {
    const key = keyOf({ ...row, campaign: row.g === 1 ? null : row.campaign });
    fractions.set(key, [...(fractions.get(key) ?? []), { den: BigInt(row.den), total: BigInt(row.total) }]);
  }
  const credits = new Map([...fractions].map(([key, parts]) => [key, roundFractions(parts)]));
  // fsum: a compensated sum, so the order DuckDB's threads add in does not move a line across a half cent.
  const decayed = await ctx.db.all<LineKey & { g: number; total: number }>(
    `SELECT s.model, s.channel, ${campaign} AS campaign, ${g} AS g, fsum(CAST(o.v AS DOUBLE) * s.share) AS total
     ${period} WHERE s.num IS NULL GROUP BY ${groupingSets(withCampaign, '')}`,
  );
  for (const row of decayed) credits.set(keyOf({ ...row, campaign: row.g === 1 ? null : row.campaign }), roundCents(row.total));
  return credits;
}

/** Opportunities with a share on each line, and their ids. */
async function readLineOpportunities(ctx: MetricsContext, t: AttributionTables, withCampaign: boolean): Promise<(LineKey & { n: string; ids: string })[]> {
  const lines = (campaign: string) => `SELECT DISTINCT s.model, s.channel, ${campaign} AS campaign, o.row_no, o.id, o.id_rank
    FROM ${t.shares} s JOIN ${t.opps} o ON o.row_no = s.opp_row AND o.in_period`;
  const union = withCampaign ? `${lines('CAST(NULL AS VARCHAR)')} UNION ALL ${lines('s.campaign')}` : lines('CAST(NULL AS VARCHAR)');
  return ctx.db.all(`SELECT model, channel, campaign, count(*) AS n, ${buildIdListSql('id', undefined, 'id_rank')} AS ids FROM (${union}) GROUP BY model, channel, campaign`);
}

/** Count, value (cents text) and ids of the period's opportunities with no counted touch. */
export async function readNoTouch(ctx: MetricsContext, t: AttributionTables): Promise<{ n: string; v: string; ids: string }> {
  const [row] = await ctx.db.all<{ n: string; v: string; ids: string }>(`SELECT count(*) AS n, CAST(coalesce(sum(v), 0) AS VARCHAR) AS v, ${buildIdListSql('id')} AS ids
    FROM ${t.opps} o WHERE in_period AND NOT EXISTS (SELECT 1 FROM ${t.counted} c WHERE c.opp_row = o.row_no)`);
  return row ?? { n: '0', v: '0', ids: '[]' };
}

async function readSelfReported(ctx: MetricsContext, entry: AttributionSpec, t: AttributionTables): Promise<CreditLine[]> {
  const sql = buildSelfReportedSql(ctx, entry, t);
  if (sql === undefined) return [];
  const rows = await ctx.db.all<{ channel: string; n: string; v: string; ids: string }>(`SELECT r.channel, count(*) AS n, CAST(sum(o.v) AS VARCHAR) AS v, ${buildIdListSql('o.id')} AS ids
    FROM (${sql}) r JOIN ${t.opps} o ON o.row_no = r.opp_row WHERE o.in_period GROUP BY r.channel`);
  return rows.map((r) => ({ channel: r.channel, campaign: null, credit: Number(BigInt(r.v)) / 100, opportunities: Number(r.n), ids: readIdList(ctx, r.ids) }));
}

/** Channel lines by credit (largest first) then name, each followed by its campaign lines in the same order. */
function orderLines(lines: CreditLine[]): CreditLine[] {
  const byCredit = (a: CreditLine, b: CreditLine, name: (l: CreditLine) => string) => b.credit - a.credit || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0);
  const channels = lines.filter((l) => l.campaign === null).sort((a, b) => byCredit(a, b, (l) => l.channel));
  return channels.flatMap((c) => [c, ...lines.filter((l) => l.campaign !== null && l.channel === c.channel).sort((a, b) => byCredit(a, b, (l) => l.campaign ?? ''))]);
}

/** `noTouch`: readNoTouch's row, which the entry's report gives as `no_touch` too. */
export async function sumCreditLines(
  ctx: MetricsContext,
  entry: AttributionSpec,
  t: AttributionTables,
  noTouch: { n: string; v: string; ids: string },
): Promise<Partial<Record<AttributionModel, CreditLine[]>>> {
  const withCampaign = ctx.contract.revenue?.touches?.campaign !== undefined;
  const credits = await readCredits(ctx, t, withCampaign);
  const opportunities = await readLineOpportunities(ctx, t, withCampaign);
  const models: Partial<Record<AttributionModel, CreditLine[]>> = {};
  for (const model of entry.models) {
    if (model === 'self_reported') {
      models[model] = orderLines(await readSelfReported(ctx, entry, t));
      continue;
    }
    const lines: CreditLine[] = opportunities
      .filter((row) => row.model === model)
      .map((row) => ({ channel: row.channel, campaign: row.campaign, credit: credits.get(keyOf(row)) ?? 0, opportunities: Number(row.n), ids: readIdList(ctx, row.ids) }));
    if (Number(noTouch.n) > 0) lines.push({ channel: NO_TOUCH, campaign: null, credit: Number(BigInt(noTouch.v)) / 100, opportunities: Number(noTouch.n), ids: readIdList(ctx, noTouch.ids) });
    models[model] = orderLines(lines);
  }
  return models;
}
