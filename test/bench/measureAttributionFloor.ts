// Measures the attribution FLOOR: a separate plain @duckdb/node-api process running the hand-written SQL and writing the report of `recon metrics --json`.
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';
import { buildAttributionFloorSql, TOUCH_MODELS, type AttributionFloorSql } from './buildAttributionFloorSql';
import type { AttributionBenchDataset } from './generateAttributionBenchExports';
import { measureFloorProcess, runFloorChild, runFloorSteps, type MetricsFloorResult } from './runFloorProcess';
import { ATTRIBUTION_BENCH_NAMES } from './writeAttributionBenchContract';

type Row = Record<string, unknown>;

const thisFile = fileURLToPath(import.meta.url);

/** The same figures as the metrics floor's: import = CSVs read as text, compute = every table up to the credit lines, report = the rest. */
export async function measureAttributionFloor(dataset: AttributionBenchDataset, outDir: string, cwd: string, timeoutMs: number): Promise<MetricsFloorResult> {
  return measureFloorProcess(thisFile, dataset.files, outDir, cwd, timeoutMs);
}

/** The child: load, compute, then the report's JSON shape with the id lists pasted in as DuckDB wrote them. */
export async function runAttributionFloor(files: AttributionBenchDataset['files'], reportPath: string, figuresPath: string): Promise<void> {
  const sql = buildAttributionFloorSql(files);
  await runFloorSteps(sql, (connection) => readReport(connection, sql), reportPath, figuresPath);
}

async function readRows(connection: DuckDBConnection, sql: string): Promise<Row[]> {
  return (await connection.runAndReadAll(sql)).getRowObjects();
}

/** Rows of one query grouped by their `model` column, in the order of `models` (a model without rows gets an empty list). */
function groupByModel<T>(rows: Row[], models: readonly string[], shape: (row: Row) => T): Record<string, T[]> {
  const grouped = Object.fromEntries(models.map((m) => [m, [] as T[]]));
  for (const row of rows) grouped[String(row.model)]?.push(shape(row));
  return grouped;
}

/**
 * Lists stay DuckDB's JSON text: each is put in the skeleton as a placeholder string and pasted in at the end.
 * Money is whole cents from DuckDB; one correctly rounded division by 100 gives the nearest double, as the engine's decimal text does.
 */
async function readReport(connection: DuckDBConnection, sql: AttributionFloorSql): Promise<string> {
  const lists: string[] = [];
  const list = (text: unknown) => {
    lists.push(String(text));
    return `\u0000${lists.length - 1}`;
  };
  const money = (cents: unknown) => Number(cents) / 100;
  const valued = (row: Row, name: string) => ({ count: Number(row[`${name}_n`]), value: money(row[`${name}_cents`]), ids: list(row[`${name}_ids`]) });
  const names = ATTRIBUTION_BENCH_NAMES;
  const [totals] = await readRows(connection, sql.totals);
  const [sourced] = await readRows(connection, sql.sourced);
  if (!totals || !sourced) throw new Error('no totals or sourced row');
  const lines = groupByModel(await readRows(connection, sql.lines), names.models, (r) => ({
    channel: String(r.channel),
    campaign: r.campaign === null ? null : String(r.campaign),
    credit: money(r.credit),
    opportunities: Number(r.opportunities),
    ids: list(r.ids),
  }));
  const agreement = groupByModel(await readRows(connection, sql.agreement), TOUCH_MODELS, (r) => ({
    reported: String(r.reported),
    touched: String(r.touched),
    count: Number(r.n),
    value: money(r.cents),
    ids: list(r.ids),
  }));
  const entry = {
    name: names.entry,
    basis: 'interpretation',
    depends_on: `lookback ${names.lookbackDays} days`,
    total: money(totals.total_cents),
    no_touch: valued(totals, 'no_touch'),
    models: lines,
    sourced: Object.fromEntries(['both', 'crm_only', 'touches_only', 'neither'].map((line) => [line, valued(sourced, line)])),
    influenced: valued(sourced, 'influenced'),
    agreement,
  };
  const skeleton = JSON.stringify({ contract: { title: '', version: names.version }, currency: 'USD', funnels: [], attribution: [entry], shared_metrics: [], sla: [] });
  return `${skeleton.replace(/"\\u0000(\d+)"/g, (_, at: string) => lists[Number(at)] ?? '[]')}\n`;
}

if (process.argv[1] === thisFile) await runFloorChild((files, reportPath, figuresPath) => runAttributionFloor(files as AttributionBenchDataset['files'], reportPath, figuresPath));
