// The attribution bench's FLOOR: revenue.md's attribution (seven models, sourced, influenced, agreement) for the bench contract, hand-written as plain DuckDB SQL over the CSVs read as text.
import type { AttributionBenchDataset } from './generateAttributionBenchExports';
import { ATTRIBUTION_BENCH_NAMES } from './writeAttributionBenchContract';

export interface AttributionFloorSql {
  /** Each CSV into a table of text columns, rows in file order (rowid). */
  load: string[];
  /** The period's opportunities, their people and counted touches, every touch's share under every model, the credit lines. */
  compute: string[];
  /** One row: total, and the opportunities without a counted touch. */
  totals: string;
  /** Every credit line of every model, in the report's order within a model. */
  lines: string;
  /** One row: the sourced bridge's four lines and influenced, each count, cents and ids. */
  sourced: string;
  /** Every agreement cell of every touch model, in the report's order within a model. */
  agreement: string;
}

/** Written here, not read from the contract: the floor is an independent reading of revenue.md and the contract text. */
const FROM = "DATE '2026-07-01'";
const TO = "DATE '2026-09-30'";
const DAY_US = 86_400_000_000;
const LOOKBACK_US = `${ATTRIBUTION_BENCH_NAMES.lookbackDays} * ${DAY_US}`;
export const TOUCH_MODELS = ATTRIBUTION_BENCH_NAMES.models.filter((m) => m !== 'self_reported');

function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Ids in the report's order (numeric ids by value, then text), as one JSON array text. */
function idList(column: string, filter?: string): string {
  return `coalesce(to_json(list(${column} ORDER BY TRY_CAST(${column} AS HUGEINT) NULLS LAST, ${column})${filter === undefined ? '' : ` FILTER (WHERE ${filter})`}), '[]')`;
}

/** count, cents and ids of the opportunities (of `statuses`) a condition keeps, as columns named `<name>_n`, `<name>_cents`, `<name>_ids`. */
function valuedList(name: string, filter: string): string {
  return `count(*) FILTER (WHERE ${filter}) AS ${name}_n, CAST(coalesce(sum(v) FILTER (WHERE ${filter}), 0) AS BIGINT) AS ${name}_cents, ${idList('id', filter)} AS ${name}_ids`;
}

export function buildAttributionFloorSql(files: AttributionBenchDataset['files']): AttributionFloorSql {
  const n = ATTRIBUTION_BENCH_NAMES;
  const read = (table: string, file: string) => `CREATE TABLE ${table} AS SELECT * FROM read_csv(${quote(file)}, header = true, all_varchar = true)`;
  const marketing = `(${n.marketingChannels.map(quote).join(', ')})`;
  const answers = Object.entries(n.answers)
    .map(([answer, channel]) => `WHEN ${quote(answer.toLowerCase())} THEN ${quote(channel)}`)
    .join(' ');
  const models = `(VALUES ${TOUCH_MODELS.map((m) => `(${quote(m)})`).join(', ')}) AS m(model)`;
  const load = [
    read('contacts_raw', files.contacts),
    read('opps_raw', files.opportunities),
    read('roles_raw', files.contactRoles),
    read('touches_raw', files.touches),
  ];
  const compute = [
    // identity.normalize [trim, lowercase, strip_plus_tag]; an empty key is no key.
    `CREATE MACRO person_key(x) AS nullif(regexp_replace(lower(trim(x)), '\\+[^@]*@', '@'), '')`,
    // normalize.from [trim, salesforce_id]: an 18-character id is its first 15.
    `CREATE MACRO opportunity_key(x) AS nullif(CASE WHEN length(trim(x)) IN (15, 18) THEN left(trim(x), 15) ELSE trim(x) END, '')`,
    // The exports write UTC wall time, or a date alone.
    `CREATE MACRO utc(x) AS try_strptime(trim(x), '%Y-%m-%d %H:%M')`,
    `CREATE MACRO day_alone(x) AS try_strptime(trim(x), '%Y-%m-%d')`,
    // An instant in microseconds: a date alone is the instant its day ends in New York (00:00 of the next day).
    `CREATE MACRO instant_us(x) AS coalesce(epoch_us(timezone('UTC', utc(x))), epoch_us(timezone('America/New_York', day_alone(x) + INTERVAL 1 DAY)))`,
    // New York wall time, a date alone at 00:00: its date puts a record in the period, and dedupe orders by it.
    `CREATE MACRO ny_wall(x) AS coalesce(timezone('America/New_York', timezone('UTC', utc(x))), day_alone(x))`,
    // The period's opportunities: not renewals, created in Q3. Their ids are unique, so dedupe on the id keeps every one.
    `CREATE TABLE opp AS SELECT rowid AS row_no, "Opportunity ID" AS id, opportunity_key("Opportunity ID") AS link_key,
       coalesce(CAST(CAST("Amount" AS DECIMAL(18, 2)) * 100 AS BIGINT), 0) AS v, instant_us("Created Date") AS moment,
       coalesce("Lead Source" IN (${n.crmSources.map(quote).join(', ')}), false) AS crm,
       CASE WHEN nullif(trim("How Did You Hear"), '') IS NULL THEN 'Not reported'
            ELSE coalesce(CASE lower(trim("How Did You Hear")) ${answers} END, trim("How Did You Hear")) END AS reported
     FROM opps_raw
     WHERE NOT coalesce("Type" = 'Existing Business', false) AND CAST(ny_wall("Created Date") AS DATE) BETWEEN ${FROM} AND ${TO}`,
    `CREATE TABLE pairs AS SELECT DISTINCT opportunity_key("Opportunity ID") AS link_key, person_key("Email") AS person FROM roles_raw
     WHERE opportunity_key("Opportunity ID") IS NOT NULL AND person_key("Email") IS NOT NULL`,
    `CREATE TABLE opp_people AS SELECT o.row_no AS opp, p.person FROM opp o JOIN pairs p USING (link_key)`,
    // Touches with a channel; the row number counts data rows from 1.
    `CREATE TABLE touches AS SELECT rowid + 1 AS row_no, person_key("Email") AS person, instant_us("Touched At") AS moment,
       trim("Channel") AS channel, coalesce(nullif("Campaign", ''), '(no campaign)') AS campaign
     FROM touches_raw WHERE nullif(trim("Channel"), '') IS NOT NULL`,
    // A touch of one of the deal's people within the lookback, both ends included; ordered by instant, then row.
    `CREATE TABLE counted AS SELECT o.row_no AS opp, o.moment AS opp_at, o.v, t.row_no, t.moment, t.channel, t.campaign,
       row_number() OVER (PARTITION BY o.row_no ORDER BY t.moment, t.row_no) AS pos, count(*) OVER (PARTITION BY o.row_no) AS n
     FROM opp o JOIN opp_people p ON p.opp = o.row_no JOIN touches t ON t.person = p.person AND t.moment BETWEEN o.moment - ${LOOKBACK_US} AND o.moment`,
    // MQL records that are net or out of period with a date: not excluded, the earliest per person (wall time, no date last, then row).
    `CREATE TABLE mql_latest AS SELECT key AS person, max(moment) AS latest FROM (
       SELECT person_key("Email") AS key, instant_us("MQL Date") AS moment FROM contacts_raw
       WHERE NOT (coalesce(lower(trim("Email")) LIKE '%@example.com', false) OR coalesce("Lifecycle Stage" = 'Lead', false))
       QUALIFY key IS NOT NULL AND row_number() OVER (PARTITION BY key ORDER BY ny_wall("MQL Date") NULLS LAST, rowid) = 1)
     WHERE moment IS NOT NULL GROUP BY key`,
    // The W-shaped milestone: the last counted touch at or before the latest MQL of the deal's people.
    `CREATE TABLE milestones AS SELECT c.opp, max(c.pos) AS mpos FROM counted c
       JOIN (SELECT p.opp, max(m.latest) AS latest FROM opp_people p JOIN mql_latest m USING (person) GROUP BY p.opp) l ON l.opp = c.opp
     WHERE c.moment <= l.latest GROUP BY c.opp`,
    // W-shaped in twentieths (a): 6 to each of first, milestone and last; with no milestone 3 more to first and last. p: distinct
    // touches holding a position; the last 2/20 go to the n - p others, or to the p when there are none: share (a*k + 2) / 20k or a*k / 20k.
    `CREATE TABLE positioned AS SELECT c.*, 6 * (pos = 1)::INT + 6 * (pos = n)::INT
         + CASE WHEN m.mpos IS NULL THEN 3 * (pos = 1)::INT + 3 * (pos = n)::INT ELSE 6 * (pos = m.mpos)::INT END AS a,
       1 + (n > 1)::INT + (m.mpos IS NOT NULL AND m.mpos NOT IN (1, n))::INT AS p,
       pow(2, -((opp_at - moment) / ${DAY_US}.0) / ${n.halfLifeDays}) AS weight
     FROM counted c LEFT JOIN milestones m USING (opp)`,
    // One row per model and touch with a share: exact ones as num / den (one den per deal and model), time decay as a double.
    // strength orders a deal's touches by share (num shares one den; weights one sum).
    `CREATE TABLE touch_shares AS
     SELECT 'first_touch' AS model, opp, v, pos, channel, campaign, 1 AS num, 1 AS den, NULL::DOUBLE AS cents, 1.0::DOUBLE AS strength FROM positioned WHERE pos = 1
     UNION ALL SELECT 'last_touch', opp, v, pos, channel, campaign, 1, 1, NULL, 1.0 FROM positioned WHERE pos = n
     UNION ALL SELECT 'linear', opp, v, pos, channel, campaign, 1, n, NULL, 1.0 FROM positioned
     UNION ALL SELECT 'u_shaped', opp, v, pos, channel, campaign, CASE WHEN n <= 2 THEN 1 WHEN pos IN (1, n) THEN 2 * (n - 2) ELSE 1 END AS num,
       CASE n WHEN 1 THEN 1 WHEN 2 THEN 2 ELSE 5 * (n - 2) END, NULL, num FROM positioned
     UNION ALL SELECT 'w_shaped', opp, v, pos, channel, campaign, a * k + CASE WHEN a = 0 OR n = p THEN 2 ELSE 0 END AS num, 20 * k, NULL, num
       FROM (SELECT *, CASE WHEN n > p THEN n - p ELSE p END AS k FROM positioned)
     UNION ALL SELECT 'time_decay', opp, v, pos, channel, campaign, NULL, NULL, v * weight / sum(weight) OVER (PARTITION BY opp), weight FROM positioned`,
    // The largest share under each model, ties to the earliest touch.
    `CREATE TABLE top_touch AS SELECT model, opp, channel FROM touch_shares
     QUALIFY row_number() OVER (PARTITION BY model, opp ORDER BY strength DESC, pos) = 1`,
    // Per model, deal and line (a channel, and a channel and campaign): the deal's share; deals with no touch give all of V to No touch.
    `CREATE TABLE opp_lines AS
     SELECT model, opp, any_value(v) AS v, channel, campaign, sum(num) AS num, any_value(den) AS den, sum(cents) AS cents FROM touch_shares
       GROUP BY GROUPING SETS ((model, opp, channel), (model, opp, channel, campaign))
     UNION ALL SELECT m.model, o.row_no, o.v, 'No touch', NULL, 1, 1, o.v FROM opp o, ${models} WHERE o.row_no NOT IN (SELECT opp FROM counted)`,
    // Exact credits: per line and denominator the sum of V x num, brought to the denominators' least common multiple, rounded once
    // to cents half away from zero. Time decay: the doubles summed, then rounded. Self-reported: V to the deal's answer.
    `CREATE TABLE lines AS WITH parts AS (
         SELECT model, channel, campaign, den, sum(CAST(v AS HUGEINT) * num) AS part FROM opp_lines WHERE model <> 'time_decay' GROUP BY ALL),
       common AS (SELECT *, list_reduce(list(CAST(den AS HUGEINT)) OVER (PARTITION BY model, channel, campaign), (x, y) -> lcm(x, y)) AS l FROM parts),
       exact AS (SELECT model, channel, campaign, sum(part * (l // den)) AS num, any_value(l) AS l FROM common GROUP BY ALL),
       credits AS (
         SELECT model, channel, campaign, CAST(sign(num) * ((2 * abs(num) + l) // (2 * l)) AS BIGINT) AS credit FROM exact
         UNION ALL SELECT model, channel, campaign, CAST(round(sum(cents)) AS BIGINT) FROM opp_lines WHERE model = 'time_decay' GROUP BY ALL),
       members AS (SELECT l.model, l.channel, l.campaign, count(*) AS opportunities, ${idList('o.id')} AS ids
         FROM opp_lines l JOIN opp o ON o.row_no = l.opp GROUP BY ALL)
     SELECT m.model, m.channel, m.campaign, c.credit, m.opportunities, m.ids FROM members m
       JOIN credits c ON c.model = m.model AND c.channel = m.channel AND c.campaign IS NOT DISTINCT FROM m.campaign
     UNION ALL SELECT 'self_reported', reported, NULL, CAST(sum(v) AS BIGINT), count(*), ${idList('id')} FROM opp GROUP BY reported`,
    `CREATE TABLE statuses AS SELECT o.id, o.v, o.crm, coalesce(i.influenced, false) AS influenced, coalesce(t.channel IN ${marketing}, false) AS touch_sourced
     FROM opp o LEFT JOIN (SELECT opp, bool_or(channel IN ${marketing}) AS influenced FROM counted GROUP BY opp) i ON i.opp = o.row_no
       LEFT JOIN top_touch t ON t.opp = o.row_no AND t.model = ${quote(n.sourcedModel)}`,
  ];
  return {
    load,
    compute,
    totals: `SELECT CAST(coalesce(sum(v), 0) AS BIGINT) AS total_cents, ${valuedList('no_touch', 'row_no NOT IN (SELECT opp FROM counted)')} FROM opp`,
    // Channel lines by credit, then name; each followed by its campaign lines by credit, then name.
    lines: `SELECT model, channel, campaign, credit, opportunities, ids FROM (
        SELECT model, channel, campaign, credit, opportunities, ids, max(credit) FILTER (WHERE campaign IS NULL) OVER (PARTITION BY model, channel) AS channel_credit
        FROM lines)
      ORDER BY model, channel_credit DESC, channel, campaign IS NOT NULL, credit DESC, campaign`,
    sourced: `SELECT ${valuedList('both', 'crm AND touch_sourced')}, ${valuedList('crm_only', 'crm AND NOT touch_sourced')},
        ${valuedList('touches_only', 'NOT crm AND touch_sourced')}, ${valuedList('neither', 'NOT crm AND NOT touch_sourced')},
        ${valuedList('influenced', 'influenced')} FROM statuses`,
    agreement: `SELECT m.model, o.reported, coalesce(t.channel, 'No touch') AS touched, count(*) AS n, CAST(sum(o.v) AS BIGINT) AS cents, ${idList('o.id')} AS ids
      FROM opp o CROSS JOIN ${models} LEFT JOIN top_touch t ON t.opp = o.row_no AND t.model = m.model
      GROUP BY ALL ORDER BY m.model, n DESC, o.reported, touched`,
  };
}
