// Writes a HubSpot-like deals export and a Salesforce-like opportunities report of N rows a side, plus their money contract.
import fs from 'node:fs';
import path from 'node:path';
import { createBenchDates } from './createBenchDates';
import { createChunkWriter } from './createChunkWriter';
import { createRandom } from './createRandom';
import { formatSalesforceId } from './formatSalesforceId';
import type { BenchDataset } from './generateBenchExports';
import { STAGE_MAP, writeValueBenchContract } from './writeValueBenchContract';

/** Bump when the generated data changes, so files of an older generator are never reused. */
const GENERATOR_VERSION = 1;

const LEFT_HEADER = 'Record ID,Deal Name,Pipeline,Deal Stage,Amount,Currency,Create Date,Close Date,Salesforce Opportunity ID,Deal Owner';
const RIGHT_HEADER = 'Opportunity ID,Opportunity Name,Type,Stage,Amount Currency,Amount,Created Date,Close Date,Lead Source,Opportunity Owner';
// Some names carry commas so the CSV has quoted fields, as real exports do.
const COMPANIES = ['Globex', 'Initech, Inc.', 'Umbrella Corp', 'Hooli, LLC', 'Wayne Enterprises', 'Stark Industries', 'Acme Widgets, Ltd', 'Soylent'];
const PRODUCTS = ['Platform', 'Analytics add-on', 'Enterprise licence', 'Services', 'Expansion'];
const OWNERS = ['Dana Reyes', 'Sam Ortiz', 'Lee Park', 'Alex Moore'];
const LEAD_SOURCES = ['Web', 'Webinar', 'Trade Show', 'Partner', 'Outbound'];
const TYPES = ['New Business', 'New Business', 'Existing Business - Upgrade'];
const STAGE_IDS = Object.keys(STAGE_MAP);
/** The EUR rate of the contract, in hundredths: converted cents are computed in integers here, independently of the engine. */
const EUR_RATE_HUNDREDTHS = 108;

/** Cumulative shares of what happens to one deal: matched ones agreeing or not, then every other bucket. */
const CASES = [
  ['agree', 0.5],
  ['value', 0.56],
  ['stage', 0.6],
  ['close', 0.64],
  ['several', 0.66],
  ['timing', 0.71],
  ['timing_zone_edge', 0.72],
  ['excluded_left', 0.75],
  ['excluded_right', 0.78],
  ['duplicate', 0.82],
  ['missing_date', 0.84],
  ['missing_key', 0.86],
  ['case_variant', 0.87],
  ['unmatched', 1],
] as const;
type Case = (typeof CASES)[number][0];

export async function generateValueBenchExports(benchDir: string, rows: number, seed: number): Promise<BenchDataset> {
  const dir = path.join(benchDir, 'data', `value-n${rows}-s${seed}-g${GENERATOR_VERSION}`);
  const dataset = { rows, seed, dir, contractPath: path.join(dir, 'contract.yaml'), leftPath: path.join(dir, 'hubspot_deals.csv'), rightPath: path.join(dir, 'salesforce_opportunities.csv') };
  if ([dataset.contractPath, dataset.leftPath, dataset.rightPath].every((f) => fs.existsSync(f))) return { ...dataset, reused: true, generateMs: 0 };
  const started = performance.now();
  fs.mkdirSync(dir, { recursive: true });
  // Written under temporary names and renamed at the end, so an interrupted run is never reused.
  await writeRows(`${dataset.leftPath}.partial`, `${dataset.rightPath}.partial`, rows, seed);
  fs.renameSync(`${dataset.leftPath}.partial`, dataset.leftPath);
  fs.renameSync(`${dataset.rightPath}.partial`, dataset.rightPath);
  writeValueBenchContract(dataset.contractPath, { rows, seed, leftFile: path.basename(dataset.leftPath), rightFile: path.basename(dataset.rightPath) });
  return { ...dataset, reused: false, generateMs: performance.now() - started };
}

async function writeRows(leftPath: string, rightPath: string, rows: number, seed: number): Promise<void> {
  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const dates = createBenchDates(random);
  const closeDates = createCloseDates(random);
  const amounts = createAmountWriter(random);
  // Recent matched opportunity ids, so a second deal on the same opportunity lands near the first.
  const recent: string[] = [];
  const leftOut = createChunkWriter(leftPath);
  const rightOut = createChunkWriter(rightPath);
  leftOut.add(LEFT_HEADER);
  rightOut.add(RIGHT_HEADER);
  for (let i = 0; i < rows; i++) {
    const kind = pickCase(random());
    const flip = random() < 0.5;
    const opportunityId = formatSalesforceId('0068d00000', i, seed, 18);
    // HubSpot's Salesforce sync writes either form; a few have stray spaces around them.
    const form = random();
    let leftKey = form < 0.5 ? opportunityId : form < 0.93 ? opportunityId.slice(0, 15) : ` ${opportunityId.slice(0, 15)} `;
    const currency = random() < 0.15 ? 'EUR' : 'USD';
    const cents = drawCents(random);
    let leftAmount = amounts.left(cents, currency);
    let rightAmount = amounts.right(cents, currency);
    const stageId = pick(STAGE_IDS);
    const leftStage = writeLeftStage(stageId, random);
    let rightStage = STAGE_MAP[stageId] ?? '';
    const close = closeDates.draw();
    let leftClose = close.iso;
    let rightClose = close.us;
    let leftCreated = dates.leftIn();
    let rightCreated = dates.rightIn();
    const company = pick(COMPANIES);
    let dealName = `${company} - ${pick(PRODUCTS)}`;
    let opportunityName = dealName;
    let pipeline = random() < 0.8 ? 'Sales Pipeline' : 'New Business';
    let type = pick(TYPES);
    if (kind === 'agree') {
      if (recent.length < 4096) recent.push(opportunityId);
      else recent[i % 4096] = opportunityId;
    } else if (kind === 'value' || kind === 'several') {
      const r = random();
      if (r < 0.1) rightAmount = ['', 'USD'];
      else if (r < 0.2) leftAmount = ['', ''];
      else if (r < 0.3) rightAmount = amounts.right(cents + 2, currency);
      else rightAmount = amounts.right(Math.round(cents * (random() < 0.7 ? 0.6 + random() * 0.38 : 1.02 + random() * 0.3)), currency);
      if (kind === 'several') {
        const shifted = closeDates.shift(close, flip ? 7 : -14);
        rightClose = shifted.us;
        if (random() < 0.5) rightStage = STAGE_MAP[pick(STAGE_IDS)] ?? '';
      }
    } else if (kind === 'stage') {
      if (random() < 0.1) rightStage = '';
      else rightStage = STAGE_MAP[STAGE_IDS[(STAGE_IDS.indexOf(stageId) + 1 + Math.floor(random() * (STAGE_IDS.length - 1))) % STAGE_IDS.length] ?? ''] ?? '';
    } else if (kind === 'close') {
      if (random() < 0.1) leftClose = '';
      else rightClose = closeDates.shift(close, (1 + Math.floor(random() * 30)) * (flip ? 1 : -1)).us;
    } else if (kind === 'timing') {
      if (flip) rightCreated = dates.rightOut();
      else leftCreated = dates.leftOut();
    } else if (kind === 'timing_zone_edge') {
      if (flip) rightCreated = dates.rightAfterMidnightInReportingZone();
      else leftCreated = dates.leftBeforeMidnightInReportingZone();
    } else if (kind === 'excluded_left') {
      if (flip) dealName = `TEST ${dealName}`;
      else pipeline = 'Partner';
    } else if (kind === 'excluded_right') {
      if (flip) type = 'Renewal';
      else opportunityName = `INTERNAL ${opportunityName}`;
    } else if (kind === 'duplicate' && recent.length > 0) {
      // A second deal synced to an opportunity another deal already points at; this row's opportunity has no deal.
      leftKey = pick(recent).slice(0, 15);
    } else if (kind === 'missing_date') {
      const none = random() < 0.5 ? '' : 'TBD';
      if (flip) leftCreated = none;
      else rightCreated = none;
    } else if (kind === 'missing_key') {
      leftKey = '';
    } else if (kind === 'case_variant') {
      // 15-character ids are case sensitive: the same letters in another case are another record.
      leftKey = flipFirstLetter(opportunityId.slice(0, 15));
    } else if (kind === 'unmatched') {
      leftKey = formatSalesforceId('0068d00001', i, seed, 18);
    }
    leftOut.add(
      `${9_000_000_000 + i},${quote(dealName)},${pipeline},${leftStage},${leftAmount[0]},${leftAmount[1]},${leftCreated},${leftClose},${leftKey},${pick(OWNERS)}`,
    );
    rightOut.add(
      `${opportunityId},${quote(opportunityName)},${type},${rightStage},${rightAmount[1]},${rightAmount[0]},${rightCreated},${rightClose},${pick(LEAD_SOURCES)},${pick(OWNERS)}`,
    );
    if (leftOut.isFull() || rightOut.isFull()) await Promise.all([leftOut.flush(), rightOut.flush()]);
  }
  await Promise.all([leftOut.close(), rightOut.close()]);
}

function pickCase(r: number): Case {
  return CASES.find(([, upTo]) => r < upTo)?.[0] ?? 'unmatched';
}

/** A deal's amount in cents: mostly whole dollars, some with cents, a few negative (credits). */
function drawCents(random: () => number): number {
  const cents = (500 + Math.floor(random() * 249_500)) * 100 + (random() < 0.3 ? Math.floor(random() * 100) : 0);
  return random() < 0.003 ? -cents : cents;
}

/**
 * Amount cells as each system writes them: [amount text as it goes in the CSV, its currency column]. HubSpot mixes
 * `12500.5`, `12,500.00`, `$12,500.00` and `EUR 12,500.00` (code in the value, Currency column empty); Salesforce
 * writes `Amount Currency` + `Amount`, and some EUR deals as their USD conversion (at most a cent off: within tolerance).
 * A few amounts are empty (missing values) or text (unreadable).
 */
function createAmountWriter(random: () => number) {
  const blank = (): [string, string] | undefined => {
    const r = random();
    if (r < 0.02) return ['', ''];
    if (r < 0.025) return [random() < 0.5 ? 'TBD' : 'n/a', ''];
    return undefined;
  };
  return {
    left(cents: number, currency: string): [string, string] {
      const none = blank();
      if (none) return none;
      const r = random();
      if (r < 0.3 || cents < 0) return [r < 0.15 ? formatPlain(cents) : quote(formatGrouped(cents)), currency === 'USD' && r < 0.1 ? '' : currency];
      if (r < 0.6) return [quote(formatGrouped(cents)), currency];
      if (r < 0.8 && currency === 'USD') return [quote(`$${formatGrouped(cents)}`), random() < 0.5 ? '' : 'USD'];
      return [quote(`${currency} ${formatGrouped(cents)}`), ''];
    },
    right(cents: number, currency: string): [string, string] {
      const none = blank();
      if (none) return [none[0], 'USD'];
      const converted = currency === 'EUR' && random() < 0.3;
      const shown = converted ? convertEurCents(cents) + (random() < 0.3 ? 1 : 0) : cents;
      return [random() < 0.5 ? (shown / 100).toFixed(2) : quote(formatGrouped(shown)), converted ? 'USD' : currency];
    },
  };
}

/** EUR cents to USD cents at the contract's rate, rounded half away from zero. */
function convertEurCents(cents: number): number {
  return Math.sign(cents) * Math.floor((Math.abs(cents) * EUR_RATE_HUNDREDTHS + 50) / 100);
}

function formatPlain(cents: number): string {
  return String(cents / 100);
}

function formatGrouped(cents: number): string {
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+$)/g, ',');
  return `${cents < 0 ? '-' : ''}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** HubSpot's internal stage ids, sometimes in another case or padded, sometimes the Salesforce label itself (not in the map). */
function writeLeftStage(stageId: string, random: () => number): string {
  const r = random();
  if (r < 0.8) return stageId;
  if (r < 0.88) return stageId.charAt(0).toUpperCase() + stageId.slice(1);
  if (r < 0.95) return ` ${stageId} `;
  return (STAGE_MAP[stageId] ?? stageId).toLowerCase();
}

function flipFirstLetter(id: string): string {
  const at = id.search(/[A-Za-z]/);
  const ch = id.charAt(at);
  return `${id.slice(0, at)}${ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase()}${id.slice(at + 1)}`;
}

function quote(text: string): string {
  return text.includes(',') ? `"${text}"` : text;
}

/** Close dates from mid-July to the end of the year: HubSpot writes `2026-08-01`, Salesforce `8/1/2026`. */
function createCloseDates(random: () => number) {
  const first = Date.UTC(2026, 6, 15);
  const at = (t: number) => {
    const d = new Date(t);
    const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
    return { t, iso: `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`, us: `${m}/${day}/${y}` };
  };
  return {
    draw: () => at(first + Math.floor(random() * 170) * 86_400_000),
    shift: (date: { t: number }, days: number) => at(date.t + days * 86_400_000),
  };
}
