// Measures the FLOOR: a separate plain @duckdb/node-api process running the hand-written bridge SQL.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { buildFloorBridgeSql, FLOOR_NAMES } from './buildFloorBridgeSql';
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

const thisFile = fileURLToPath(import.meta.url);

export async function measureFloor(dataset: BenchDataset, outDir: string, cwd: string, timeoutMs: number): Promise<FloorResult> {
  const reportPath = path.join(outDir, 'floor-report.json');
  const figuresPath = path.join(outDir, 'floor-figures.json');
  fs.rmSync(figuresPath, { force: true });
  const run = await runTimed(process.execPath, ['--import', 'tsx', thisFile, dataset.leftPath, dataset.rightPath, reportPath, figuresPath], {
    cwd,
    stdoutPath: path.join(outDir, 'floor.stdout.log'),
    stderrPath: path.join(outDir, 'floor.stderr.log'),
    timeoutMs,
  });
  if (run.timedOut) return { ok: false, error: `stopped at the time limit of ${formatMs(timeoutMs)}`, reportPath };
  if (run.exitCode !== 0 || !fs.existsSync(figuresPath)) return { ok: false, error: `exit ${run.exitCode}: ${run.lastStderrLine}`, reportPath };
  const figures = JSON.parse(fs.readFileSync(figuresPath, 'utf8')) as FloorChildFigures;
  const { probeMs, ...rest } = figures;
  return { ok: true, wallMs: run.wallMs === undefined ? undefined : run.wallMs - probeMs, peakRssMb: run.peakRssMb, ...rest, reportPath };
}

/** The child: import, reconcile, write the report's JSON shape, then probe pages of the largest bucket. */
async function runFloor(leftCsv: string, rightCsv: string, reportPath: string, figuresPath: string): Promise<void> {
  const sql = buildFloorBridgeSql(leftCsv, rightCsv);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const importMs = await timeStatements(connection, sql.load);
  const reconcileMs = await timeStatements(connection, sql.reconcile);
  const reportStarted = performance.now();
  const buckets = (await connection.runAndReadAll(sql.buckets)).getRowObjectsJson() as { side: string; kind: string; reason: string; count: string; ids: string }[];
  const totals = (await connection.runAndReadAll(sql.totals)).getRowObjectsJson() as { side: string; gross: string; net: string }[];
  writeFloorReport(reportPath, buckets, totals);
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

/** The ids arrive as JSON text from DuckDB and are pasted in unparsed: building them in JS is not the floor. */
function writeFloorReport(reportPath: string, buckets: { side: string; kind: string; reason: string; count: string; ids: string }[], totals: { side: string; gross: string; net: string }[]): void {
  const side = (name: 'left' | 'right') => {
    const total = totals.find((t) => t.side === name);
    return { ...FLOOR_NAMES[name], gross: Number(total?.gross ?? 0), net: Number(total?.net ?? 0) };
  };
  const head = JSON.stringify({ name: FLOOR_NAMES.reconciliation, left: side('left'), right: side('right') }).slice(0, -1);
  const out = fs.openSync(reportPath, 'w');
  fs.writeSync(out, `{"reconciliations":[${head},"buckets":[`);
  buckets.forEach((b, i) => {
    const fields = JSON.stringify({ side: b.side, kind: b.kind, reason: b.reason, count: Number(b.count) }).slice(0, -1);
    fs.writeSync(out, `${i > 0 ? ',' : ''}${fields},"ids":${b.ids}}`);
  });
  fs.writeSync(out, ']}]}\n');
  fs.closeSync(out);
}

if (process.argv[1] === thisFile) {
  const [leftCsv, rightCsv, reportPath, figuresPath] = process.argv.slice(2) as [string, string, string, string];
  try {
    await runFloor(leftCsv, rightCsv, reportPath, figuresPath);
  } catch (error) {
    // The stack for the log, then the reason alone on the last line, where the parent reads it.
    console.error(error);
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
