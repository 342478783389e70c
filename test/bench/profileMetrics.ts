// `npx tsx test/bench/profileMetrics.ts CONTRACT.yaml`: where `recon metrics` spends its time, statement by statement (wall and CPU time), in one process.
import { bindInvestigation } from '../../electron/engine/bindInvestigation';
import { compileInvestigation } from '../../electron/engine/compileInvestigation';
import { loadContract } from '../../electron/engine/contract/loadContract';
import { openDatabase, type Database } from '../../electron/engine/openDatabase';
import { formatMs } from './formatFigures';

interface Timing {
  phase: string;
  sql: string;
  wallMs: number;
  /** User + system CPU of the whole process (DuckDB's threads included) while the statement ran. */
  cpuMs: number;
}

/** The same database, each statement timed: the engine's own code runs unchanged on it. */
function timeStatements(db: Database, timings: Timing[], phase: () => string): Database {
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
  return {
    run: timed((sql: string, params?: Parameters<Database['run']>[1]) => db.run(sql, params), shorten),
    all: timed((sql: string, params?: Parameters<Database['all']>[1]) => db.all(sql, params), shorten) as Database['all'],
    // Streams are the audit pack's, which this profile does not run: passed through untimed.
    stream: (sql, params) => db.stream(sql, params),
    appendRows: timed((table: string, rows: Parameters<Database['appendRows']>[1]) => db.appendRows(table, rows), (table) => `append rows to ${table}`),
    interrupt: () => db.interrupt(),
    progress: () => db.progress(),
    close: () => db.close(),
  };
}

async function profileMetrics(contractPath: string): Promise<void> {
  const timings: Timing[] = [];
  let phase = 'compile';
  const loaded = await loadContract(contractPath);
  const db = timeStatements(await openDatabase(), timings, () => phase);
  const total = { cpu: process.cpuUsage(), started: performance.now() };
  const model = await compileInvestigation(db, loaded.contract, { contractDir: loaded.dir, contractLabel: contractPath });
  phase = 'metrics report';
  const investigation = bindInvestigation(db, loaded.contract, model, contractPath);
  const report = await investigation.getMetricsReport();
  phase = 'JSON';
  const cpu = process.cpuUsage();
  const started = performance.now();
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const used = process.cpuUsage(cpu);
  timings.push({ phase, sql: `JSON.stringify of the report (${(json.length / 2 ** 20).toFixed(0)} MB)`, wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 });
  const all = process.cpuUsage(total.cpu);
  db.close();
  const byPhase = new Map<string, { wallMs: number; cpuMs: number }>();
  for (const t of timings) {
    const sum = byPhase.get(t.phase) ?? { wallMs: 0, cpuMs: 0 };
    byPhase.set(t.phase, { wallMs: sum.wallMs + t.wallMs, cpuMs: sum.cpuMs + t.cpuMs });
  }
  console.log(`in all: wall ${formatMs(performance.now() - total.started)}, CPU ${formatMs((all.user + all.system) / 1000)}`);
  for (const [name, sum] of byPhase) console.log(`${name}: statements' wall ${formatMs(sum.wallMs)}, CPU ${formatMs(sum.cpuMs)}`);
  console.log('\nthe 25 statements that took the most CPU:');
  for (const t of [...timings].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 25)) console.log(`${formatMs(t.cpuMs).padStart(8)} CPU ${formatMs(t.wallMs).padStart(8)} wall  [${t.phase}] ${t.sql}`);
}

const [contractPath] = process.argv.slice(2);
if (contractPath === undefined) {
  console.error('usage: npx tsx test/bench/profileMetrics.ts CONTRACT.yaml');
  process.exitCode = 1;
} else {
  await profileMetrics(contractPath);
}
