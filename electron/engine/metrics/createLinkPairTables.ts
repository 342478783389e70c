// A link's pairs made once per metrics report, for every funnel stage and attribution entry that reaches people through it.
import { withoutFilterPushdown } from '../sql/withoutFilterPushdown';
import { buildLinkPairsSql, findLink } from './buildLinks';
import { buildSourceRuleContextSql } from './checkRevenueRule';
import { findSource, type MetricsContext } from './MetricsContext';

/** The links the contract's funnels and attribution entries go through, each once. */
function listUsedLinks(ctx: MetricsContext): string[] {
  const revenue = ctx.contract.revenue;
  const funnels = (revenue?.funnels ?? []).flatMap((f) => f.stages.flatMap((s) => (s.via === undefined ? [] : [s.via])));
  const attribution = (revenue?.attribution ?? []).flatMap((a) => (a.via === undefined ? [] : [a.via]));
  return [...new Set([...funnels, ...attribution])];
}

/** The query of a link source's rows where its `primary` rule holds (compileInvestigation checked the rule), or none. */
function buildPrimaryRowsSql(ctx: MetricsContext, name: string): string {
  const link = findLink(ctx, name);
  return link.primary === undefined ? 'SELECT NULL' : `SELECT __row_no FROM (${buildSourceRuleContextSql(findSource(ctx, link.source))}) WHERE (${link.primary})`;
}

/**
 * One temporary table per link used (from_key, person, is_primary: buildLinkPairsSql), so that a funnel and an
 * attribution entry through the same contact roles normalise its 400,000 rows once. Link name -> table.
 */
export async function createLinkPairTables(ctx: MetricsContext): Promise<Map<string, string>> {
  const tables = new Map<string, string>();
  for (const [i, name] of listUsedLinks(ctx).entries()) {
    const table = `__ml_pairs_${i}`;
    const pairs = buildLinkPairsSql(ctx, findLink(ctx, name), buildPrimaryRowsSql(ctx, name));
    await withoutFilterPushdown(ctx.db, () => ctx.db.run(`CREATE OR REPLACE TEMP TABLE ${table} AS ${pairs}`));
    tables.set(name, table);
  }
  return tables;
}

/** The table of a link's pairs that the report made before its funnels and attribution entries (readMetricsReport). */
export function findLinkPairsTable(ctx: MetricsContext, name: string): string {
  const table = ctx.linkPairs?.get(name);
  if (table === undefined) throw new Error(`the pairs of link '${name}' were not made before the report's funnels and attribution`);
  return table;
}

export async function dropLinkPairTables(ctx: MetricsContext, tables: ReadonlyMap<string, string>): Promise<void> {
  for (const table of tables.values()) await ctx.db.run(`DROP TABLE IF EXISTS ${table}`);
}
