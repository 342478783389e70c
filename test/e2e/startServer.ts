// Starts the browser shell (electron/serve.ts) as a real child process and reads the address it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const URL_LINE = /^(http:\/\/([^/:]+):(\d+)\/)#token=(\S+)$/;
const START_TIMEOUT_MS = 60_000;

export interface RunningServer {
  /** The printed address, token included. */
  url: string;
  /** `http://HOST:PORT/` */
  origin: string;
  host: string;
  port: number;
  token: string;
  child: ChildProcess;
  /** Everything the server wrote on stderr so far, for failure messages. */
  log(): string;
  /** SIGTERM, then waits for the process to end; resolves with its exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL (a crash: no clean-up runs), then waits for the process to end. */
  kill(): Promise<void>;
}

function waitForExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/**
 * Node runs serve.ts through tsx's loader in this one process (not `npx tsx`, whose CLI is a parent of the
 * real server): a SIGKILL must reach the process that holds the session's DuckDB file.
 */
export function startServer(options: {
  home: string;
  contract?: string;
  timeoutMs?: number;
  /** More environment for the server, e.g. RECON_BROWSE_ROOT for the folder browser. */
  env?: Record<string, string>;
}): Promise<RunningServer> {
  const timeoutMs = options.timeoutMs ?? START_TIMEOUT_MS;
  const args = ['--import', 'tsx', path.join(projectRoot, 'electron/serve.ts'), ...(options.contract ? [options.contract] : [])];
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    // New contracts are proposed inside the run's folder, never in the real ~/Recon Workbench.
    env: { ...process.env, RECON_HOME: options.home, RECON_WORKSPACE: path.join(options.home, 'workspace'), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server printed no address within ${timeoutMs} ms; stderr:\n${stderr}`));
    }, timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server ended (${code ?? signal}) before printing its address; stderr:\n${stderr}`));
    });
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const line = stdout.split('\n').find((l) => URL_LINE.test(l.trim()));
      const match = line ? URL_LINE.exec(line.trim()) : null;
      if (!match) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const [url, origin, host, port, token] = match as unknown as [string, string, string, string, string];
      resolve({
        url,
        origin,
        host,
        port: Number(port),
        token,
        child,
        log: () => stderr,
        async stop() {
          child.kill('SIGTERM');
          return waitForExit(child);
        },
        async kill() {
          child.kill('SIGKILL');
          await waitForExit(child);
        },
      });
    });
  });
}
