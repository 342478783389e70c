// The value FLOOR: the value bench contract's money bridge hand-written as DuckDB SQL, the least work any engine must do.
import { quoteLiteral } from '../../electron/engine/openDatabase';
import type { FloorBridgeSql } from './buildFloorBridgeSql';
import { STAGE_MAP } from './writeValueBenchContract';

const PERIOD = "BETWEEN DATE '2026-07-01' AND DATE '2026-09-30'";
/** reporting.rates EUR: 1.08, as a whole number of hundredths: conversions are done on integer cents. */
const EUR_RATE_HUNDREDTHS = 108;

/** trim, then salesforce_id: 15- and 18-character ids reduced to their first 15 characters, case kept. */
function buildKeySql(column: string): string {
  return `nullif(CASE WHEN length(trim(${column})) IN (15, 18) THEN left(trim(${column}), 15) ELSE trim(${column}) END, '')`;
}

/**
 * The amount of an amount text of the forms the bench writes (`12500.5`, `12,500.00`, `-1,200.00`, `$12,500.00`,
 * `EUR 12,500.00`) in whole cents of its own currency, NULL when empty or unreadable, and the row's currency:
 * the currency column wins over a code in the value, and no currency at all is USD, the reporting currency.
 */
function buildFloorAmountSql(amount: string, currency: string): { cents: string; currency: string } {
  const t = `trim(${amount})`;
  const code = `CASE WHEN ${t} LIKE '$%' THEN 'USD' WHEN ${t} LIKE 'EUR %' THEN 'EUR' WHEN ${t} LIKE 'USD %' THEN 'USD' END`;
  const number = `replace(CASE WHEN ${t} LIKE '$%' THEN substr(${t}, 2) WHEN ${t} LIKE 'EUR %' OR ${t} LIKE 'USD %' THEN substr(${t}, 5) ELSE ${t} END, ',', '')`;
  return { cents: `CAST(TRY_CAST(${number} AS DECIMAL(18, 2)) * 100 AS BIGINT)`, currency: `coalesce(nullif(upper(trim(${currency})), ''), ${code}, 'USD')` };
}

/** USD cents of the columns __cents and __currency: EUR cents times 108, divided by 100 rounding half away from zero, in integers. */
const CONVERTED_SQL = `CASE __currency WHEN 'USD' THEN __cents WHEN 'EUR' THEN sign(__cents) * ((abs(__cents) * ${EUR_RATE_HUNDREDTHS} + 50) // 100) END`;

export function buildValueFloorSql(leftCsv: string, rightCsv: string): FloorBridgeSql {
  const steps = (side: string, columns: { id: string; key: string; anchor: string; anchorColumn: string; rules: string; amount: { cents: string; currency: string }; stage: string; close: string }) => `
    CREATE TABLE ${side}_step AS
    WITH a AS (
      SELECT rowid + 1 AS row_no, *, ${columns.amount.cents} AS __cents, ${columns.amount.currency} AS __currency FROM ${side}_raw
    ), t AS (
      SELECT row_no, "${columns.id}" AS id, ${columns.key} AS k, ${columns.anchor} AS anchor,
        trim(coalesce("${columns.anchorColumn}", '')) <> '' AS given, CASE ${columns.rules} END AS rule,
        ${CONVERTED_SQL} AS cents, nullif(trim("${columns.stage}"), '') AS stage, ${columns.close} AS close
      FROM a
    ), d AS (
      SELECT row_no, row_number() OVER (PARTITION BY k ORDER BY anchor ASC NULLS LAST, row_no) AS rn
      FROM t WHERE rule IS NULL AND k IS NOT NULL
    ), s AS (
      SELECT t.*, CASE WHEN rule IS NOT NULL THEN 'excluded' WHEN d.rn > 1 THEN 'duplicate'
        WHEN anchor IS NULL OR NOT (timezone('America/New_York', anchor)::DATE ${PERIOD}) THEN 'out_of_period'
        ELSE 'net' END AS step
      FROM t LEFT JOIN d USING (row_no)
    )
    SELECT row_no, id, k, step, cents, stage, close,
      CASE step WHEN 'excluded' THEN rule WHEN 'duplicate' THEN 'duplicate'
        WHEN 'out_of_period' THEN CASE WHEN anchor IS NULL AND given THEN 'unreadable_date' WHEN anchor IS NULL THEN 'missing_date' ELSE 'outside_period' END END AS reason
    FROM s`;
  const keys = (side: string) => `
    CREATE TABLE ${side}_keys AS
    SELECT k, bool_or(step = 'out_of_period') AS has_out,
      arg_min(reason, row_no) FILTER (WHERE step = 'excluded') AS excluded_by
    FROM ${side}_step WHERE k IS NOT NULL GROUP BY k`;
  const stageCases = Object.entries(STAGE_MAP).map(([from, to]) => `WHEN ${quoteLiteral(from)} THEN ${quoteLiteral(to)}`).join(' ');
  // Both net records of a key, each compare field's verdict (two empties agree, an empty and a value differ).
  const pairs = `
    CREATE TABLE pairs AS
    SELECT *, CASE WHEN dv THEN 'value_differs' WHEN ds THEN 'stage_differs' WHEN dc THEN 'close_date_differs' ELSE 'matched' END AS reason,
      coalesce(rv, 0) - coalesce(lv, 0) AS delta
    FROM (
      SELECT l.row_no AS left_row, r.row_no AS right_row, l.id AS left_id, r.id AS right_id,
        l.cents AS lv, r.cents AS rv, l.stage AS ls, r.stage AS rs, l.close AS lc, r.close AS rc,
        CASE WHEN l.cents IS NULL AND r.cents IS NULL THEN false WHEN l.cents IS NULL OR r.cents IS NULL THEN true ELSE abs(l.cents - r.cents) > 1 END AS dv,
        CASE WHEN l.stage IS NULL AND r.stage IS NULL THEN false WHEN l.stage IS NULL OR r.stage IS NULL THEN true
          ELSE lower(CASE lower(l.stage) ${stageCases} ELSE l.stage END) <> lower(r.stage) END AS ds,
        l.close IS DISTINCT FROM r.close AS dc
      FROM left_step l JOIN right_step r USING (k)
      WHERE l.step = 'net' AND r.step = 'net'
    )`;
  const bucket = (side: string, other: string) => `
    CREATE TABLE ${side}_bucket AS
    SELECT s.row_no, s.id, coalesce(s.cents, 0) AS value, s.cents IS NULL AS missing,
      CASE WHEN s.step <> 'net' THEN s.step WHEN s.k IS NULL THEN 'unmatched' WHEN p.reason IS NOT NULL THEN 'matched'
        WHEN o.has_out THEN 'timing' WHEN o.excluded_by IS NOT NULL THEN 'excluded_on_other_side' ELSE 'unmatched' END AS kind,
      CASE WHEN s.step <> 'net' THEN s.reason WHEN s.k IS NULL THEN 'missing_key' WHEN p.reason IS NOT NULL THEN p.reason
        WHEN o.has_out THEN 'timing' WHEN o.excluded_by IS NOT NULL THEN o.excluded_by ELSE 'no_counterpart' END AS reason,
      s.step
    FROM ${side}_step s LEFT JOIN ${other}_keys o USING (k) LEFT JOIN pairs p ON p.${side}_row = s.row_no`;
  const day = (column: string) => `strftime(${column}, '%Y-%m-%d')`;
  return {
    load: [
      `CREATE TABLE left_raw AS SELECT * FROM read_csv(${quoteLiteral(leftCsv)}, header = true, all_varchar = true)`,
      `CREATE TABLE right_raw AS SELECT * FROM read_csv(${quoteLiteral(rightCsv)}, header = true, all_varchar = true)`,
    ],
    reconcile: [
      steps('left', {
        id: 'Record ID',
        key: buildKeySql('"Salesforce Opportunity ID"'),
        anchor: `timezone('UTC', try_strptime("Create Date", '%Y-%m-%d %H:%M'))`,
        anchorColumn: 'Create Date',
        rules: `WHEN "Deal Name" LIKE 'TEST %' THEN 'test_deal' WHEN "Pipeline" = 'Partner' THEN 'partner_pipeline'`,
        amount: buildFloorAmountSql('"Amount"', '"Currency"'),
        stage: 'Deal Stage',
        close: `try_strptime("Close Date", '%Y-%m-%d')::DATE`,
      }),
      steps('right', {
        id: 'Opportunity ID',
        key: buildKeySql('"Opportunity ID"'),
        anchor: `timezone('America/Los_Angeles', try_strptime("Created Date", '%m/%d/%Y %I:%M %p'))`,
        anchorColumn: 'Created Date',
        rules: `WHEN "Type" = 'Renewal' THEN 'renewal' WHEN "Opportunity Name" LIKE 'INTERNAL %' THEN 'internal'`,
        amount: buildFloorAmountSql('"Amount"', '"Amount Currency"'),
        stage: 'Stage',
        close: `try_strptime("Close Date", '%m/%d/%Y')::DATE`,
      }),
      keys('left'),
      keys('right'),
      pairs,
      bucket('left', 'right'),
      bucket('right', 'left'),
    ],
    buckets: `
      SELECT side, kind, reason, count(*) AS count, sum(value)::VARCHAR AS value_cents, count_if(missing) AS missing_values,
        to_json(list(id ORDER BY try_cast(id AS HUGEINT) NULLS LAST, id))::VARCHAR AS ids
      FROM (SELECT 'left' AS side, * FROM left_bucket UNION ALL SELECT 'right' AS side, * FROM right_bucket)
      GROUP BY side, kind, reason ORDER BY side, kind, reason`,
    totals: `
      SELECT side, count(*) AS gross, count(*) FILTER (WHERE step = 'net') AS net,
        sum(value)::VARCHAR AS gross_value_cents, coalesce(sum(value) FILTER (WHERE step = 'net'), 0)::VARCHAR AS net_value_cents
      FROM (SELECT 'left' AS side, step, value FROM left_bucket UNION ALL SELECT 'right' AS side, step, value FROM right_bucket)
      GROUP BY side`,
    pairs: `
      SELECT coalesce(string_agg('{"left_id":' || to_json(left_id) || ',"right_id":' || to_json(right_id) || ',"reason":"' || reason || '","differs":{' ||
        concat_ws(',',
          CASE WHEN dv THEN '"value":' || to_json([lv / 100, rv / 100]) END,
          CASE WHEN ds THEN '"stage":' || to_json([ls, rs]) END,
          CASE WHEN dc THEN '"close_date":' || to_json([${day('lc')}, ${day('rc')}]) END) || '}}',
        ',' ORDER BY try_cast(left_id AS HUGEINT) NULLS LAST, left_id, right_id), '') AS pairs
      FROM pairs WHERE reason <> 'matched'`,
    differences: `
      SELECT count_if(delta <> 0) AS count, coalesce(sum(delta) FILTER (WHERE delta > 0), 0)::VARCHAR AS increase_cents,
        coalesce(-sum(delta) FILTER (WHERE delta < 0), 0)::VARCHAR AS decrease_cents
      FROM pairs`,
    page: (side) => `
      SELECT * FROM ${side}_raw WHERE rowid IN (
        SELECT row_no - 1 FROM ${side}_bucket WHERE kind = $1 AND reason = $2 ORDER BY row_no LIMIT 100 OFFSET $3)
      ORDER BY rowid`,
  };
}
