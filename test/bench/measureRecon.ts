// Measures the whole `recon reconcile --json` (or `recon metrics --json`) CLI on one data set: wall time, peak RSS and the phases it logs.
import path from 'node:path';
import { formatMb, formatMs } from './formatFigures';
import { runTimed } from './runTimed';

export interface ReconResult {
  ok: boolean;
  error?: string;
  /** When stopped at the time limit, wallMs and peakRssMb are what it had reached: lower bounds. */
  timedOut?: boolean;
  wallMs?: number;
  peakRssMb?: number;
  cpuMs?: number;
  /** Sum over sources of `[recon] imported <source>: N rows in T ms`; undefined when the CLI does not log it. */
  importMs?: number;
  /** From `[recon] reconciled in T ms`. */
  reconcileMs?: number;
  reportPath: string;
}

export async function measureRecon(dataset: { contractPath: string }, outDir: string, cwd: string, timeoutMs: number, command: 'reconcile' | 'metrics' = 'reconcile'): Promise<ReconResult> {
  const reportPath = path.join(outDir, command === 'reconcile' ? 'recon-report.json' : 'recon-metrics.json');
  const run = await runTimed(process.execPath, [path.join(cwd, 'bin/recon.mjs'), command, dataset.contractPath, '--json'], {
    cwd,
    stdoutPath: reportPath,
    stderrPath: path.join(outDir, command === 'reconcile' ? 'recon.stderr.log' : 'recon-metrics.stderr.log'),
    timeoutMs,
  });
  const phases = parsePhaseTimes(run.stderr);
  if (run.timedOut) return { ok: false, timedOut: true, error: `stopped at the time limit of ${formatMs(timeoutMs)}, peak RSS by then ${formatMb(run.peakRssMb)}`, wallMs: run.wallMs, peakRssMb: run.peakRssMb, ...phases, reportPath };
  if (run.exitCode !== 0) return { ok: false, error: `exit ${run.exitCode}: ${run.lastStderrLine}`, ...phases, reportPath };
  return { ok: true, wallMs: run.wallMs, peakRssMb: run.peakRssMb, cpuMs: run.cpuMs, ...phases, reportPath };
}

/** Tolerant of wording, thousands separators and units (ms or s), since the CLI's log lines are not a contract. */
function parsePhaseTimes(stderr: string): { importMs?: number; reconcileMs?: number } {
  const duration = String.raw`([\d.,]+)\s*(ms|s)\b`;
  const imports = [...stderr.matchAll(new RegExp(String.raw`\[recon\][^\n]*?\bimported\b[^\n]*?\bin\s+${duration}`, 'gi'))];
  const reconciled = new RegExp(String.raw`\[recon\][^\n]*?\breconciled\b[^\n]*?\bin\s+${duration}`, 'i').exec(stderr);
  return {
    importMs: imports.length > 0 ? imports.reduce((sum, m) => sum + toMs(m[1], m[2]), 0) : undefined,
    reconcileMs: reconciled ? toMs(reconciled[1], reconciled[2]) : undefined,
  };
}

function toMs(value: string | undefined, unit: string | undefined): number {
  const n = Number((value ?? '').replaceAll(',', ''));
  return unit?.toLowerCase() === 's' ? n * 1000 : n;
}
