// Issue 11, point 5: how often an import of N rows a side reports progress, how long its figures stand still, and how soon an abort or Ctrl-C stops it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Progress } from '../../shared/api';
import { openInvestigation } from '../../electron/engine/openInvestigation';
import type { Verdict } from './benchResults';
import { formatMs, formatRows } from './formatFigures';
import type { BenchDataset } from './generateBenchExports';

export interface ImportProgressResult {
  rows: number;
  /** The whole open (both sources imported, then reconciled), in process: the workbench's and the CLI's engine. */
  open: { ok: boolean; error?: string; wallMs: number; reports: number; longestGap: Pause; longestStill: Pause };
  /** Abort (the workbench's Cancel) at a moment of the first source's import, to the rejected promise. */
  aborts: { during: string; afterMs?: number; code?: string; error?: string }[];
  /** `recon reconcile --json` sent SIGINT while it imports, to its exit. */
  sigint: { during: string; afterMs?: number; exitCode?: number | null; lastLine?: string; error?: string };
}

/** The longest time without a report (or with the same figures), and what was under way then. */
interface Pause {
  ms: number;
  during: string;
}

/** Aborted this long after the part starts: DuckDB is well into its statement. */
const ABORT_AFTER_MS = 2000;
const MAX_GAP_MS = 1000;
const MAX_CANCEL_MS = 1000;

export async function measureImportProgress(dataset: BenchDataset, cwd: string, log: (message: string) => void): Promise<ImportProgressResult> {
  const label = `import progress, ${formatRows(dataset.rows)} rows a side`;
  log(`${label}: the whole open, every report timed`);
  const open = await measureOpen(dataset.contractPath);
  const aborts: ImportProgressResult['aborts'] = [];
  for (const during of ['reading', 'typing'] as const) {
    log(`${label}: abort ${formatMs(ABORT_AFTER_MS)} into '${during}' of the first source`);
    aborts.push(await measureAbort(dataset.contractPath, during));
  }
  log(`${label}: recon reconcile --json, SIGINT ${formatMs(ABORT_AFTER_MS)} into its first progress line`);
  const sigint = await measureSigint(dataset.contractPath, cwd);
  return { rows: dataset.rows, open, aborts, sigint };
}

function describe(p: Progress | undefined): string {
  if (!p) return 'start';
  return [p.step, p.source, p.detail].filter(Boolean).join(' ');
}

async function measureOpen(contractPath: string): Promise<ImportProgressResult['open']> {
  const started = performance.now();
  const reports: { at: number; progress: Progress }[] = [];
  try {
    const inv = await openInvestigation(contractPath, { onProgress: (progress) => reports.push({ at: performance.now(), progress }) });
    inv.close();
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error), wallMs: performance.now() - started, reports: reports.length, ...findPauses(started, reports) };
  }
  return { ok: true, wallMs: performance.now() - started, reports: reports.length, ...findPauses(started, reports) };
}

function findPauses(started: number, reports: { at: number; progress: Progress }[]): { longestGap: Pause; longestStill: Pause } {
  const longestGap: Pause = { ms: 0, during: 'start' };
  const longestStill: Pause = { ms: 0, during: 'start' };
  let previous = { at: started, progress: undefined as Progress | undefined };
  let changed = previous;
  for (const report of reports) {
    if (report.at - previous.at > longestGap.ms) Object.assign(longestGap, { ms: report.at - previous.at, during: describe(previous.progress) });
    const { fraction, bytesRead, rowsRead, detail, step, source } = report.progress;
    const was = changed.progress;
    if (!was || was.fraction !== fraction || was.bytesRead !== bytesRead || was.rowsRead !== rowsRead || was.detail !== detail || was.step !== step || was.source !== source) {
      if (report.at - changed.at > longestStill.ms) Object.assign(longestStill, { ms: report.at - changed.at, during: describe(changed.progress) });
      changed = report;
    }
    previous = report;
  }
  return { longestGap, longestStill };
}

async function measureAbort(contractPath: string, during: 'reading' | 'typing'): Promise<ImportProgressResult['aborts'][number]> {
  const controller = new AbortController();
  let abortedAt: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  const onProgress = (p: Progress) => {
    if (timer || p.detail !== during) return;
    timer = setTimeout(() => {
      abortedAt = performance.now();
      controller.abort();
    }, ABORT_AFTER_MS);
  };
  try {
    const inv = await openInvestigation(contractPath, { onProgress, signal: controller.signal });
    inv.close();
    clearTimeout(timer);
    return { during, error: 'the open finished before the abort' };
  } catch (error) {
    if (abortedAt === undefined) return { during, error: error instanceof Error ? error.message : String(error) };
    return { during, afterMs: performance.now() - abortedAt, code: (error as { code?: string }).code };
  }
}

async function measureSigint(contractPath: string, cwd: string): Promise<ImportProgressResult['sigint']> {
  const during = 'the first progress line';
  const child = spawn(process.execPath, [path.join(cwd, 'bin/recon.mjs'), 'reconcile', contractPath, '--json'], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  let signalledAt: number | undefined;
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (signalledAt === undefined && /\[recon\] Importing /.test(stderr)) {
      signalledAt = -1;
      setTimeout(() => {
        signalledAt = performance.now();
        child.kill('SIGINT');
      }, ABORT_AFTER_MS);
    }
  });
  const exitCode = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const lastLine = stderr.trim().split('\n').at(-1);
  if (signalledAt === undefined || signalledAt < 0) return { during, exitCode, lastLine, error: 'recon finished before the signal' };
  return { during, afterMs: performance.now() - signalledAt, exitCode, lastLine };
}

/** Point 5's two targets, judged on this run's figures. */
export function judgeImportProgress(result: ImportProgressResult | undefined): Verdict[] {
  const missing = 'not in this run (--bridges progress, --progress-rows N)';
  const at = result ? ` at ${formatRows(result.rows)} rows a side` : '';
  const reports: Verdict = { target: `import progress reported at least every ${formatMs(MAX_GAP_MS)}${at}`, status: 'not measured', detail: missing };
  const cancel: Verdict = { target: `cancel within ${formatMs(MAX_CANCEL_MS)}${at}`, status: 'not measured', detail: missing };
  if (!result) return [reports, cancel];
  const { open, aborts, sigint } = result;
  const pause = (p: Pause) => `${formatMs(p.ms)} (during ${p.during})`;
  const figures = `${open.reports} reports in ${formatMs(open.wallMs)}, longest gap ${pause(open.longestGap)}; figures unchanged at most ${pause(open.longestStill)}`;
  if (!open.ok) Object.assign(reports, { detail: `the open failed: ${open.error}; ${figures}` });
  else Object.assign(reports, { status: open.longestGap.ms <= MAX_GAP_MS ? 'met' : 'not met', detail: figures });
  const stops = [...aborts.map((a) => ({ what: `abort during ${a.during}`, ...a })), { what: `recon SIGINT after ${sigint.during}`, ...sigint }];
  const failed = stops.find((s) => s.afterMs === undefined);
  const detail = stops.map((s) => `${s.what}: ${s.afterMs === undefined ? s.error : formatMs(s.afterMs)}`).join('; ');
  const sigintSaid = sigint.exitCode === 130 && /cancelled/.test(sigint.lastLine ?? '') ? 'exit 130, "cancelled"' : `exit ${sigint.exitCode}, last line "${sigint.lastLine}"`;
  if (failed) Object.assign(cancel, { detail });
  else {
    const slowest = Math.max(...stops.map((s) => s.afterMs ?? Infinity));
    const said = aborts.every((a) => a.code === 'cancelled') && sigint.exitCode === 130;
    Object.assign(cancel, { status: slowest <= MAX_CANCEL_MS && said ? 'met' : 'not met', detail: `${detail}; recon ${sigintSaid}` });
  }
  return [reports, cancel];
}
