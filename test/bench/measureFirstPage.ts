// Measures the workbench path in-process: open the investigation's session, the first and a middle page of the largest bucket, then reopen it and apply a one-rule edit.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BucketQuery, Progress } from '../../shared/api';
import { loadContract } from '../../electron/engine/contract/loadContract';
import { parseContract } from '../../electron/engine/contract/parseContract';
import { openSession } from '../../electron/engine/session/openSession';
import type { BenchDataset } from './generateBenchExports';
import { formatMb, formatMs } from './formatFigures';
import { measurePageTimes, type PageTimes } from './measurePageTimes';
import { runTimed } from './runTimed';

export interface FirstPageFigures {
  /** openSession into a new session file (as the app opens a new investigation): import and reconcile, committed. */
  openMs: number;
  /** CPU time of this process during openMs (the machine is shared: steadier than wall time). */
  openCpuMs?: number;
  /** The session closed and opened again, contract and files unchanged, then getReport without ids (what the screens draw). */
  reopen?: { openMs: number; reportMs: number };
  /** One exclude rule of the left metric edited and the session rebuilt: how long, and what it computed again. */
  edit?: { ms: number; cpuMs?: number; metrics: string[]; reconciliations: string[]; imported: string[] };
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
export async function measureFirstPage(contractPath: string, home: string): Promise<FirstPageFigures> {
  fs.rmSync(home, { recursive: true, force: true });
  const loaded = await loadContract(contractPath);
  const progressSteps: FirstPageFigures['progressSteps'] = [];
  const started = performance.now();
  const onProgress = (p: Progress) => {
    if (progressSteps.at(-1)?.step === p.step && progressSteps.at(-1)?.source === p.source) return;
    progressSteps.push({ step: p.step, source: p.source, atMs: performance.now() - started });
    logStep(`${p.step}${p.source ? ` ${p.source}` : ''} at ${formatMs(performance.now() - started)}`);
  };
  const cpu = process.cpuUsage();
  const session = await openSession(home, loaded.path, loaded.contract, loaded.text, { onProgress });
  const { investigation } = session;
  let closed = false;
  try {
    const openMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    logStep(`opened in ${formatMs(openMs)}, CPU ${formatMs((used.user + used.system) / 1000)}`);
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
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    session.close();
    closed = true;
    const { reopen, edit } = await measureReopenAndEdit(home, loaded);
    return {
      openMs,
      openCpuMs: (used.user + used.system) / 1000,
      reopen,
      edit,
      importMs: reconcileStart,
      reconcileMs: reconcileStart === undefined ? undefined : openMs - reconcileStart,
      reportMs,
      largest,
      countMs,
      firstPage,
      firstPageRows,
      middlePage,
      peakRssMb,
      progressSteps,
    };
  } finally {
    if (!closed) session.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

/** The bench contract's first exclude rule (the left metric's), widened by one more domain. */
const EDITED_RULE = { from: `internal: "lower(trim(email)) LIKE '%@acmecorp.com'"`, to: `internal: "lower(trim(email)) LIKE '%@acmecorp.com' OR lower(trim(email)) LIKE '%@acme.test'"` };

/** Reopens the closed session (nothing may be imported again), then applies a one-rule edit to it. */
async function measureReopenAndEdit(home: string, loaded: Awaited<ReturnType<typeof loadContract>>): Promise<Pick<FirstPageFigures, 'reopen' | 'edit'>> {
  const started = performance.now();
  const session = await openSession(home, loaded.path, loaded.contract, loaded.text, {});
  try {
    const openMs = performance.now() - started;
    if (session.info.build) throw new Error(`reopening the unchanged session built it again: ${JSON.stringify(session.info.build)}`);
    const reportStarted = performance.now();
    await session.investigation.getReport({ ids: false });
    const reopen = { openMs, reportMs: performance.now() - reportStarted };
    logStep(`reopened in ${formatMs(reopen.openMs)}, getReport without ids ${formatMs(reopen.reportMs)}`);
    if (!loaded.text.includes(EDITED_RULE.from)) return { reopen };
    const text = loaded.text.replace(EDITED_RULE.from, EDITED_RULE.to);
    // The rebuilt session is the same database: closing `session` below closes it.
    const cpu = process.cpuUsage();
    const rebuilt = await session.rebuild(parseContract(text, loaded.path), text, {});
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    const build = rebuilt.info.build;
    if (!build) throw new Error('the edit built nothing');
    logStep(`one rule edited: ${formatMs(build.ms)}, CPU ${formatMs(cpuMs)}, recomputed ${[...build.metrics, ...build.reconciliations].join(', ')}`);
    return { reopen, edit: { ms: build.ms, cpuMs, metrics: build.metrics, reconciliations: build.reconciliations, imported: build.imported } };
  } finally {
    session.close();
  }
}

/** On stderr, so that a run stopped at the time limit still says how far it got. */
function logStep(message: string): void {
  console.error(`[bench] ${message}`);
}

/** A fresh process per data set, so its peak RSS is that data set's and not the largest seen so far. */
export async function measureFirstPageInChild(dataset: BenchDataset, outDir: string, cwd: string, timeoutMs: number): Promise<FirstPageResult> {
  const figuresPath = path.join(outDir, 'workbench-figures.json');
  fs.rmSync(figuresPath, { force: true });
  const run = await runTimed(process.execPath, ['--import', 'tsx', thisFile, dataset.contractPath, path.join(outDir, 'workbench-home'), figuresPath], {
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
  const [contractPath, home, figuresPath] = process.argv.slice(2) as [string, string, string];
  try {
    fs.writeFileSync(figuresPath, JSON.stringify(await measureFirstPage(contractPath, home)));
  } catch (error) {
    // The stack for the log, then the reason alone on the last line, where the parent reads it.
    console.error(error);
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
