// `npx tsx test/bench/profileMetrics.ts CONTRACT.yaml`: where `recon metrics` spends its time, statement by statement (wall and CPU time), in one process.
import { bindInvestigation } from '../../electron/engine/bindInvestigation';
import { compileInvestigation } from '../../electron/engine/compileInvestigation';
import { loadContract } from '../../electron/engine/contract/loadContract';
import { openDatabase } from '../../electron/engine/openDatabase';
import { formatMs } from './formatFigures';
import { sumByPhase, timeStatements, type Timing } from './timeStatements';

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
  const byPhase = sumByPhase(timings);
  console.log(`in all: wall ${formatMs(performance.now() - total.started)}, CPU ${formatMs((all.user + all.system) / 1000)}`);
  for (const [name, sum] of byPhase) console.log(`${name}: statements' wall ${formatMs(sum.wallMs)}, CPU ${formatMs(sum.cpuMs)}`);
  console.log('\nthe 25 statements that took the most CPU:');
  for (const t of [...timings].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, Number(process.env.TOP ?? 25))) console.log(`${formatMs(t.cpuMs).padStart(8)} CPU ${formatMs(t.wallMs).padStart(8)} wall  [${t.phase}] ${t.sql}`);
}

const [contractPath] = process.argv.slice(2);
if (contractPath === undefined) {
  console.error('usage: npx tsx test/bench/profileMetrics.ts CONTRACT.yaml');
  process.exitCode = 1;
} else {
  await profileMetrics(contractPath);
}
