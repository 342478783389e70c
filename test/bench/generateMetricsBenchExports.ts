// Writes the metrics bench's exports for N people (N/5 opportunities, about 2N/5 contact roles, N tasks, monthly spend) and their revenue contract.
import fs from 'node:fs';
import path from 'node:path';
import { createChunkWriter, type ChunkWriter } from './createChunkWriter';
import { createRandom } from './createRandom';
import { formatSalesforceId } from './formatSalesforceId';
import { METRICS_BENCH_NAMES, writeMetricsBenchContract } from './writeMetricsBenchContract';

/** Bump when the generated data changes, so files of an older generator are never reused. */
// 2: MQLs, tasks and opportunities run past the autumn clock change.
const GENERATOR_VERSION = 2;

export interface MetricsBenchDataset {
  people: number;
  seed: number;
  dir: string;
  contractPath: string;
  files: Record<keyof typeof METRICS_BENCH_NAMES.files, string>;
  rows: MetricsBenchRows;
  reused: boolean;
  generateMs: number;
}

export interface MetricsBenchRows {
  opportunities: number;
  contactRoles: number;
  tasks: number;
}

const LIFECYCLE = ['Marketing Qualified Lead', 'Sales Qualified Lead', 'Opportunity', 'Customer'];
const LEAD_SOURCES = ['Web', 'Webinar', 'Paid Search', 'Partner', 'Outbound', 'Trade Show', ''];
const OPEN_STAGES = ['Prospecting', 'Qualification', 'Needs Analysis', 'Negotiation/Review'];
const TASK_TYPES = ['Call', 'Call', 'Call', 'Email', 'Email', 'Meeting', 'Other'];
const CHANNELS = ['Paid Search', 'Paid Social', 'Email', 'Webinar', 'Events'];
/** Minutes in a day: every instant here is a minute counted from 2026-01-01 00:00 UTC. */
const DAY = 1440;
const APR_1 = 90 * DAY;
/**
 * MQLs and tasks run past 2026-11-01, whose 01:00-01:59 happens twice in New York: an SLA's minutes are real
 * elapsed time across it (the floor reads every instant in UTC).
 */
const LAST_MQL = 310 * DAY;
const LAST_CREATED = 314 * DAY;

export async function generateMetricsBenchExports(benchDir: string, people: number, seed: number): Promise<MetricsBenchDataset> {
  const dir = path.join(benchDir, 'data', `metrics-n${people}-s${seed}-g${GENERATOR_VERSION}`);
  const files = Object.fromEntries(Object.entries(METRICS_BENCH_NAMES.files).map(([k, f]) => [k, path.join(dir, f)])) as MetricsBenchDataset['files'];
  const dataset = { people, seed, dir, contractPath: path.join(dir, 'contract.yaml'), files };
  // Written last: its presence says every file is complete.
  const rowsPath = path.join(dir, 'rows.json');
  if (fs.existsSync(rowsPath)) return { ...dataset, rows: JSON.parse(fs.readFileSync(rowsPath, 'utf8')) as MetricsBenchRows, reused: true, generateMs: 0 };
  const started = performance.now();
  fs.mkdirSync(dir, { recursive: true });
  // Written under temporary names and renamed at the end, so an interrupted run is never reused.
  const rows = await writeRows(files, people, seed);
  for (const file of Object.values(files)) fs.renameSync(`${file}.partial`, file);
  writeMetricsBenchContract(dataset.contractPath, { people, seed });
  fs.writeFileSync(rowsPath, JSON.stringify(rows));
  return { ...dataset, rows, reused: false, generateMs: performance.now() - started };
}

async function writeRows(files: MetricsBenchDataset['files'], people: number, seed: number): Promise<MetricsBenchRows> {
  const random = createRandom(seed);
  const between = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  // Each person's MQL minute (-1: none), so deals and tasks can follow it as they do in a real pipeline.
  const mqlAt = new Int32Array(people).fill(-1);
  const qualified: number[] = [];
  const writeEmail = (person: number) => {
    const plain = `p${person}@co${person % 9973}.com`;
    const r = random();
    if (r < 0.9) return plain;
    if (r < 0.94) return plain.toUpperCase();
    if (r < 0.97) return ` ${plain} `;
    return `p${person}+${pick(['webinar', 'ebook', 'demo'])}@co${person % 9973}.com`;
  };

  const out = createChunkWriter(`${files.people}.partial`);
  out.add('Record ID,Email,Lifecycle Stage,MQL Date,SQL Date');
  for (let i = 0; i < people; i++) {
    // Some rows are the same person again (a second form, another list): dedupe keeps the earliest MQL.
    const person = i > 1000 && random() < 0.03 ? between(0, i - 1) : i;
    const r = random();
    const email = r < 0.02 ? `test${i}@example.com` : writeEmail(person);
    const stage = r > 0.98 ? 'Lead' : pick(LIFECYCLE);
    let mql = random() < 0.02 ? -1 : between(APR_1, LAST_MQL);
    if (mql >= 0 && person === i) {
      mqlAt[i] = mql;
      qualified.push(i);
    } else if (mql >= 0 && (mqlAt[person] ?? -1) >= 0 && random() < 0.5) mql = Math.min(LAST_MQL, Math.max(APR_1, (mqlAt[person] ?? 0) + between(-30 * DAY, 30 * DAY)));
    let sql = -1;
    if (mql >= 0 && random() < 0.4) sql = random() < 0.05 ? mql - between(DAY, 10 * DAY) : mql + between(0, 40 * DAY);
    out.add(`${100_000 + i},${email},${stage},${formatMinute(mql)},${formatMinute(sql)}`);
    if (out.isFull()) await out.flush();
  }
  await out.close();

  const opportunities = Math.floor(people / 5);
  const opps = createChunkWriter(`${files.opportunities}.partial`);
  const roles = createChunkWriter(`${files.contactRoles}.partial`);
  opps.add('Opportunity ID,Type,Lead Source,Stage,Amount,Created Date,Close Date');
  roles.add('Opportunity ID,Email,Primary');
  let contactRoles = 0;
  for (let i = 0; i < opportunities; i++) {
    const id = formatSalesforceId('0068d00000', i, seed, 18);
    const lead = qualified.length > 0 && random() < 0.7 ? (qualified[Math.floor(random() * qualified.length)] ?? 0) : -1;
    const created = lead >= 0 ? Math.min(LAST_CREATED, (mqlAt[lead] ?? 0) + between(-5 * DAY, 60 * DAY)) : between(APR_1, LAST_CREATED);
    const s = random();
    const stage = s < 0.35 ? 'Closed Won' : s < 0.65 ? 'Closed Lost' : pick(OPEN_STAGES);
    const amount = random() < 0.01 ? '' : `${between(1000, 100_000)}.${String(between(0, 99)).padStart(2, '0')}`;
    const closeDay = random() < 0.02 ? '' : formatDay(Math.floor(created / DAY) + between(0, 150));
    const createdText = random() < 0.005 ? '' : formatMinute(created);
    opps.add(`${id},${random() < 0.08 ? 'Existing Business' : 'New Business'},${pick(LEAD_SOURCES)},${stage},${amount},${createdText},${closeDay}`);
    contactRoles += writeRoles(roles, id, lead, { random, between, writeEmail, people });
    if (opps.isFull() || roles.isFull()) await Promise.all([opps.flush(), roles.flush()]);
  }
  await Promise.all([opps.close(), roles.close()]);

  const tasks = createChunkWriter(`${files.tasks}.partial`);
  tasks.add('Activity ID,Type,Date,Email');
  for (let i = 0; i < people; i++) {
    let person: number;
    let at: number;
    if (qualified.length > 0 && random() < 0.6) {
      person = qualified[Math.floor(random() * qualified.length)] ?? 0;
      const r = random();
      const after = r < 0.5 ? between(0, DAY) : r < 0.85 ? between(DAY, 7 * DAY) : -between(0, 3 * DAY);
      at = (mqlAt[person] ?? 0) + after;
    } else {
      person = between(0, people - 1);
      at = between(APR_1, LAST_MQL);
    }
    const date = random() < 0.01 ? '' : formatMinute(at);
    tasks.add(`${formatSalesforceId('00T8d00000', i, seed, 18)},${pick(TASK_TYPES)},${date},${writeEmail(person)}`);
    if (tasks.isFull()) await tasks.flush();
  }
  await tasks.close();

  const spend = createChunkWriter(`${files.spend}.partial`);
  spend.add('Month,Channel,Amount');
  for (let month = 1; month <= 12; month++) {
    for (const channel of CHANNELS) spend.add(`2026-${String(month).padStart(2, '0')},${channel},${between(5_000, 90_000)}.${String(between(0, 99)).padStart(2, '0')}`);
  }
  await spend.close();
  return { opportunities, contactRoles, tasks: people };
}

interface RoleKit {
  random: () => number;
  between: (from: number, to: number) => number;
  writeEmail: (person: number) => string;
  people: number;
}

/**
 * Writes the contact roles of one deal and says how many: zero to four people on it, the lead person first; a few are people no export knows. The opportunity id is
 * written in its 18- or 15-character form, some padded; some deals have no primary contact.
 */
function writeRoles(out: ChunkWriter, id: string, lead: number, kit: RoleKit): number {
  const r = kit.random();
  const count = r < 0.05 ? 0 : r < 0.3 ? 1 : r < 0.65 ? 2 : r < 0.9 ? 3 : 4;
  const withPrimary = kit.random() < 0.85;
  for (let k = 0; k < count; k++) {
    const form = kit.random();
    const shownId = form < 0.7 ? id : form < 0.95 ? id.slice(0, 15) : ` ${id} `;
    const unknown = kit.random() < 0.05;
    const person = k === 0 && lead >= 0 ? lead : kit.between(0, kit.people - 1);
    const email = unknown ? `someone${kit.between(0, 1_000_000)}@nowhere.net` : kit.writeEmail(person);
    out.add(`${shownId},${email},${withPrimary && k === 0 ? 'true' : 'false'}`);
  }
  return count;
}

const DAY_TEXTS: string[] = [];
for (let d = 0; d < 600; d++) DAY_TEXTS.push(new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10));

/** `2026-09-30` for a day number from 2026-01-01. */
function formatDay(day: number): string {
  return DAY_TEXTS[day] ?? '';
}

/** `2026-09-30 23:45` (UTC) for a minute from 2026-01-01 00:00; empty for -1. */
function formatMinute(minute: number): string {
  if (minute < 0) return '';
  const inDay = minute % DAY;
  const h = Math.floor(inDay / 60);
  const m = inDay % 60;
  return `${formatDay(Math.floor(minute / DAY))} ${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}
