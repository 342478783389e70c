// `npx tsx test/bench/profileReconcile.ts CONTRACT.yaml [REPORT.json]`: where `recon reconcile --json` spends its time and memory, statement by statement, in one process.
import fs from 'node:fs';
import { bindInvestigation } from '../../electron/engine/bindInvestigation';
import { compileInvestigation } from '../../electron/engine/compileInvestigation';
import { loadContract } from '../../electron/engine/contract/loadContract';
import { openDatabase } from '../../electron/engine/openDatabase';
import { formatMb, formatMs } from './formatFigures';
import { sumByPhase, timeStatements, type Timing } from './timeStatements';

async function profileReconcile(contractPath: string, reportPath: string): Promise<void> {
  const timings: Timing[] = [];
  let phase = 'contract';
  // The process's RSS sampled while DuckDB works on its own threads: the peak of each phase.
  const peaks = new Map<string, number>();
  const sample = setInterval(() => peaks.set(phase, Math.max(peaks.get(phase) ?? 0, process.memoryUsage.rss() / 2 ** 20)), 100);
  const total = { cpu: process.cpuUsage(), started: performance.now() };
  const loaded = await loadContract(contractPath);
  const db = timeStatements(await openDatabase(), timings, () => phase);
  const model = await compileInvestigation(db, loaded.contract, {
    contractDir: loaded.dir,
    contractLabel: contractPath,
    onProgress: (p) => {
      phase = p.step === 'import' ? `import ${p.source ?? ''}` : p.step === 'reconcile' ? 'reconcile' : phase;
    },
  });
  phase = 'report';
  const out = fs.openSync(reportPath, 'w');
  try {
    await bindInvestigation(db, loaded.contract, model, contractPath).writeReportJson(async (text) => {
      fs.writeSync(out, text);
    });
  } finally {
    fs.closeSync(out);
  }
  clearInterval(sample);
  const all = process.cpuUsage(total.cpu);
  db.close();
  const byPhase = sumByPhase(timings);
  console.log(`in all: wall ${formatMs(performance.now() - total.started)}, CPU ${formatMs((all.user + all.system) / 1000)}, peak RSS ${formatMb(process.resourceUsage().maxRSS / 1024)}`);
  for (const [name, sum] of byPhase) console.log(`${name}: statements' wall ${formatMs(sum.wallMs)}, CPU ${formatMs(sum.cpuMs)}, peak RSS ${formatMb(peaks.get(name))}`);
  console.log('\nthe 25 statements that took the most CPU:');
  for (const t of [...timings].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 25)) console.log(`${formatMs(t.cpuMs).padStart(8)} CPU ${formatMs(t.wallMs).padStart(8)} wall  [${t.phase}] ${t.sql}`);
}

const [contractPath, reportPath = '/dev/null'] = process.argv.slice(2);
if (contractPath === undefined) {
  console.error('usage: npx tsx test/bench/profileReconcile.ts CONTRACT.yaml [REPORT.json]');
  process.exitCode = 1;
} else {
  await profileReconcile(contractPath, reportPath);
}
