// Measures the metrics FLOOR: a separate plain @duckdb/node-api process running the hand-written SQL and writing the report of `recon metrics --json`.
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';
import { buildMetricsFloorSql, type MetricsFloorSql } from './buildMetricsFloorSql';
import type { MetricsBenchDataset } from './generateMetricsBenchExports';
import { measureFloorProcess, runFloorChild, runFloorSteps, type MetricsFloorResult } from './runFloorProcess';
import { METRICS_BENCH_NAMES } from './writeMetricsBenchContract';

type Row = Record<string, unknown>;

const thisFile = fileURLToPath(import.meta.url);
const STAGE_METRICS = ['SQL', 'Opportunity', 'Won'] as const;

export async function measureMetricsFloor(dataset: MetricsBenchDataset, outDir: string, cwd: string, timeoutMs: number): Promise<MetricsFloorResult> {
  return measureFloorProcess(thisFile, dataset.files, outDir, cwd, timeoutMs);
}

/** The child: load, compute, then the report's JSON shape with the id lists pasted in as DuckDB wrote them. */
export async function runMetricsFloor(files: MetricsBenchDataset['files'], reportPath: string, figuresPath: string): Promise<void> {
  const sql = buildMetricsFloorSql(files);
  await runFloorSteps(sql, (connection) => readReport(connection, sql), reportPath, figuresPath);
}

async function readRow(connection: DuckDBConnection, sql: string): Promise<Row> {
  const [row] = (await connection.runAndReadAll(sql)).getRowObjects();
  if (!row) throw new Error(`no row from: ${sql.slice(0, 80)}`);
  return row;
}

/** A JSON number from DuckDB's BIGINT (bigint), DOUBLE (number) or NULL. */
function toNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function divide(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

/**
 * Lists stay DuckDB's JSON text: each is put in the skeleton as a placeholder string and pasted in at the end.
 * Money is whole cents from DuckDB; one correctly rounded division by 100 gives the nearest double, as the engine's decimal text does.
 */
async function readReport(connection: DuckDBConnection, sql: MetricsFloorSql): Promise<string> {
  const lists: string[] = [];
  const list = (text: unknown) => {
    lists.push(String(text));
    return `\u0000${lists.length - 1}`;
  };
  const money = (cents: unknown) => (cents === null ? null : Number(cents) / 100);
  const cohort = await readRow(connection, sql.cohort);
  const cohortSize = Number(cohort.n);
  const stages = [];
  let previous = cohortSize;
  for (const [i, metric] of STAGE_METRICS.entries()) {
    const row = await readRow(connection, sql.stage(i + 1));
    const reached = Number(row.reached);
    stages.push({
      metric,
      reached,
      reached_ids: list(row.reached_ids),
      ids: list(row.ids),
      value: metric === 'SQL' ? null : (money(row.cents) ?? 0),
      conversion_from_previous: divide(reached, previous),
      conversion_from_cohort: divide(reached, cohortSize),
      median_days: toNumber(row.median_days),
      p90_days: toNumber(row.p90_days),
      dropped: list(row.dropped),
      skipped: list(row.skipped),
      outside_cohort: list(row.outside_cohort),
    });
    previous = reached;
  }
  const names = METRICS_BENCH_NAMES;
  const funnel = { name: names.funnel, basis: 'fact', cohort: { metric: 'MQL', count: cohortSize, ids: list(cohort.ids) }, stages };
  const s = await readRow(connection, sql.sla);
  const [met, breached, never] = [Number(s.met), Number(s.breached), Number(s.never)];
  const sla = {
    name: names.sla,
    basis: 'fact',
    median_minutes: toNumber(s.median_minutes),
    p90_minutes: toNumber(s.p90_minutes),
    met_share: divide(met, met + breached + never),
    met: { count: met, ids: list(s.met_ids) },
    breached: { count: breached, ids: list(s.breached_ids) },
    never: { count: never, ids: list(s.never_ids) },
  };
  const shared = await readSharedMetrics(connection, sql, list, money, stages.at(-1), cohortSize);
  const attribution = await readAttribution(connection, sql, list);
  const skeleton = JSON.stringify({ contract: { title: '', version: names.version }, currency: 'USD', funnels: [funnel], attribution: [attribution], shared_metrics: shared, sla: [sla] });
  return `${skeleton.replace(/"\\u0000(\d+)"/g, (_, at: string) => lists[Number(at)] ?? '[]')}\n`;
}

/** The contract's one attribution entry: first touch over the tasks, its sourced bridge (CRM rule against first touch) and influenced. */
async function readAttribution(connection: DuckDBConnection, sql: MetricsFloorSql, list: (text: unknown) => string) {
  const row = await readRow(connection, sql.attribution);
  const lines = (await connection.runAndReadAll(sql.firstTouchLines)).getRowObjects();
  const money = (cents: unknown) => Number(cents) / 100;
  const valued = (name: string) => ({ count: Number(row[`${name}_n`]), value: money(row[`${name}_cents`]), ids: list(row[`${name}_ids`]) });
  return {
    name: METRICS_BENCH_NAMES.attribution,
    basis: 'interpretation',
    total: money(row.total_cents),
    no_touch: valued('no_touch'),
    models: { first_touch: lines.map((l) => ({ channel: String(l.channel), campaign: null, credit: money(l.cents), opportunities: Number(l.n), ids: list(l.ids) })) },
    sourced: { both: valued('both'), crm_only: valued('crm_only'), touches_only: valued('touches_only'), neither: valued('neither') },
    influenced: valued('influenced'),
  };
}

/** revenue.md's shared metrics in the engine's order: sourced revenue by crm and by touches, lead-to-revenue, win rates (overall first), velocity, CAC. */
async function readSharedMetrics(
  connection: DuckDBConnection,
  sql: MetricsFloorSql,
  list: (text: unknown) => string,
  money: (cents: unknown) => number | null,
  last: { reached: number; reached_ids: string } | undefined,
  cohortSize: number,
) {
  const f = await readRow(connection, sql.shared);
  const rates = (await connection.runAndReadAll(sql.winRates)).getRowObjects();
  const won = Number(f.won);
  const total = won + Number(f.lost);
  const winRate = divide(won, total);
  const averageWonValue = money(f.average_won_cents);
  const averageDays = toNumber(f.average_days);
  const opportunities = Number(f.opportunities);
  const velocity = winRate === null || averageWonValue === null || averageDays === null || averageDays === 0 ? null : (opportunities * winRate * averageWonValue) / averageDays;
  return [
    { name: 'marketing_sourced_revenue', by: 'crm', value: money(f.crm_cents) ?? 0, basis: 'fact', ids: list(f.crm_ids) },
    { name: 'marketing_sourced_revenue', by: 'touches', value: money(f.touch_cents) ?? 0, basis: 'interpretation', ids: list(f.touch_ids) },
    { name: 'lead_to_revenue', by: METRICS_BENCH_NAMES.funnel, value: divide(last?.reached ?? 0, cohortSize), basis: 'fact', ids: last?.reached_ids ?? '[]' },
    ...rates.map((r) => ({
      name: 'win_rate',
      by: r.overall === true ? null : String(r.grp),
      value: divide(Number(r.won), Number(r.total)),
      value_rate: divide(Number(r.won_cents), Number(r.total_cents)),
      basis: 'fact',
      ids: list(r.ids),
    })),
    {
      name: 'pipeline_velocity',
      by: null,
      // To cents, half away from zero.
      value: velocity === null ? null : (Math.sign(velocity) * Math.round(Math.abs(velocity) * 100)) / 100,
      inputs: { opportunities, win_rate: winRate, average_won_value: averageWonValue, average_days: averageDays },
      basis: 'interpretation',
      ids: list(f.opportunity_ids),
    },
    { name: 'cac', by: null, value: money(f.cac_cents), basis: 'fact', ids: list(f.won_ids) },
  ];
}

if (process.argv[1] === thisFile) await runFloorChild((files, reportPath, figuresPath) => runMetricsFloor(files as MetricsBenchDataset['files'], reportPath, figuresPath));
