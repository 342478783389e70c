// Runs the `recon` CLI on a contract, as a user would, to get the numbers the screens must show.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { IdentityInspection } from '../../shared/api';
import type { MetricsReport } from '../../shared/metricsReportTypes';
import type { ReconReport } from '../../shared/reportTypes';
import { projectRoot } from './startServer';

const run = promisify(execFile);

async function runJson(args: string[]): Promise<unknown> {
  const { stdout } = await run(process.execPath, [path.join(projectRoot, 'bin/recon.mjs'), ...args], { cwd: projectRoot, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as unknown;
}

/** Reports already computed, by contract path and text: the exports never change during a run. */
const reports = new Map<string, Promise<ReconReport>>();

/** `recon reconcile CONTRACT --json`, run again only when the contract file's text changed. */
export function reconcileWithCli(contract: string): Promise<ReconReport> {
  const key = `${contract}\0${readFileSync(contract, 'utf8')}`;
  let report = reports.get(key);
  if (!report) {
    report = runJson(['reconcile', contract, '--json']) as Promise<ReconReport>;
    reports.set(key, report);
    report.catch(() => reports.delete(key));
  }
  return report;
}

/** `recon inspect CONTRACT --key KEY` */
export async function inspectWithCli(contract: string, key: string): Promise<IdentityInspection> {
  return (await runJson(['inspect', contract, '--key', key])) as IdentityInspection;
}

/** `recon metrics CONTRACT --json`: the funnels, shared metrics and SLAs the metrics screens must show. */
export async function metricsWithCli(contract: string): Promise<MetricsReport> {
  return (await runJson(['metrics', contract, '--json'])) as MetricsReport;
}
