// The channel each opportunity names itself (self_reported): its field trimmed, looked up in `map` ignoring case; empty is `Not reported`.
import type { AttributionSpec } from '../../../../shared/revenueContractTypes';
import { canonicalColumn } from '../../buildSourceTable';
import { quoteIdent, quoteLiteral } from '../../openDatabase';
import { buildTrimBlankSql } from '../../sql/buildIdentityKeySql';
import { findMetric, requireField, type MetricsContext } from '../MetricsContext';
import type { AttributionTables } from './attributionTables';

/** opp_row, answer (as written, NULL when empty), channel: one row per opportunity of the entry; undefined when the entry has no self_reported. */
export function buildSelfReportedSql(ctx: MetricsContext, entry: AttributionSpec, t: AttributionTables): string | undefined {
  const self = entry.selfReported;
  if (self === undefined) return undefined;
  const metric = findMetric(ctx, entry.opportunities);
  requireField(ctx, metric.source, self.field, `attribution.${entry.name}.self_reported.field`);
  const answer = `NULLIF(${buildTrimBlankSql(`CAST(o.${quoteIdent(canonicalColumn(self.field))} AS VARCHAR)`)}, '')`;
  // parseAttribution stored the map's keys trimmed and lowercased.
  const entries = Object.entries(self.map);
  const mapped = entries.length === 0 ? 'NULL' : `CASE lower(${answer}) ${entries.map(([k, v]) => `WHEN ${quoteLiteral(k)} THEN ${quoteLiteral(v)}`).join(' ')} END`;
  return `SELECT p.row_no AS opp_row, ${answer} AS answer, coalesce(${mapped}, ${answer}, 'Not reported') AS channel
    FROM ${t.opps} p JOIN ${quoteIdent(metric.source.table)} o ON o.__row_no = p.row_no`;
}
