// Compares the engine's `recon metrics --json` report with the floor's: every figure and every id list, in order (time-decay credits within a cent).
import fs from 'node:fs';

/** Wording is the engine's own (the floor does not copy it); everything else must be equal. */
const SKIPPED_KEYS = new Set(['depends_on', 'title']);
const MAX_LINES = 50;
const TIME_DECAY_CREDIT = /\.models\.time_decay\[\d+\]\.credit$/;

/** One line per difference (empty when they agree), each naming where in the report it is. */
export function compareMetricsReports(floorPath: string, enginePath: string): string[] {
  const floor = JSON.parse(fs.readFileSync(floorPath, 'utf8')) as unknown;
  const engine = JSON.parse(fs.readFileSync(enginePath, 'utf8')) as unknown;
  const differences: string[] = [];
  compareValues(floor, engine, 'report', differences);
  return differences;
}

function compareValues(floor: unknown, engine: unknown, at: string, out: string[]): void {
  if (out.length >= MAX_LINES) return;
  if (Array.isArray(floor) && Array.isArray(engine)) {
    compareArrays(floor, engine, at, out);
    return;
  }
  if (isObject(floor) && isObject(engine)) {
    for (const key of new Set([...Object.keys(floor), ...Object.keys(engine)])) {
      if (SKIPPED_KEYS.has(key)) continue;
      if (!(key in engine)) out.push(`${at}.${key}: missing from the engine report`);
      else if (!(key in floor)) out.push(`${at}.${key}: missing from the floor report`);
      else compareValues(floor[key], engine[key], `${at}.${key}`, out);
    }
    return;
  }
  if (floor === engine) return;
  // Time-decay credits are sums of doubles (powers of 2 from libm): within a cent is agreement (attribution readings, 7).
  if (TIME_DECAY_CREDIT.test(at) && typeof floor === 'number' && typeof engine === 'number' && Math.abs(floor - engine) <= 0.01 + 1e-9) return;
  out.push(`${at}: engine ${JSON.stringify(engine)}, floor ${JSON.stringify(floor)}`);
}

/** Id lists by length and first differing position; shared metrics by name and group; other lists position by position. */
function compareArrays(floor: unknown[], engine: unknown[], at: string, out: string[]): void {
  if (floor.every((v) => typeof v === 'string') && engine.every((v) => typeof v === 'string')) {
    const length = Math.max(floor.length, engine.length);
    for (let i = 0; i < length; i++) {
      if (floor[i] !== engine[i]) {
        out.push(`${at}: ${engine.length} ids in the engine, ${floor.length} in the floor; first difference at ${i} (engine ${String(engine[i] ?? 'none')}, floor ${String(floor[i] ?? 'none')})`);
        return;
      }
    }
    return;
  }
  if (at.endsWith('.shared_metrics')) {
    const name = (m: unknown) => (isObject(m) ? `${String(m.name)} by ${String(m.by)}` : String(m));
    const order = (list: unknown[]) => list.map(name).join(', ');
    if (order(floor) !== order(engine)) out.push(`${at}: engine has ${order(engine)}; floor has ${order(floor)}`);
    for (const f of floor) {
      const e = engine.find((m) => name(m) === name(f));
      if (e !== undefined) compareValues(f, e, `${at}[${name(f)}]`, out);
    }
    return;
  }
  if (floor.length !== engine.length) out.push(`${at}: engine ${engine.length} entries, floor ${floor.length}`);
  for (let i = 0; i < Math.min(floor.length, engine.length); i++) compareValues(floor[i], engine[i], `${at}[${i}]`, out);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
