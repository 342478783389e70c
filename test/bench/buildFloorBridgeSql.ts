// The FLOOR: the bench contract's bridge hand-written as DuckDB SQL, the least work any engine must do.
import { quoteLiteral } from '../../electron/engine/openDatabase';

export interface FloorBridgeSql {
  /** Load both exports as text tables (rowid + 1 is the 1-based data row number). */
  load: string[];
  /** Steps per side, key summaries, then the bucket of every row of each side. */
  reconcile: string[];
  /** One row per (side, kind, reason): count and the complete sorted ids as JSON text (value bridge: value_cents, missing_values). */
  buckets: string;
  /** gross and net per side (value bridge: gross_value_cents, net_value_cents). */
  totals: string;
  /** Value bridge: one row, `pairs`, the report's pairs as JSON text without the brackets. */
  pairs?: string;
  /** Value bridge: one row, count, increase_cents, decrease_cents of the matched pairs' value differences. */
  differences?: string;
  /** One page of a bucket, with every column of the export: $1 kind, $2 reason, $3 offset. */
  page: (side: 'left' | 'right') => string;
}

/** Names in the bench contract (writeBenchContract.ts). */
export const FLOOR_NAMES = {
  reconciliation: 'MQLs vs CRM leads',
  left: { metric: 'MQL', source: 'hubspot' },
  right: { metric: 'CRM Lead', source: 'salesforce' },
} as const;

const PERIOD = "BETWEEN DATE '2026-07-01' AND DATE '2026-09-30'";

/** trim, lowercase, strip_plus_tag; empty after normalising -> no key. */
const KEY = `nullif(regexp_replace(lower(trim("Email")), '^([^@]*?)\\+[^@]*@', '\\1@'), '')`;

export function buildFloorBridgeSql(leftCsv: string, rightCsv: string): FloorBridgeSql {
  const steps = (side: string, id: string, column: string, anchor: string, rules: string) => `
    CREATE TABLE ${side}_step AS
    WITH t AS (
      SELECT rowid + 1 AS row_no, "${id}" AS id, ${KEY} AS k, ${anchor} AS anchor, trim(coalesce("${column}", '')) <> '' AS given, CASE ${rules} END AS rule
      FROM ${side}_raw
    ), d AS (
      SELECT row_no, row_number() OVER (PARTITION BY k ORDER BY anchor ASC NULLS LAST, row_no) AS rn
      FROM t WHERE rule IS NULL AND k IS NOT NULL
    ), s AS (
      SELECT t.*, CASE WHEN rule IS NOT NULL THEN 'excluded' WHEN d.rn > 1 THEN 'duplicate'
        WHEN anchor IS NULL OR NOT (timezone('America/New_York', anchor)::DATE ${PERIOD}) THEN 'out_of_period'
        ELSE 'net' END AS step
      FROM t LEFT JOIN d USING (row_no)
    )
    SELECT row_no, id, k, step,
      CASE step WHEN 'excluded' THEN rule WHEN 'duplicate' THEN 'duplicate'
        WHEN 'out_of_period' THEN CASE WHEN anchor IS NULL AND given THEN 'unreadable_date' WHEN anchor IS NULL THEN 'missing_date' ELSE 'outside_period' END END AS reason
    FROM s`;
  const keys = (side: string) => `
    CREATE TABLE ${side}_keys AS
    SELECT k, bool_or(step = 'net') AS has_net, bool_or(step = 'out_of_period') AS has_out,
      arg_min(reason, row_no) FILTER (WHERE step = 'excluded') AS excluded_by
    FROM ${side}_step WHERE k IS NOT NULL GROUP BY k`;
  const bucket = (side: string, other: string) => `
    CREATE TABLE ${side}_bucket AS
    SELECT s.row_no, s.id,
      CASE WHEN s.step <> 'net' THEN s.step WHEN s.k IS NULL THEN 'unmatched' WHEN o.has_net THEN 'matched'
        WHEN o.has_out THEN 'timing' WHEN o.excluded_by IS NOT NULL THEN 'excluded_on_other_side' ELSE 'unmatched' END AS kind,
      CASE WHEN s.step <> 'net' THEN s.reason WHEN s.k IS NULL THEN 'missing_key' WHEN o.has_net THEN 'matched'
        WHEN o.has_out THEN 'timing' WHEN o.excluded_by IS NOT NULL THEN o.excluded_by ELSE 'no_counterpart' END AS reason
    FROM ${side}_step s LEFT JOIN ${other}_keys o USING (k)`;
  return {
    load: [
      `CREATE TABLE left_raw AS SELECT * FROM read_csv(${quoteLiteral(leftCsv)}, header = true, all_varchar = true)`,
      `CREATE TABLE right_raw AS SELECT * FROM read_csv(${quoteLiteral(rightCsv)}, header = true, all_varchar = true)`,
    ],
    reconcile: [
      steps(
        'left',
        'Record ID',
        'MQL Date',
        `timezone('UTC', try_strptime("MQL Date", '%Y-%m-%d %H:%M'))`,
        `WHEN lower(trim("Email")) LIKE '%@acmecorp.com' THEN 'internal'
         WHEN "Lifecycle Stage" NOT IN ('Marketing Qualified Lead', 'Customer') THEN 'not_mql'`,
      ),
      steps(
        'right',
        'Lead ID',
        'Create Date',
        `timezone('America/Los_Angeles', try_strptime("Create Date", '%m/%d/%Y %I:%M %p'))`,
        `WHEN "Lead Status" = 'Junk' THEN 'junk' WHEN "Lead Source" = 'Partner Referral' THEN 'partner'`,
      ),
      keys('left'),
      keys('right'),
      bucket('left', 'right'),
      bucket('right', 'left'),
    ],
    buckets: `
      SELECT side, kind, reason, count(*) AS count,
        to_json(list(id ORDER BY try_cast(id AS HUGEINT) NULLS LAST, id))::VARCHAR AS ids
      FROM (SELECT 'left' AS side, * FROM left_bucket UNION ALL SELECT 'right' AS side, * FROM right_bucket)
      GROUP BY side, kind, reason ORDER BY side, kind, reason`,
    totals: `
      SELECT side, count(*) AS gross, count(*) FILTER (WHERE step = 'net') AS net
      FROM (SELECT 'left' AS side, step FROM left_step UNION ALL SELECT 'right' AS side, step FROM right_step)
      GROUP BY side`,
    // Picking the page's rowids first lets DuckDB fetch 100 rows instead of joining the whole export.
    page: (side) => `
      SELECT * FROM ${side}_raw WHERE rowid IN (
        SELECT row_no - 1 FROM ${side}_bucket WHERE kind = $1 AND reason = $2 ORDER BY row_no LIMIT 100 OFFSET $3)
      ORDER BY rowid`,
  };
}
