// The plumbing every report floor shares: the parent times a child process running plain @duckdb/node-api SQL; the child loads, computes, writes its report and its figures.
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { formatMs } from './formatFigures';
import { runTimed } from './runTimed';

export interface MetricsFloorResult {
  ok: boolean;
  error?: string;
  wallMs?: number;
  peakRssMb?: number;
  cpuMs?: number;
  /** The CSVs read into text tables. */
  importMs?: number;
  /** Every table the report's figures are read from. */
  computeMs?: number;
  /** Every figure and id list, and the JSON file. */
  reportMs?: number;
  reportPath: string;
}

/** Runs `childFile` (which calls runFloorChild when it is the entry point) on the dataset's files, timed. */
export async function measureFloorProcess(childFile: string, files: unknown, outDir: string, cwd: string, timeoutMs: number): Promise<MetricsFloorResult> {
  const reportPath = path.join(outDir, 'floor-metrics.json');
  const figuresPath = path.join(outDir, 'floor-figures.json');
  fs.rmSync(figuresPath, { force: true });
  const run = await runTimed(process.execPath, ['--import', 'tsx', childFile, JSON.stringify(files), reportPath, figuresPath], {
    cwd,
    stdoutPath: path.join(outDir, 'floor.stdout.log'),
    stderrPath: path.join(outDir, 'floor.stderr.log'),
    timeoutMs,
  });
  if (run.timedOut) return { ok: false, error: `stopped at the time limit of ${formatMs(timeoutMs)}`, reportPath };
  if (run.exitCode !== 0 || !fs.existsSync(figuresPath)) return { ok: false, error: `exit ${run.exitCode}: ${run.lastStderrLine}`, reportPath };
  const figures = JSON.parse(fs.readFileSync(figuresPath, 'utf8')) as Pick<MetricsFloorResult, 'importMs' | 'computeMs' | 'reportMs'>;
  return { ok: true, wallMs: run.wallMs, peakRssMb: run.peakRssMb, cpuMs: run.cpuMs, ...figures, reportPath };
}

async function timeStatements(connection: DuckDBConnection, statements: string[]): Promise<number> {
  const started = performance.now();
  for (const statement of statements) await connection.run(statement);
  return performance.now() - started;
}

/** The child: load, compute, then the report's JSON text as `readReport` builds it; the three times go to `figuresPath`. */
export async function runFloorSteps(
  sql: { load: string[]; compute: string[] },
  readReport: (connection: DuckDBConnection) => Promise<string>,
  reportPath: string,
  figuresPath: string,
): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const importMs = await timeStatements(connection, sql.load);
  const computeMs = await timeStatements(connection, sql.compute);
  const started = performance.now();
  fs.writeFileSync(reportPath, await readReport(connection));
  const reportMs = performance.now() - started;
  fs.writeFileSync(figuresPath, JSON.stringify({ importMs, computeMs, reportMs }));
  connection.closeSync();
  instance.closeSync();
}

/** The child's entry: the arguments the parent passed, and the reason of a failure alone on stderr's last line, where the parent reads it. */
export async function runFloorChild(run: (files: unknown, reportPath: string, figuresPath: string) => Promise<void>): Promise<void> {
  const [files, reportPath, figuresPath] = process.argv.slice(2) as [string, string, string];
  try {
    await run(JSON.parse(files) as unknown, reportPath, figuresPath);
  } catch (error) {
    console.error(error);
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
