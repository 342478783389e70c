// Runs one command under /usr/bin/time: its wall time and peak RSS, stdout and stderr to files, a time limit.
import fs from 'node:fs';
import { spawn } from 'node:child_process';

export interface TimedRun {
  exitCode: number | null;
  timedOut: boolean;
  /** Wall time and peak RSS as /usr/bin/time saw them; undefined when it reported nothing. */
  wallMs?: number;
  peakRssMb?: number;
  /** User + system CPU time of the command and its threads: steadier than wall time when other jobs share the cores. */
  cpuMs?: number;
  stderr: string;
  /** The last line on stderr: the reason, when the command failed. */
  lastStderrLine: string;
}

export interface TimedRunOptions {
  cwd: string;
  stdoutPath: string;
  stderrPath: string;
  timeoutMs: number;
}

export async function runTimed(command: string, args: string[], options: TimedRunOptions): Promise<TimedRun> {
  const timePath = `${options.stderrPath}.time`;
  fs.rmSync(timePath, { force: true });
  const stdout = fs.openSync(options.stdoutPath, 'w');
  const stderr = fs.openSync(options.stderrPath, 'w');
  // Own process group, so the fallback of a time-out can end exactly this command and what it started.
  const child = spawn('/usr/bin/time', ['-f', '%e %M %U %S', '-o', timePath, command, ...args], {
    cwd: options.cwd,
    stdio: ['ignore', stdout, stderr],
    detached: true,
  });
  let timedOut = false;
  let forced: NodeJS.Timeout | undefined;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid === undefined) return;
    const pid = child.pid;
    // Kill what /usr/bin/time runs, not time itself, so it still reports wall time and peak RSS so far.
    for (const grandchild of readChildPids(pid)) process.kill(grandchild, 'SIGKILL');
    forced = setTimeout(() => process.kill(-pid, 'SIGKILL'), 5000);
  }, options.timeoutMs);
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  }).finally(() => {
    clearTimeout(timer);
    clearTimeout(forced);
    fs.closeSync(stdout);
    fs.closeSync(stderr);
  });
  const measured = readTimeFile(timePath);
  const stderrText = fs.readFileSync(options.stderrPath, 'utf8');
  return { exitCode, timedOut, ...measured, stderr: stderrText, lastStderrLine: stderrText.trim().split('\n').pop() ?? '' };
}

/** GNU time writes "Command exited with non-zero status N" (or "terminated by signal") before the figures. */
function readTimeFile(timePath: string): { wallMs?: number; peakRssMb?: number; cpuMs?: number } {
  if (!fs.existsSync(timePath)) return {};
  const match = /(\d+(?:\.\d+)?) (\d+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)\s*$/.exec(fs.readFileSync(timePath, 'utf8'));
  if (!match) return {};
  return { wallMs: Number(match[1]) * 1000, peakRssMb: Number(match[2]) / 1024, cpuMs: (Number(match[3]) + Number(match[4])) * 1000 };
}

function readChildPids(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
