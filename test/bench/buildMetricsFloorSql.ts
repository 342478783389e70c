// The metrics bench's FLOOR: revenue.md's funnel, shared metrics, SLA and first-touch attribution for the bench contract, hand-written as plain DuckDB SQL over the CSVs read as text.
import { METRICS_BENCH_NAMES } from './writeMetricsBenchContract';
import type { MetricsBenchDataset } from './generateMetricsBenchExports';

export interface MetricsFloorSql {
  /** Each CSV into a table of text columns, rows in file order (rowid). */
  load: string[];
  /** The metrics' records, the link's pairs, the funnel's reach and the SLA's first tasks. */
  compute: string[];
  cohort: string;
  /** Stage k (1-based) of the funnel: one row of counts, figures and id lists as JSON text. */
  stage: (k: number) => string;
  sla: string;
  /** One row: marketing-sourced revenue, velocity and CAC. */
  shared: string;
  /** Overall first, then by lead source; each opens to the won and lost records it is computed from. */
  winRates: string;
  /** The attribution entry (first touch over the tasks): one row of total, no touch, the sourced bridge and influenced. */
  attribution: string;
  /** Its first-touch credit lines, in the report's order. */
  firstTouchLines: string;
}

const FROM = "DATE '2026-07-01'";
const TO = "DATE '2026-09-30'";
/** Written here, not read from the contract: the floor is an independent reading of revenue.md and the contract text. */
const WINDOW_DAYS = METRICS_BENCH_NAMES.windowDays;
const SLA_MINUTES = METRICS_BENCH_NAMES.slaMinutes;
/** The attribution entry's default lookback. */
const LOOKBACK = 'INTERVAL 365 DAY';
/** The stages of the funnel, in order: each reach table and the stage records it joins. */
const STAGES = ['sql_people', 'opportunity_people', 'won_people'] as const;

function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Ids in the report's order (numeric ids by value, then text), as one JSON array text. */
function idList(column: string, filter?: string): string {
  return `coalesce(to_json(list(${column} ORDER BY TRY_CAST(${column} AS HUGEINT) NULLS LAST, ${column})${filter === undefined ? '' : ` FILTER (WHERE ${filter})`}), '[]')`;
}

/** count, cents and ids of the rows a condition keeps, as columns named `<name>_n`, `<name>_cents`, `<name>_ids`. */
function valuedList(name: string, filter: string): string {
  return `count(*) FILTER (WHERE ${filter}) AS ${name}_n, CAST(coalesce(sum(cents) FILTER (WHERE ${filter}), 0) AS BIGINT) AS ${name}_cents, ${idList('id', filter)} AS ${name}_ids`;
}

export function buildMetricsFloorSql(files: MetricsBenchDataset['files']): MetricsFloorSql {
  const read = (table: string, file: string) => `CREATE TABLE ${table} AS SELECT * FROM read_csv(${quote(file)}, header = true, all_varchar = true)`;
  const load = [
    read('people_raw', files.people),
    read('opps_raw', files.opportunities),
    read('roles_raw', files.contactRoles),
    read('tasks_raw', files.tasks),
    read('spend_raw', files.spend),
  ];
  const compute = [
    // identity.normalize [trim, lowercase, strip_plus_tag]; an empty key is no key.
    `CREATE MACRO person_key(x) AS nullif(regexp_replace(lower(trim(x)), '\\+[^@]*@', '@'), '')`,
    // normalize.from [trim, salesforce_id]: an 18-character id is its first 15.
    `CREATE MACRO opportunity_key(x) AS nullif(CASE WHEN length(trim(x)) IN (15, 18) THEN left(trim(x), 15) ELSE trim(x) END, '')`,
    // The exports write UTC wall time; a calendar date is the day in New York.
    `CREATE MACRO utc(x) AS try_strptime(x, '%Y-%m-%d %H:%M')`,
    `CREATE MACRO ny_date(t) AS CAST(timezone('America/New_York', timezone('UTC', t)) AS DATE)`,
    `CREATE TABLE people AS SELECT rowid AS row_no, "Record ID" AS id, person_key("Email") AS key,
       coalesce(lower(trim("Email")) LIKE '%@example.com', false) OR coalesce("Lifecycle Stage" = 'Lead', false) AS excluded,
       utc("MQL Date") AS mql_at, utc("SQL Date") AS sql_at
     FROM people_raw`,
    // MQL: exclusions, then one survivor per key (earliest MQL, no date last, then file order); kept when dated.
    `CREATE TABLE mql AS SELECT row_no, id, key, mql_at AS at, ny_date(mql_at) AS d FROM (
       SELECT *, key IS NULL OR row_number() OVER (PARTITION BY key ORDER BY mql_at NULLS LAST, row_no) = 1 AS survives FROM people WHERE NOT excluded)
     WHERE survives AND mql_at IS NOT NULL`,
    `CREATE TABLE cohort AS SELECT * FROM mql WHERE d BETWEEN ${FROM} AND ${TO}`,
    // SQL: no exclusions; one survivor per key by earliest SQL date. A stage: no period step.
    `CREATE TABLE sql_people AS SELECT row_no, id, key AS person, ny_date(sql_at) AS d, NULL::BIGINT AS cents FROM (
       SELECT *, key IS NULL OR row_number() OVER (PARTITION BY key ORDER BY sql_at NULLS LAST, row_no) = 1 AS survives FROM people)
     WHERE survives AND sql_at IS NOT NULL`,
    // A NULL rule result is no match: a deal with no stage is not excluded by "stage <> 'Closed Won'".
    `CREATE TABLE opps AS SELECT rowid AS row_no, "Opportunity ID" AS id, opportunity_key("Opportunity ID") AS link_key,
       coalesce("Type" = 'Existing Business', false) AS renewal, "Stage" AS stage,
       coalesce("Lead Source" IN ('Web', 'Webinar', 'Paid Search'), false) AS crm_sourced,
       coalesce(nullif(trim("Lead Source"), ''), '(empty)') AS grp,
       coalesce(CAST(CAST("Amount" AS DECIMAL(18, 2)) * 100 AS BIGINT), 0) AS cents,
       ny_date(utc("Created Date")) AS created, utc("Created Date") AS created_at, CAST("Close Date" AS DATE) AS closed
     FROM opps_raw`,
    `CREATE TABLE opportunity AS SELECT row_no, id, link_key, created AS d, cents FROM opps WHERE NOT renewal AND created IS NOT NULL`,
    `CREATE TABLE won AS SELECT row_no, id, link_key, closed AS d, cents, grp, crm_sourced, created FROM opps
     WHERE NOT renewal AND NOT coalesce(stage <> 'Closed Won', false) AND closed IS NOT NULL`,
    `CREATE TABLE lost AS SELECT row_no, id, closed AS d, cents, grp FROM opps
     WHERE NOT renewal AND NOT coalesce(stage <> 'Closed Lost', false) AND closed IS NOT NULL`,
    `CREATE TABLE pairs AS SELECT DISTINCT opportunity_key("Opportunity ID") AS link_key, person_key("Email") AS person FROM roles_raw
     WHERE opportunity_key("Opportunity ID") IS NOT NULL AND person_key("Email") IS NOT NULL`,
    // A deal reaches every person its contact roles name; one with none stays, reaching nobody.
    `CREATE TABLE opportunity_people AS SELECT o.row_no, o.id, p.person, o.d, o.cents FROM opportunity o LEFT JOIN pairs p USING (link_key)`,
    `CREATE TABLE won_people AS SELECT w.row_no, w.id, p.person, w.d, w.cents FROM won w LEFT JOIN pairs p USING (link_key)`,
    ...STAGES.map(
      (records, i) => `CREATE TABLE reach_${i + 1} AS SELECT DISTINCT c.row_no AS c_row, s.row_no AS s_row, s.d FROM cohort c
       JOIN ${records} s ON s.person = c.key AND s.d BETWEEN c.d AND c.d + ${WINDOW_DAYS}`,
    ),
    // Per cohort record, the earliest date it reaches at each stage (NULL: it reaches none).
    `CREATE TABLE journey AS SELECT c.row_no, c.id, c.d AS d0, r1.d AS d1, r2.d AS d2, r3.d AS d3 FROM cohort c
       LEFT JOIN (SELECT c_row, min(d) AS d FROM reach_1 GROUP BY c_row) r1 ON r1.c_row = c.row_no
       LEFT JOIN (SELECT c_row, min(d) AS d FROM reach_2 GROUP BY c_row) r2 ON r2.c_row = c.row_no
       LEFT JOIN (SELECT c_row, min(d) AS d FROM reach_3 GROUP BY c_row) r3 ON r3.c_row = c.row_no`,
    // Attribution: every task with a type is a touch (its type the channel); a deal's first one within 365 days before its
    // creation (UTC instants: no time zone in between), ties by row. Every opportunity record that is not excluded has one or none.
    `CREATE TABLE first_touches AS SELECT o.row_no, t.channel FROM opps o JOIN pairs p USING (link_key)
       JOIN (SELECT rowid AS row_no, person_key("Email") AS person, utc("Date") AS done_at, trim("Type") AS channel FROM tasks_raw WHERE nullif(trim("Type"), '') IS NOT NULL) t
         ON t.person = p.person AND t.done_at BETWEEN o.created_at - ${LOOKBACK} AND o.created_at
     WHERE NOT o.renewal QUALIFY row_number() OVER (PARTITION BY o.row_no ORDER BY t.done_at, t.row_no) = 1`,
    `CREATE TABLE attributed AS SELECT o.id, o.cents, s.crm_sourced, f.channel, f.channel IS NOT NULL AS touched FROM opportunity o
       JOIN opps s USING (row_no) LEFT JOIN first_touches f USING (row_no) WHERE o.d BETWEEN ${FROM} AND ${TO}`,
    `CREATE TABLE sla_tasks AS SELECT person_key("Email") AS key, utc("Date") AS at FROM tasks_raw
     WHERE "Type" IN ('Call', 'Email') AND utc("Date") IS NOT NULL AND person_key("Email") IS NOT NULL`,
    // The first task strictly after each keyed cohort record's MQL instant, in minutes (all instants are UTC).
    `CREATE TABLE sla AS SELECT c.id, (epoch(min(t.at)) - epoch(c.at)) / 60 AS minutes FROM cohort c
       LEFT JOIN sla_tasks t ON t.key = c.key AND t.at > c.at WHERE c.key IS NOT NULL GROUP BY c.id, c.at`,
  ];
  const counted = (k: number) => (k === 0 ? 'true' : Array.from({ length: k }, (_, i) => `d${i + 1} IS NOT NULL`).join(' AND '));
  const stage = (k: number) => {
    const records = `(SELECT DISTINCT row_no, id, cents FROM ${STAGES[k - 1] ?? ''})`;
    const reachedRows = `SELECT s_row FROM reach_${k} WHERE c_row IN (SELECT row_no FROM journey WHERE ${counted(k)})`;
    return `SELECT
      (SELECT count(*) FROM journey WHERE ${counted(k)}) AS reached,
      (SELECT ${idList('id')} FROM journey WHERE ${counted(k)}) AS reached_ids,
      (SELECT ${idList('id')} FROM ${records} WHERE row_no IN (${reachedRows})) AS ids,
      (SELECT CAST(sum(cents) AS BIGINT) FROM ${records} WHERE row_no IN (${reachedRows})) AS cents,
      (SELECT quantile_cont(greatest(d${k} - d${k - 1}, 0), 0.5) FROM journey WHERE ${counted(k)}) AS median_days,
      (SELECT quantile_cont(greatest(d${k} - d${k - 1}, 0), 0.9) FROM journey WHERE ${counted(k)}) AS p90_days,
      (SELECT ${idList('id')} FROM journey WHERE ${counted(k - 1)} AND d${k} IS NULL) AS dropped,
      (SELECT ${idList('id')} FROM journey WHERE NOT (${counted(k - 1)}) AND d${k} IS NOT NULL) AS skipped,
      (SELECT ${idList('id')} FROM ${records} WHERE row_no NOT IN (SELECT s_row FROM reach_${k})) AS outside_cohort`;
  };
  return {
    load,
    compute,
    cohort: `SELECT count(*) AS n, ${idList('id')} AS ids FROM cohort`,
    stage,
    sla: `SELECT count_if(minutes <= ${SLA_MINUTES}) AS met, count_if(minutes > ${SLA_MINUTES}) AS breached, count_if(minutes IS NULL) AS never,
      ${idList('id', `minutes <= ${SLA_MINUTES}`)} AS met_ids, ${idList('id', `minutes > ${SLA_MINUTES}`)} AS breached_ids, ${idList('id', 'minutes IS NULL')} AS never_ids,
      quantile_cont(minutes, 0.5) AS median_minutes, quantile_cont(minutes, 0.9) AS p90_minutes FROM sla`,
    shared: `WITH won_net AS (SELECT * FROM won WHERE d BETWEEN ${FROM} AND ${TO}),
      opp_net AS (SELECT * FROM opportunity WHERE d BETWEEN ${FROM} AND ${TO}),
      lost_net AS (SELECT * FROM lost WHERE d BETWEEN ${FROM} AND ${TO}),
      spend AS (SELECT CAST(sum(CAST(CAST("Amount" AS DECIMAL(18, 2)) * 100 AS BIGINT)) AS BIGINT) AS cents FROM spend_raw
        WHERE CAST("Month" || '-01' AS DATE) BETWEEN ${FROM} AND ${TO}),
      figures AS (SELECT
        (SELECT count(*) FROM won_net) AS won, (SELECT CAST(sum(cents) AS BIGINT) FROM won_net) AS won_cents,
        (SELECT count(*) FROM lost_net) AS lost,
        (SELECT count(*) FROM opp_net) AS opportunities,
        (SELECT avg(d - created) FROM won_net WHERE created IS NOT NULL) AS average_days,
        (SELECT cents FROM spend) AS spend_cents)
      SELECT *,
        (SELECT CAST(sum(cents) AS BIGINT) FROM won_net WHERE crm_sourced) AS crm_cents,
        (SELECT ${idList('id', 'crm_sourced')} FROM won_net) AS crm_ids,
        -- Touch-sourced: the deal's first touch is on a marketing channel, and without marketing_channels every channel is one.
        (SELECT CAST(coalesce(sum(cents), 0) AS BIGINT) FROM won_net WHERE row_no IN (SELECT row_no FROM first_touches)) AS touch_cents,
        (SELECT ${idList('id', 'row_no IN (SELECT row_no FROM first_touches)')} FROM won_net) AS touch_ids,
        (SELECT ${idList('id')} FROM won_net) AS won_ids,
        (SELECT ${idList('id')} FROM opp_net) AS opportunity_ids,
        -- Half away from zero, in whole cents.
        CASE WHEN won = 0 THEN NULL ELSE sign(won_cents) * ((2 * abs(won_cents) + won) // (2 * won)) END AS average_won_cents,
        CASE WHEN won = 0 THEN NULL ELSE sign(spend_cents) * ((2 * abs(spend_cents) + won) // (2 * won)) END AS cac_cents
      FROM figures`,
    winRates: `WITH rows AS (
        SELECT id, cents, grp, true AS is_won FROM won WHERE d BETWEEN ${FROM} AND ${TO}
        UNION ALL SELECT id, cents, grp, false FROM lost WHERE d BETWEEN ${FROM} AND ${TO})
      SELECT grp IS NULL AS overall, grp, count_if(is_won) AS won, count(*) AS total,
        CAST(coalesce(sum(cents) FILTER (WHERE is_won), 0) AS BIGINT) AS won_cents, CAST(coalesce(sum(cents), 0) AS BIGINT) AS total_cents,
        ${idList('id')} AS ids
      FROM rows GROUP BY ROLLUP (grp) ORDER BY overall DESC, grp`,
    attribution: `SELECT CAST(coalesce(sum(cents), 0) AS BIGINT) AS total_cents, ${valuedList('no_touch', 'NOT touched')},
        ${valuedList('both', 'crm_sourced AND touched')}, ${valuedList('crm_only', 'crm_sourced AND NOT touched')},
        ${valuedList('touches_only', 'NOT crm_sourced AND touched')}, ${valuedList('neither', 'NOT crm_sourced AND NOT touched')},
        ${valuedList('influenced', 'touched')} FROM attributed`,
    firstTouchLines: `SELECT coalesce(channel, 'No touch') AS channel, CAST(sum(cents) AS BIGINT) AS cents, count(*) AS n, ${idList('id')} AS ids
      FROM attributed GROUP BY ALL ORDER BY cents DESC, channel`,
  };
}
