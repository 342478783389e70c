// Measures the workbench path in-process: open the investigation, then the first and a middle page of the largest bucket.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BucketQuery, Progress } from '../../shared/api';
import { openInvestigation } from '../../electron/engine/openInvestigation';
import type { BenchDataset } from './generateBenchExports';
import { formatMb, formatMs } from './formatFigures';
import { measurePageTimes, type PageTimes } from './measurePageTimes';
import { runTimed } from './runTimed';

export interface FirstPageFigures {
  /** openInvestigation: import and reconcile. */
  openMs: number;
  /** Split of openMs at the first progress step that names reconciling; undefined when none does. */
  importMs?: number;
  reconcileMs?: number;
  reportMs: number;
  largest: { side: 'left' | 'right'; kind: string; reason: string; count: number };
  countMs: number;
  firstPage: PageTimes;
  firstPageRows: number;
  middlePage: PageTimes;
  /** process.resourceUsage().maxRSS of the process that did all of the above. */
  peakRssMb: number;
  progressSteps: { step: string; source?: string; atMs: number }[];
}

/** When stopped at the time limit, peakRssMb is what the process had reached: a lower bound. */
export type FirstPageResult = ({ ok: true } & FirstPageFigures) | { ok: false; error: string; timedOut?: boolean; peakRssMb?: number };

const thisFile = fileURLToPath(import.meta.url);

/** In this process; the peak RSS is this process's, so run one data set per process (measureFirstPageInChild). */
export async function measureFirstPage(contractPath: string, databasePath: string): Promise<FirstPageFigures> {
  removeDatabase(databasePath);
  const progressSteps: FirstPageFigures['progressSteps'] = [];
  const started = performance.now();
  const onProgress = (p: Progress) => {
    if (progressSteps.at(-1)?.step === p.step && progressSteps.at(-1)?.source === p.source) return;
    progressSteps.push({ step: p.step, source: p.source, atMs: performance.now() - started });
    logStep(`${p.step}${p.source ? ` ${p.source}` : ''} at ${formatMs(performance.now() - started)}`);
  };
  const investigation = await openInvestigation(contractPath, { database: databasePath, onProgress });
  try {
    const openMs = performance.now() - started;
    logStep(`opened in ${formatMs(openMs)}`);
    const reconcileStart = progressSteps.find((p) => /reconcil/i.test(p.step))?.atMs;
    const reportStarted = performance.now();
    const report = await investigation.getReport();
    const reportMs = performance.now() - reportStarted;
    logStep(`getReport in ${formatMs(reportMs)}`);
    const reconciliation = report.reconciliations[0];
    if (!reconciliation || reconciliation.buckets.length === 0) throw new Error('the report has no buckets');
    const top = reconciliation.buckets.reduce((a, b) => (b.count > a.count ? b : a));
    const largest = { side: top.side, kind: top.kind, reason: top.reason, count: top.count };
    const query: BucketQuery = { reconciliation: reconciliation.name, side: top.side, kind: top.kind, reason: top.reason };
    let firstPageRows = 0;
    const firstPage = await measurePageTimes(async () => {
      firstPageRows = (await investigation.fetchRows(query, { offset: 0, limit: 100 })).rows.length;
    });
    logStep(`first page: first call ${formatMs(firstPage.coldMs)}, best ${formatMs(firstPage.bestMs)}`);
    const middlePage = await measurePageTimes(() => investigation.fetchRows(query, { offset: Math.floor(top.count / 2), limit: 100 }));
    const countStarted = performance.now();
    await investigation.countRows(query);
    const countMs = performance.now() - countStarted;
    logStep(`middle page: first call ${formatMs(middlePage.coldMs)}, best ${formatMs(middlePage.bestMs)}; countRows ${formatMs(countMs)}`);
    return {
      openMs,
      importMs: reconcileStart,
      reconcileMs: reconcileStart === undefined ? undefined : openMs - reconcileStart,
      reportMs,
      largest,
      countMs,
      firstPage,
      firstPageRows,
      middlePage,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      progressSteps,
    };
  } finally {
    investigation.close();
    removeDatabase(databasePath);
  }
}

/** On stderr, so that a run stopped at the time limit still says how far it got. */
function logStep(message: string): void {
  console.error(`[bench] ${message}`);
}

function removeDatabase(databasePath: string): void {
  for (const file of [databasePath, `${databasePath}.wal`]) fs.rmSync(file, { force: true });
}

/** A fresh process per data set, so its peak RSS is that data set's and not the largest seen so far. */
export async function measureFirstPageInChild(dataset: BenchDataset, outDir: string, cwd: string, timeoutMs: number): Promise<FirstPageResult> {
  const figuresPath = path.join(outDir, 'workbench-figures.json');
  fs.rmSync(figuresPath, { force: true });
  const run = await runTimed(process.execPath, ['--import', 'tsx', thisFile, dataset.contractPath, path.join(outDir, 'workbench.duckdb'), figuresPath], {
    cwd,
    stdoutPath: path.join(outDir, 'workbench.stdout.log'),
    stderrPath: path.join(outDir, 'workbench.stderr.log'),
    timeoutMs,
  });
  if (run.timedOut) return { ok: false, timedOut: true, error: `stopped at the time limit of ${formatMs(timeoutMs)}, peak RSS by then ${formatMb(run.peakRssMb)}; last: ${run.lastStderrLine || 'nothing'}`, peakRssMb: run.peakRssMb };
  if (run.exitCode !== 0 || !fs.existsSync(figuresPath)) return { ok: false, error: `exit ${run.exitCode}: ${run.lastStderrLine}` };
  return { ok: true, ...(JSON.parse(fs.readFileSync(figuresPath, 'utf8')) as FirstPageFigures) };
}

if (process.argv[1] === thisFile) {
  const [contractPath, databasePath, figuresPath] = process.argv.slice(2) as [string, string, string];
  try {
    fs.writeFileSync(figuresPath, JSON.stringify(await measureFirstPage(contractPath, databasePath)));
  } catch (error) {
    // The stack for the log, then the reason alone on the last line, where the parent reads it.
    console.error(error);
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
