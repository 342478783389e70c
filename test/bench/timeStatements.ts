// Wraps a Database so that each statement the engine runs on it is timed (wall and process CPU), for the profiling scripts.
import type { Database } from '../../electron/engine/openDatabase';

export interface Timing {
  phase: string;
  sql: string;
  wallMs: number;
  /** User + system CPU of the whole process (DuckDB's threads included) while the statement ran. */
  cpuMs: number;
}

/** The same database, each statement timed: the engine's own code runs unchanged on it. A stream is timed from its first to its last chunk. */
export function timeStatements(db: Database, timings: Timing[], phase: () => string): Database {
  const timed =
    <A extends [string, ...unknown[]], R>(call: (...args: A) => Promise<R>, label: (first: string) => string) =>
    async (...args: A): Promise<R> => {
      const cpu = process.cpuUsage();
      const started = performance.now();
      try {
        return await call(...args);
      } finally {
        const used = process.cpuUsage(cpu);
        timings.push({ phase: phase(), sql: label(args[0]), wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 });
      }
    };
  const shorten = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 160);
  async function* timedStream<T>(chunks: AsyncIterable<T>, label: string): AsyncIterable<T> {
    const cpu = process.cpuUsage();
    const started = performance.now();
    try {
      yield* chunks;
    } finally {
      const used = process.cpuUsage(cpu);
      timings.push({ phase: phase(), sql: label, wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 });
    }
  }
  return {
    run: timed((sql: string, params?: Parameters<Database['run']>[1]) => db.run(sql, params), shorten),
    all: timed((sql: string, params?: Parameters<Database['all']>[1]) => db.all(sql, params), shorten) as Database['all'],
    // The time between chunks is the consumer's too (the report's writes): what the whole loop took.
    stream: (sql, params) => timedStream(db.stream(sql, params), `stream: ${shorten(sql)}`),
    streamTexts: (sql, params) => timedStream(db.streamTexts(sql, params), `stream texts: ${shorten(sql)}`),
    appendRows: timed((table: string, rows: Parameters<Database['appendRows']>[1]) => db.appendRows(table, rows), (table) => `append rows to ${table}`),
    interrupt: () => db.interrupt(),
    progress: () => db.progress(),
    connect: () => db.connect(),
    close: () => db.close(),
  };
}

/** The statements' wall and CPU time added up per phase, in the order the phases first ran. */
export function sumByPhase(timings: readonly Timing[]): Map<string, { wallMs: number; cpuMs: number }> {
  const byPhase = new Map<string, { wallMs: number; cpuMs: number }>();
  for (const t of timings) {
    const sum = byPhase.get(t.phase) ?? { wallMs: 0, cpuMs: 0 };
    byPhase.set(t.phase, { wallMs: sum.wallMs + t.wallMs, cpuMs: sum.cpuMs + t.cpuMs });
  }
  return byPhase;
}
