// Measures the FLOOR: a separate plain @duckdb/node-api process running the hand-written bridge SQL.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { buildFloorBridgeSql, FLOOR_NAMES, type FloorBridgeSql } from './buildFloorBridgeSql';
import { buildValueFloorSql } from './buildValueFloorSql';
import { VALUE_FLOOR_NAMES } from './writeValueBenchContract';
import type { BenchDataset } from './generateBenchExports';
import { formatMs } from './formatFigures';
import { measurePageTimes, type PageTimes } from './measurePageTimes';
import { runTimed } from './runTimed';

export interface FloorResult {
  ok: boolean;
  error?: string;
  /** Process wall time without the page probes, which the bridge itself does not need. */
  wallMs?: number;
  peakRssMb?: number;
  /** User + system CPU time of the whole process, page probes included (they are a few milliseconds). */
  cpuMs?: number;
  importMs?: number;
  reconcileMs?: number;
  reportMs?: number;
  largest?: { side: string; kind: string; reason: string; count: number };
  firstPage?: PageTimes;
  middlePage?: PageTimes;
  reportPath: string;
}

interface FloorChildFigures {
  importMs: number;
  reconcileMs: number;
  reportMs: number;
  probeMs: number;
  largest: { side: 'left' | 'right'; kind: string; reason: string; count: number };
  firstPage: PageTimes;
  middlePage: PageTimes;
}

/** count: the MQL bridge of generateBenchExports; value: the money bridge of generateValueBenchExports. */
export type BenchBridge = 'count' | 'value';

type FloorNames = typeof FLOOR_NAMES | typeof VALUE_FLOOR_NAMES;

interface BucketRow {
  side: string;
  kind: string;
  reason: string;
  count: string;
  ids: string;
  value_cents?: string;
  missing_values?: string;
}

interface TotalRow {
  side: string;
  gross: string;
  net: string;
  gross_value_cents?: string;
  net_value_cents?: string;
}

interface DifferencesRow {
  count: string;
  increase_cents: string;
  decrease_cents: string;
}

const thisFile = fileURLToPath(import.meta.url);

export async function measureFloor(dataset: BenchDataset, outDir: string, cwd: string, timeoutMs: number, bridge: BenchBridge): Promise<FloorResult> {
  const reportPath = path.join(outDir, 'floor-report.json');
  const figuresPath = path.join(outDir, 'floor-figures.json');
  fs.rmSync(figuresPath, { force: true });
  const run = await runTimed(process.execPath, ['--import', 'tsx', thisFile, bridge, dataset.leftPath, dataset.rightPath, reportPath, figuresPath], {
    cwd,
    stdoutPath: path.join(outDir, 'floor.stdout.log'),
    stderrPath: path.join(outDir, 'floor.stderr.log'),
    timeoutMs,
  });
  if (run.timedOut) return { ok: false, error: `stopped at the time limit of ${formatMs(timeoutMs)}`, reportPath };
  if (run.exitCode !== 0 || !fs.existsSync(figuresPath)) return { ok: false, error: `exit ${run.exitCode}: ${run.lastStderrLine}`, reportPath };
  const figures = JSON.parse(fs.readFileSync(figuresPath, 'utf8')) as FloorChildFigures;
  const { probeMs, ...rest } = figures;
  return { ok: true, wallMs: run.wallMs === undefined ? undefined : run.wallMs - probeMs, peakRssMb: run.peakRssMb, cpuMs: run.cpuMs, ...rest, reportPath };
}

/** The child: import, reconcile, write the report's JSON shape, then probe pages of the largest bucket. */
export async function runFloor(bridge: BenchBridge, leftCsv: string, rightCsv: string, reportPath: string, figuresPath: string): Promise<void> {
  const sql: FloorBridgeSql = bridge === 'value' ? buildValueFloorSql(leftCsv, rightCsv) : buildFloorBridgeSql(leftCsv, rightCsv);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const importMs = await timeStatements(connection, sql.load);
  const reconcileMs = await timeStatements(connection, sql.reconcile);
  const reportStarted = performance.now();
  const buckets = (await connection.runAndReadAll(sql.buckets)).getRowObjectsJson() as unknown as BucketRow[];
  const totals = (await connection.runAndReadAll(sql.totals)).getRowObjectsJson() as unknown as TotalRow[];
  const pairs = sql.pairs === undefined ? undefined : ((await connection.runAndReadAll(sql.pairs)).getRowObjectsJson()[0] as { pairs: string }).pairs;
  const differences = sql.differences === undefined ? undefined : ((await connection.runAndReadAll(sql.differences)).getRowObjectsJson()[0] as unknown as DifferencesRow);
  writeFloorReport(reportPath, bridge === 'value' ? VALUE_FLOOR_NAMES : FLOOR_NAMES, buckets, totals, pairs, differences);
  const reportMs = performance.now() - reportStarted;
  const top = buckets.reduce((a, b) => (Number(b.count) > Number(a.count) ? b : a));
  const largest = { side: top.side as 'left' | 'right', kind: top.kind, reason: top.reason, count: Number(top.count) };
  const probeStarted = performance.now();
  const fetchPage = async (offset: number) => {
    (await connection.runAndReadAll(sql.page(largest.side), [largest.kind, largest.reason, offset])).getRowsJson();
  };
  const firstPage = await measurePageTimes(() => fetchPage(0));
  const middlePage = await measurePageTimes(() => fetchPage(Math.floor(largest.count / 2)));
  const probeMs = performance.now() - probeStarted;
  const figures: FloorChildFigures = { importMs, reconcileMs, reportMs, probeMs, largest, firstPage, middlePage };
  fs.writeFileSync(figuresPath, JSON.stringify(figures));
  connection.closeSync();
  instance.closeSync();
}

async function timeStatements(connection: DuckDBConnection, statements: string[]): Promise<number> {
  const started = performance.now();
  for (const statement of statements) await connection.run(statement);
  return performance.now() - started;
}

/**
 * The ids and pairs arrive as JSON text from DuckDB and are pasted in unparsed: building them in JS is not the floor.
 * Values arrive as whole cents; a correctly rounded division by 100 gives the same number as the engine's cents text.
 */
function writeFloorReport(reportPath: string, names: FloorNames, buckets: BucketRow[], totals: TotalRow[], pairs?: string, differences?: DifferencesRow): void {
  const money = (cents: string | undefined) => Number(cents ?? 0) / 100;
  const side = (name: 'left' | 'right') => {
    const total = totals.find((t) => t.side === name);
    const values = total?.gross_value_cents === undefined ? {} : { gross_value: money(total.gross_value_cents), net_value: money(total.net_value_cents) };
    return { ...names[name], gross: Number(total?.gross ?? 0), net: Number(total?.net ?? 0), ...values };
  };
  const head = JSON.stringify({ name: names.reconciliation, left: side('left'), right: side('right') }).slice(0, -1);
  const out = fs.openSync(reportPath, 'w');
  fs.writeSync(out, `{"reconciliations":[${head},"buckets":[`);
  buckets.forEach((b, i) => {
    const values = b.value_cents === undefined ? {} : { value: money(b.value_cents), missing_values: Number(b.missing_values) };
    const fields = JSON.stringify({ side: b.side, kind: b.kind, reason: b.reason, count: Number(b.count), ...values }).slice(0, -1);
    fs.writeSync(out, `${i > 0 ? ',' : ''}${fields},"ids":${b.ids}}`);
  });
  fs.writeSync(out, ']');
  if (pairs !== undefined) fs.writeSync(out, `,"pairs":[${pairs}]`);
  if (differences) {
    const step = { count: Number(differences.count), increase: money(differences.increase_cents), decrease: money(differences.decrease_cents) };
    fs.writeSync(out, `,"value_differences":${JSON.stringify(step)}`);
  }
  fs.writeSync(out, '}]}\n');
  fs.closeSync(out);
}

if (process.argv[1] === thisFile) {
  const [bridge, leftCsv, rightCsv, reportPath, figuresPath] = process.argv.slice(2) as [BenchBridge, string, string, string, string];
  try {
    await runFloor(bridge, leftCsv, rightCsv, reportPath, figuresPath);
  } catch (error) {
    // The stack for the log, then the reason alone on the last line, where the parent reads it.
    console.error(error);
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
