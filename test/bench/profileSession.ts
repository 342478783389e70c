// `npx tsx test/bench/profileSession.ts CONTRACT.yaml [--memory] [--compression NAME]`: the session's build (a DuckDB file, one transaction, as openSession does) statement by statement, to set against profileReconcile's in-memory one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileInvestigation } from '../../electron/engine/compileInvestigation';
import { loadContract } from '../../electron/engine/contract/loadContract';
import { openDatabase } from '../../electron/engine/openDatabase';
import { formatMb, formatMs } from './formatFigures';
import { sumByPhase, timeStatements, type Timing } from './timeStatements';

async function profileSession(contractPath: string, inMemory: boolean, compression: string | undefined): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-profile-session-'));
  const file = path.join(folder, 'session.duckdb');
  const timings: Timing[] = [];
  let phase = 'contract';
  const loaded = await loadContract(contractPath);
  const real = await openDatabase(inMemory ? ':memory:' : file);
  try {
    // DuckDB's own names (e.g. `uncompressed`): what writing the tables compressed costs.
    if (compression !== undefined) await real.run(`SET force_compression = '${compression.replace(/[^a-z_]/gi, '')}'`);
    const db = timeStatements(real, timings, () => phase);
    const total = { cpu: process.cpuUsage(), started: performance.now() };
    await db.run('BEGIN TRANSACTION');
    await compileInvestigation(db, loaded.contract, {
      contractDir: loaded.dir,
      contractLabel: contractPath,
      // As openSession builds: in one transaction of the file.
      inTransaction: !inMemory,
      onProgress: (p) => {
        phase = p.step === 'import' ? `import ${p.source ?? ''}` : p.step === 'reconcile' ? 'reconcile' : phase;
      },
    });
    phase = 'commit';
    await db.run('COMMIT');
    const used = process.cpuUsage(total.cpu);
    console.log(`${inMemory ? 'in memory' : 'session file'}: wall ${formatMs(performance.now() - total.started)}, CPU ${formatMs((used.user + used.system) / 1000)}`);
    for (const [name, sum] of sumByPhase(timings)) console.log(`${name}: statements' wall ${formatMs(sum.wallMs)}, CPU ${formatMs(sum.cpuMs)}`);
    console.log('\nthe 15 statements that took the most CPU:');
    for (const t of [...timings].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 15)) console.log(`${formatMs(t.cpuMs).padStart(8)} CPU ${formatMs(t.wallMs).padStart(8)} wall  [${t.phase}] ${t.sql}`);
  } finally {
    real.close();
    if (!inMemory) console.log(`\nsession file: ${formatMb(fs.statSync(file).size / 2 ** 20)}`);
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
const contractPath = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--compression');
const compressionAt = args.indexOf('--compression');
if (contractPath === undefined) {
  console.error('usage: npx tsx test/bench/profileSession.ts CONTRACT.yaml [--memory] [--compression NAME]');
  process.exitCode = 1;
} else {
  await profileSession(contractPath, args.includes('--memory'), compressionAt >= 0 ? args[compressionAt + 1] : undefined);
}
