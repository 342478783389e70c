// Prints the long work's progress on stderr: finished steps on lines of their own, the step under way once a second (rewriting one line on a terminal).
import type { Progress } from '../../shared/api';
import { describeProgressDetail, describeProgressStep, formatProgressPercent } from '../../shared/describeProgress';

export interface ProgressPrinter {
  report(progress: Progress): void;
  /** Takes the line under way off a terminal, so what is printed next starts on a clean line. */
  clear(): void;
}

/** At most one line a second: the step moves without flooding a log file. */
const EVERY_MS = 1000;

export function createProgressPrinter(stream: NodeJS.WriteStream = process.stderr): ProgressPrinter {
  const terminal = stream.isTTY === true;
  let stepStarted = performance.now();
  let printedAt = performance.now();
  let pending = false; // a terminal line is on screen without its line break
  const clear = () => {
    if (pending) stream.write('\r\x1b[2K');
    pending = false;
  };
  return {
    report(progress) {
      const now = performance.now();
      if (progress.step === 'imported' || progress.step === 'reconciled') {
        clear();
        stream.write(`${describeFinished(progress)}\n`);
        printedAt = stepStarted = now;
        return;
      }
      if (progress.detail === undefined) {
        stepStarted = now;
        return;
      }
      // A step that ends within the second prints nothing but its finished line.
      if (now - stepStarted < EVERY_MS || now - printedAt < EVERY_MS) return;
      const line = `${describeUnderWay(progress)} (${Math.round((now - stepStarted) / 1000)} s)`;
      if (terminal) {
        clear();
        stream.write(line);
        pending = true;
      } else {
        stream.write(`${line}\n`);
      }
      printedAt = now;
    },
    clear,
  };
}

function describeFinished(p: Progress): string {
  return p.step === 'imported' ? `[recon] imported ${p.source}: ${p.rowsRead} rows in ${p.ms} ms` : `[recon] reconciled in ${p.ms} ms`;
}

function describeUnderWay(p: Progress): string {
  const percent = formatProgressPercent(p);
  return `[recon] ${describeProgressStep(p)}${percent ? `, ${percent}` : ''}: ${describeProgressDetail(p)}`;
}
