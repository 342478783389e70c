// SQL for a link's pairs and for a metric's dated records with the person keys they reach (directly or through a link).
import type { LinkSpec } from '../../../shared/revenueContractTypes';
import { canonicalColumn } from '../buildSourceTable';
import { quoteIdent } from '../openDatabase';
import { buildIdentityKeySql } from '../sql/buildIdentityKeySql';
import { UserError } from '../UserError';
import { findMetric, findSource, listPersonNormalizers, requireField, stepsKeyIsPerson, type MetricsContext } from './MetricsContext';

/**
 * The distinct (from_key, person) pairs of a link, both normalised; rows with either side empty pair nothing. With
 * `primaryRows` (a query of the link source's row numbers where its `primary` rule holds), each pair also says
 * whether any row giving it is primary.
 */
export function buildLinkPairsSql(ctx: MetricsContext, link: LinkSpec, primaryRows?: string): string {
  const source = findSource(ctx, link.source);
  requireField(ctx, source, link.from, `links.${link.name}.from`);
  requireField(ctx, source, link.to, `links.${link.name}.to`);
  const from = buildIdentityKeySql(`CAST(${quoteIdent(canonicalColumn(link.from))} AS VARCHAR)`, link.normalizeFrom);
  const to = buildIdentityKeySql(`CAST(${quoteIdent(canonicalColumn(link.to))} AS VARCHAR)`, link.normalizeTo ?? listPersonNormalizers(ctx.contract));
  if (primaryRows === undefined) {
    return `SELECT DISTINCT * FROM (SELECT ${from} AS from_key, ${to} AS person FROM ${quoteIdent(source.table)}) WHERE from_key IS NOT NULL AND person IS NOT NULL`;
  }
  return `SELECT from_key, person, bool_or(is_primary) AS is_primary FROM (
      SELECT ${from} AS from_key, ${to} AS person, coalesce(__row_no IN (${primaryRows}), false) AS is_primary FROM ${quoteIdent(source.table)})
    WHERE from_key IS NOT NULL AND person IS NOT NULL GROUP BY from_key, person`;
}

export function findLink(ctx: MetricsContext, name: string): LinkSpec {
  const found = ctx.contract.revenue?.links.find((l) => l.name === name);
  if (!found) throw new UserError(`${ctx.contractLabel}: unknown link '${name}'; the contract has: ${(ctx.contract.revenue?.links ?? []).map((l) => l.name).join(', ') || 'no links'}`);
  return found;
}

/** How a metric's records name people: a canonical field of its own source, or a link from its source's ids. */
export type PersonReach = { field: string } | { via: string };

/**
 * A metric's records without its period step (revenue.md, "Periods": net, or out of period with a date; excluded
 * and duplicate records never count), one row per person key each reaches: row_no, id, person (NULL when it reaches
 * nobody, so a record with no key or no link pair still appears once), d (calendar date), value (DECIMAL cents).
 * `pairsTable`: a table of the link's pairs (buildLinkPairsSql) made beforehand, read instead of the link's source.
 */
export function buildStageRecordsSql(ctx: MetricsContext, metricName: string, reach: PersonReach, where: string, pairsTable?: string): string {
  const metric = findMetric(ctx, metricName);
  const steps = `SELECT __row_no AS row_no, __id AS id, __key AS step_key, CAST(__anchor AS DATE) AS d, __value AS value
    FROM ${quoteIdent(metric.table)} WHERE step IN ('net', 'out_of_period') AND __anchor IS NOT NULL`;
  if ('field' in reach) {
    requireField(ctx, metric.source, reach.field, where);
    if (stepsKeyIsPerson(ctx, metric, reach.field)) return `SELECT row_no, id, step_key AS person, d, value FROM (${steps})`;
    const person = buildIdentityKeySql(`CAST(t.${quoteIdent(canonicalColumn(reach.field))} AS VARCHAR)`, listPersonNormalizers(ctx.contract));
    return `SELECT s.row_no, s.id, ${person} AS person, s.d, s.value FROM (${steps}) s JOIN ${quoteIdent(metric.source.table)} t ON t.__row_no = s.row_no`;
  }
  const link = findLink(ctx, reach.via);
  // A link's `from` is matched against the linked metric's source id, both after normalize.from (revenue.md, "Keys").
  const id = buildIdentityKeySql('s.id', link.normalizeFrom);
  return `SELECT s.row_no, s.id, l.person, s.d, s.value FROM (${steps}) s LEFT JOIN ${pairsTable ?? `(${buildLinkPairsSql(ctx, link)})`} l ON l.from_key = ${id}`;
}
