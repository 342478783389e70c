// Writes the attribution bench's exports for N touches (N/5 opportunities, about 2N/5 contact roles, N/4 contacts) and their contract.
import fs from 'node:fs';
import path from 'node:path';
import { createChunkWriter, type ChunkWriter } from './createChunkWriter';
import { createRandom } from './createRandom';
import { formatSalesforceId } from './formatSalesforceId';
import { ATTRIBUTION_BENCH_NAMES, writeAttributionBenchContract } from './writeAttributionBenchContract';

/** Bump when the generated data changes, so files of an older generator are never reused. */
const GENERATOR_VERSION = 1;

export interface AttributionBenchDataset {
  touches: number;
  seed: number;
  dir: string;
  contractPath: string;
  files: Record<keyof typeof ATTRIBUTION_BENCH_NAMES.files, string>;
  rows: AttributionBenchRows;
  reused: boolean;
  generateMs: number;
}

export interface AttributionBenchRows {
  contacts: number;
  opportunities: number;
  contactRoles: number;
  touches: number;
}

/** Channel, weight (so that credits differ), campaigns. Sales Outreach and Partner are not marketing channels. */
const CHANNELS: [string, number, string[]][] = [
  ['Paid Search', 22, ['Brand Keywords', 'Competitor Keywords', 'Generic Keywords']],
  ['Email', 18, ['Monthly Newsletter', 'Nurture Track', 'Product Launch']],
  ['Webinar', 14, ['Q2 Webinar Series', 'Q3 Webinar Series']],
  ['Paid Social', 12, ['LinkedIn Lead Gen', 'LinkedIn Retargeting']],
  ['Content', 10, ['ROI Calculator', 'State of RevOps Report']],
  ['Events', 8, ['Regional Roadshow', 'SaaStr Annual']],
  ['Sales Outreach', 11, ['SDR Sequence']],
  ['Partner', 5, ['Partner Co-Marketing']],
];
const CHANNEL_WEIGHTS = CHANNELS.reduce((sum, [, w]) => sum + w, 0);
const LIFECYCLE = ['Marketing Qualified Lead', 'Sales Qualified Lead', 'Opportunity', 'Customer'];
const LEAD_SOURCES = ['Web', 'Webinar', 'Paid Search', 'Partner', 'Outbound', 'Trade Show', ''];
const UNMAPPED_ANSWERS = ['Podcast', 'Twitter', 'Other', 'Trade Press'];
const MAPPED_ANSWERS = Object.keys(ATTRIBUTION_BENCH_NAMES.answers);

/** Every instant here is a minute counted from 2025-07-01 00:00 UTC. */
const BASE_MS = Date.UTC(2025, 6, 1);
const DAY = 1440;
const minuteOf = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - BASE_MS) / 60_000;
const TOUCHES_FROM = minuteOf('2025-09-01');
const TOUCHES_TO = minuteOf('2026-12-01') - 1;
/** Q3 in UTC minutes; its first four hours are still June 30 in New York: out of the period. */
const Q3_FROM = minuteOf('2026-07-01');
const Q3_TO = minuteOf('2026-10-01') - 1;
const OPPS_FROM = minuteOf('2026-04-01');
const OPPS_TO = minuteOf('2026-12-01') - 1;
const MQL_FROM = minuteOf('2025-10-01');
const MQL_TO = minuteOf('2026-12-01') - 1;
const LOOKBACK = ATTRIBUTION_BENCH_NAMES.lookbackDays * DAY;

export async function generateAttributionBenchExports(benchDir: string, touches: number, seed: number): Promise<AttributionBenchDataset> {
  const dir = path.join(benchDir, 'data', `attribution-n${touches}-s${seed}-g${GENERATOR_VERSION}`);
  const files = Object.fromEntries(Object.entries(ATTRIBUTION_BENCH_NAMES.files).map(([k, f]) => [k, path.join(dir, f)])) as AttributionBenchDataset['files'];
  const dataset = { touches, seed, dir, contractPath: path.join(dir, 'contract.yaml'), files };
  // Written last: its presence says every file is complete.
  const rowsPath = path.join(dir, 'rows.json');
  if (fs.existsSync(rowsPath)) return { ...dataset, rows: JSON.parse(fs.readFileSync(rowsPath, 'utf8')) as AttributionBenchRows, reused: true, generateMs: 0 };
  const started = performance.now();
  fs.mkdirSync(dir, { recursive: true });
  // Written under temporary names and renamed at the end, so an interrupted run is never reused.
  const rows = await writeRows(files, touches, seed);
  for (const file of Object.values(files)) fs.renameSync(`${file}.partial`, file);
  writeAttributionBenchContract(dataset.contractPath, { touches, seed });
  fs.writeFileSync(rowsPath, JSON.stringify(rows));
  return { ...dataset, rows, reused: false, generateMs: performance.now() - started };
}

interface Kit {
  random: () => number;
  between: (from: number, to: number) => number;
  pick: <T>(list: readonly T[]) => T;
  writeEmail: (person: number) => string;
  people: number;
  seed: number;
}

function createKit(seed: number, people: number): Kit {
  const random = createRandom(seed);
  const between = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const writeEmail = (person: number) => {
    const plain = `p${person}@co${person % 9973}.com`;
    const r = random();
    if (r < 0.9) return plain;
    if (r < 0.94) return plain.toUpperCase();
    if (r < 0.97) return ` ${plain} `;
    return `p${person}+${pick(['webinar', 'ebook', 'demo'])}@co${person % 9973}.com`;
  };
  return { random, between, pick, writeEmail, people, seed };
}

async function writeRows(files: AttributionBenchDataset['files'], touches: number, seed: number): Promise<AttributionBenchRows> {
  const people = Math.max(1, Math.floor(touches / 4));
  const kit = createKit(seed, people);
  const contacts = await writeContacts(files.contacts, kit);
  const opportunities = Math.max(1, Math.floor(touches / 5));
  // Per opportunity its first contact (-1: none) and its created minute (-1: no time of day), for the touches planted at the lookback's edges.
  const leads = new Int32Array(opportunities).fill(-1);
  const created = new Int32Array(opportunities).fill(-1);
  const opps = createChunkWriter(`${files.opportunities}.partial`);
  const roles = createChunkWriter(`${files.contactRoles}.partial`);
  opps.add('Opportunity ID,Type,Lead Source,How Did You Hear,Amount,Created Date');
  roles.add('Opportunity ID,Email,Primary');
  let contactRoles = 0;
  for (let i = 0; i < opportunities; i++) {
    const id = formatSalesforceId('0068d00000', i, seed, 18);
    if (kit.random() < 0.9) leads[i] = kit.between(0, people - 1);
    const at = kit.random() < 0.8 ? kit.between(Q3_FROM, Q3_TO) : kit.random() < 0.5 ? kit.between(OPPS_FROM, Q3_FROM - 1) : kit.between(Q3_TO + 1, OPPS_TO);
    const form = kit.random();
    // A date alone stands for the end of its day in New York; an empty date is out of the period.
    const createdText = form < 0.005 ? '' : form < 0.015 ? formatDay(Math.floor(at / DAY)) : formatMinute(at);
    if (form >= 0.015) created[i] = at;
    const amount = kit.random() < 0.01 ? '' : `${kit.between(1000, 100_000)}.${String(kit.between(0, 99)).padStart(2, '0')}`;
    const type = kit.random() < 0.08 ? 'Existing Business' : 'New Business';
    opps.add(`${id},${type},${kit.pick(LEAD_SOURCES)},${writeAnswer(kit)},${amount},${createdText}`);
    contactRoles += writeRoles(roles, id, leads[i] ?? -1, kit);
    if (opps.isFull() || roles.isFull()) await Promise.all([opps.flush(), roles.flush()]);
  }
  await Promise.all([opps.close(), roles.close()]);
  await writeTouches(files.touches, touches, kit, { leads, created });
  return { contacts, opportunities, contactRoles, touches };
}

/** One row per person, some people twice (a second form: dedupe keeps the earliest MQL); MQL dates with a time, a few as a date alone or empty. */
async function writeContacts(file: string, kit: Kit): Promise<number> {
  const out = createChunkWriter(`${file}.partial`);
  out.add('Record ID,Email,Lifecycle Stage,MQL Date');
  for (let i = 0; i < kit.people; i++) {
    const person = i > 1000 && kit.random() < 0.03 ? kit.between(0, i - 1) : i;
    const r = kit.random();
    const email = r < 0.02 ? `test${i}@example.com` : kit.writeEmail(person);
    const stage = r > 0.98 ? 'Lead' : kit.pick(LIFECYCLE);
    const form = kit.random();
    const mql = kit.between(MQL_FROM, MQL_TO);
    const date = form < 0.08 ? '' : form < 0.13 ? formatDay(Math.floor(mql / DAY)) : formatMinute(mql);
    out.add(`${200_000 + i},${email},${stage},${date}`);
    if (out.isFull()) await out.flush();
  }
  await out.close();
  return kit.people;
}

/** The opportunity's "How did you hear about us?": empty for a quarter, mostly a mapped answer in any case and spacing, else free text. */
function writeAnswer(kit: Kit): string {
  const r = kit.random();
  if (r < 0.25) return r < 0.05 ? '  ' : '';
  if (r > 0.85) return kit.pick(UNMAPPED_ANSWERS);
  const answer = kit.pick(MAPPED_ANSWERS);
  const form = kit.random();
  return form < 0.7 ? answer : form < 0.8 ? answer.toLowerCase() : form < 0.9 ? answer.toUpperCase() : ` ${answer} `;
}

/**
 * Writes the contact roles of one deal and says how many: zero to four people on it, its first contact first; a few are people no export knows.
 * The opportunity id is written in its 18- or 15-character form, some padded.
 */
function writeRoles(out: ChunkWriter, id: string, lead: number, kit: Kit): number {
  const r = kit.random();
  const count = r < 0.05 ? 0 : r < 0.3 ? 1 : r < 0.65 ? 2 : r < 0.9 ? 3 : 4;
  for (let k = 0; k < count; k++) {
    const form = kit.random();
    const shownId = form < 0.7 ? id : form < 0.95 ? id.slice(0, 15) : ` ${id} `;
    const person = k === 0 && lead >= 0 ? lead : kit.between(0, kit.people - 1);
    const email = kit.random() < 0.05 ? `someone${kit.between(0, 1_000_000)}@nowhere.net` : kit.writeEmail(person);
    out.add(`${shownId},${email},${k === 0 ? 'true' : 'false'}`);
  }
  return count;
}

/**
 * Touches of random people at random instants (some a date alone, a few empty, a few with no channel); 1% repeat the previous
 * touch's person and minute (a tie ordered by row number), 3% sit at an opportunity's edges: at its instant, exactly the lookback
 * before it, or a minute outside either.
 */
async function writeTouches(file: string, touches: number, kit: Kit, opps: { leads: Int32Array; created: Int32Array }): Promise<void> {
  const out = createChunkWriter(`${file}.partial`);
  out.add('Touch ID,Email,Touched At,Channel,Campaign');
  let previous = { person: 0, at: TOUCHES_FROM };
  for (let i = 0; i < touches; i++) {
    let person = kit.between(0, kit.people - 1);
    let at = kit.between(TOUCHES_FROM, TOUCHES_TO);
    let form = kit.random();
    const r = kit.random();
    if (r < 0.01) ({ person, at } = previous);
    else if (r < 0.04) {
      const opp = kit.between(0, opps.leads.length - 1);
      const [lead, created] = [opps.leads[opp] ?? -1, opps.created[opp] ?? -1];
      if (lead >= 0 && created >= 0) {
        person = lead;
        at = created + kit.pick([0, -LOOKBACK, 1, -LOOKBACK - 1]);
        form = 1;
      }
    }
    previous = { person, at };
    const date = form < 0.01 ? '' : form < 0.09 ? formatDay(Math.floor(at / DAY)) : formatMinute(at);
    const [channel, campaigns] = pickChannel(kit);
    const c = kit.random();
    const shownChannel = c < 0.01 ? '' : c < 0.015 ? '   ' : c < 0.065 ? ` ${channel} ` : channel;
    const campaign = kit.random() < 0.12 ? '' : kit.pick(campaigns);
    out.add(`${formatSalesforceId('00v8d00000', i, kit.seed, 18)},${kit.writeEmail(person)},${date},${shownChannel},${campaign}`);
    if (out.isFull()) await out.flush();
  }
  await out.close();
}

function pickChannel(kit: Kit): [string, string[]] {
  let r = kit.random() * CHANNEL_WEIGHTS;
  for (const [channel, weight, campaigns] of CHANNELS) {
    r -= weight;
    if (r < 0) return [channel, campaigns];
  }
  const [channel, , campaigns] = CHANNELS[0] ?? ['', 0, []];
  return [channel, campaigns];
}

const DAY_TEXTS: string[] = [];
for (let d = 0; d < 700; d++) DAY_TEXTS.push(new Date(BASE_MS + d * 86_400_000).toISOString().slice(0, 10));

/** `2026-09-30` for a day number from 2025-07-01. */
function formatDay(day: number): string {
  return DAY_TEXTS[day] ?? '';
}

/** `2026-09-30 23:45` (UTC) for a minute from 2025-07-01 00:00. */
function formatMinute(minute: number): string {
  const inDay = minute % DAY;
  const h = Math.floor(inDay / 60);
  const m = inDay % 60;
  return `${formatDay(Math.floor(minute / DAY))} ${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}
