import { compileInvestigation } from './electron/engine/compileInvestigation';
import { loadContract } from './electron/engine/contract/loadContract';
import { openDatabase, type Database } from './electron/engine/openDatabase';
const loaded = await loadContract(process.argv[2]!);
const inner = await openDatabase(':memory:');
let detail = '';
const t0 = performance.now();
const at = () => ((performance.now() - t0) / 1000).toFixed(1);
const timed = <F extends (...a: any[]) => Promise<any>>(f: F): F => (async (...a: any[]) => {
  const s = performance.now();
  try { return await f(...a); } finally {
    const ms = performance.now() - s;
    if (ms > 300) console.log(`  ${at()} [${detail}] ${ms.toFixed(0)} ms: ${String(a[0]).replace(/\s+/g, ' ').slice(0, 110)}`);
  }
}) as F;
const db: Database = { ...inner, run: timed(inner.run), all: timed(inner.all) };
let lastAt = performance.now(); let maxGap = 0;
await compileInvestigation(db, loaded.contract, { contractDir: loaded.dir, contractLabel: 'x', onProgress: (p) => {
  const now = performance.now(); maxGap = Math.max(maxGap, now - lastAt); lastAt = now;
  console.log(at(), JSON.stringify(p));
  detail = p.detail ?? p.step;
} });
console.log('total', at(), 'max gap', maxGap.toFixed(0));
