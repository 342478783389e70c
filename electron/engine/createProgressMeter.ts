// Turns the parts of long work and DuckDB's progress on the running statement into Progress reports, several a second.
import type { Progress, ProgressDetail } from '../../shared/api';
import type { Database } from './openDatabase';
import { UserError } from './UserError';

export type ProgressFigures = Pick<Progress, 'rowsRead' | 'bytesRead' | 'bytesTotal'>;

export interface ProgressSpan {
  /**
   * Starts a part covering [from, to] of this span. DuckDB's progress on the statement running moves the step's
   * fraction within it, never back; `figuresAt` gives the figures at a share of the part (bytes read by read_csv).
   * Throws when the work was cancelled: an interrupt that came between two statements stopped neither.
   */
  part(detail: ProgressDetail, from: number, to: number, figuresAt?: (share: number) => ProgressFigures): void;
  /** Moves the current part to `share` by a measure taken outside DuckDB (bytes copied or counted in JavaScript). */
  advance(share: number, figures?: ProgressFigures): void;
  /** A span covering [from, to] of this one. */
  within(from: number, to: number): ProgressSpan;
}

export interface ProgressMeter extends ProgressSpan {
  /** Reports `progress` and makes it the base of the reports that follow (a new step or source: its fraction from 0). */
  begin(progress: Progress): void;
  /** Figures that hold for the rest of the step (the rows read, once the file is read). */
  update(figures: ProgressFigures): void;
  /** Tells the last figures and stops polling. */
  stop(): void;
}

/** Often enough that a report a second survives a late timer; rarely enough to cost nothing next to the work. */
const POLL_MS = 200;
/** A report at least this often, even when DuckDB's estimate stands still (a hash table or a sort being finished). */
const HEARTBEAT_MS = 500;

interface Part {
  detail: ProgressDetail;
  from: number;
  to: number;
  share: number;
  figuresAt?: (share: number) => ProgressFigures;
  figures: ProgressFigures;
  /** Moved by advance(): DuckDB is not what runs. */
  measured: boolean;
}

export function createProgressMeter(db: Database, report: (progress: Progress) => void, signal?: AbortSignal): ProgressMeter {
  let base: Progress | null = null;
  let current: Part | null = null;
  let last = '';
  let lastAt = 0;
  // A part run again (an import retried on a normalized copy) must not take the bar back.
  let reached = 0;
  const emit = (force: boolean) => {
    if (!base || !current) return;
    reached = Math.max(reached, current.from + (current.to - current.from) * current.share);
    const progress: Progress = { ...base, detail: current.detail, fraction: Math.round(reached * 10_000) / 10_000, ...current.figures };
    const key = JSON.stringify(progress);
    if (!force && key === last && performance.now() - lastAt < HEARTBEAT_MS) return;
    last = key;
    lastAt = performance.now();
    report(progress);
  };
  const timer = setInterval(() => {
    if (current && !current.measured) {
      const share = db.progress();
      if (share !== null && share > current.share) {
        current.share = share;
        current.figures = current.figuresAt?.(share) ?? current.figures;
      }
    }
    emit(false);
  }, POLL_MS);
  // The meter never keeps a process alive (the CLI exits when its work is done).
  timer.unref();

  const span = (from: number, to: number): ProgressSpan => ({
    part(detail, partFrom, partTo, figuresAt) {
      if (signal?.aborted) throw new UserError('cancelled', 'cancelled');
      // What the part that ends got to (the last bytes counted) is told before the next one starts.
      emit(false);
      current = { detail, from: from + (to - from) * partFrom, to: from + (to - from) * partTo, share: 0, figuresAt, figures: figuresAt?.(0) ?? {}, measured: false };
      emit(true);
    },
    advance(share, figures) {
      if (!current) return;
      current.measured = true;
      current.share = Math.max(current.share, Math.min(share, 1));
      current.figures = figures ?? current.figuresAt?.(current.share) ?? current.figures;
    },
    within: (a, b) => span(from + (to - from) * a, from + (to - from) * b),
  });

  return {
    ...span(0, 1),
    begin(progress) {
      base = progress;
      current = null;
      last = '';
      reached = 0;
      report(progress);
    },
    update(figures) {
      if (base) base = { ...base, ...figures };
    },
    stop() {
      clearInterval(timer);
      // The last figures of a part that ended the work (the rows of a workbook appended) are told too.
      emit(false);
      base = current = null;
    },
  };
}
