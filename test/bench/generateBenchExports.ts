// Writes a HubSpot-like and a Salesforce-like export of N rows a side plus their contract, reusing a finished set.
import fs from 'node:fs';
import path from 'node:path';
import { createBenchDates } from './createBenchDates';
import { createChunkWriter } from './createChunkWriter';
import { createRandom } from './createRandom';
import { formatSalesforceId } from './formatSalesforceId';
import { writeBenchContract } from './writeBenchContract';

/** Bump when the generated data changes, so files of an older generator are never reused. */
// 2: half of the missing dates are unreadable text instead of empty.
const GENERATOR_VERSION = 2;

export interface BenchDataset {
  rows: number;
  seed: number;
  dir: string;
  contractPath: string;
  leftPath: string;
  rightPath: string;
  reused: boolean;
  generateMs: number;
}

const LEFT_HEADER = 'Record ID,First Name,Last Name,Email,Lifecycle Stage,Create Date,MQL Date,Company,Original Source,Country';
const RIGHT_HEADER = 'Lead ID,First Name,Last Name,Email,Lead Status,Create Date,Lead Source,Company,Lead Owner,State';
const FIRST = ['anna', 'ben', 'chloe', 'dev', 'emma', 'farid', 'grace', 'hugo', 'ines', 'jon', 'kate', 'liam', 'mia', 'noah', 'olga', 'priya'];
const LAST = ['smith', 'garcia', 'nguyen', 'muller', 'rossi', 'kowalski', 'tanaka', 'okafor', 'silva', 'berg', 'dubois', 'khan'];
const DOMAINS = ['gmail.com', 'yahoo.com', 'outlook.com', 'globex.com', 'initech.io', 'umbrella.co', 'hooli.com', 'wayne.co'];
// Some names carry commas so the CSV has quoted fields, as real exports do.
const COMPANIES = ['Globex', '"Initech, Inc."', 'Umbrella Corp', '"Hooli, LLC"', 'Wayne Enterprises', 'Stark Industries', '"Acme Widgets, Ltd"', 'Soylent'];
const SOURCES = ['Organic Search', 'Paid Social', 'Email Marketing', 'Direct Traffic', 'Referrals', 'Offline Sources'];
const COUNTRIES = ['United States', 'Canada', 'United Kingdom', 'Germany', 'France', 'Brazil'];
const NET_STAGES = ['Marketing Qualified Lead', 'Marketing Qualified Lead', 'Marketing Qualified Lead', 'Customer'];
const OTHER_STAGES = ['Subscriber', 'Lead', 'Other'];
const NET_STATUSES = ['Open - Not Contacted', 'Working - Contacted', 'Qualified', 'Nurture'];
const LEAD_SOURCES = ['Web', 'Webinar', 'Trade Show', 'Content Syndication', 'Inbound Call'];
const OWNERS = ['Dana Reyes', 'Sam Ortiz', 'Lee Park', 'Alex Moore'];
const STATES = ['CA', 'NY', 'TX', 'WA', 'MA', 'IL'];

/** Cumulative shares of what happens to one person: the realistic mix of a quarter's exports. */
const CASES = [
  ['matched', 0.7],
  ['timing', 0.74],
  ['timing_zone_edge', 0.75],
  ['excluded_right', 0.78],
  ['excluded_left', 0.81],
  ['duplicate', 0.85],
  ['missing_date', 0.87],
  ['missing_email', 0.89],
  ['unmatched', 1],
] as const;
type Case = (typeof CASES)[number][0];

export async function generateBenchExports(benchDir: string, rows: number, seed: number): Promise<BenchDataset> {
  const dir = path.join(benchDir, 'data', `n${rows}-s${seed}-g${GENERATOR_VERSION}`);
  const dataset = { rows, seed, dir, contractPath: path.join(dir, 'contract.yaml'), leftPath: path.join(dir, 'hubspot.csv'), rightPath: path.join(dir, 'salesforce.csv') };
  if ([dataset.contractPath, dataset.leftPath, dataset.rightPath].every((f) => fs.existsSync(f))) return { ...dataset, reused: true, generateMs: 0 };
  const started = performance.now();
  fs.mkdirSync(dir, { recursive: true });
  // Written under temporary names and renamed at the end, so an interrupted run is never reused.
  await writeRows(`${dataset.leftPath}.partial`, `${dataset.rightPath}.partial`, rows, seed);
  fs.renameSync(`${dataset.leftPath}.partial`, dataset.leftPath);
  fs.renameSync(`${dataset.rightPath}.partial`, dataset.rightPath);
  writeBenchContract(dataset.contractPath, { rows, seed, leftFile: 'hubspot.csv', rightFile: 'salesforce.csv' });
  return { ...dataset, reused: false, generateMs: performance.now() - started };
}

async function writeRows(leftPath: string, rightPath: string, rows: number, seed: number): Promise<void> {
  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const dates = createBenchDates(random);
  // Recent matched addresses, so duplicates land near their original as re-submitted forms do.
  const recent: string[] = [];
  const leftOut = createChunkWriter(leftPath);
  const rightOut = createChunkWriter(rightPath);
  leftOut.add(LEFT_HEADER);
  rightOut.add(RIGHT_HEADER);
  for (let i = 0; i < rows; i++) {
    const kind = pickCase(random());
    const first = pick(FIRST);
    const last = pick(LAST);
    const domain = pick(DOMAINS);
    const email = `${first}.${last}${i}@${domain}`;
    const flip = random() < 0.5;
    let leftEmail = email;
    let rightEmail = random() < 0.2 ? capitalize(email) : email;
    let leftDate = dates.leftIn();
    let rightDate = dates.rightIn();
    let stage = pick(NET_STAGES);
    let status = pick(NET_STATUSES);
    let leadSource = pick(LEAD_SOURCES);
    if (kind === 'matched') {
      if (recent.length < 4096) recent.push(email);
      else recent[i % 4096] = email;
    } else if (kind === 'timing') {
      if (flip) rightDate = dates.rightOut();
      else leftDate = dates.leftOut();
    } else if (kind === 'timing_zone_edge') {
      if (flip) rightDate = dates.rightAfterMidnightInReportingZone();
      else leftDate = dates.leftBeforeMidnightInReportingZone();
    } else if (kind === 'excluded_right') {
      if (flip) status = 'Junk';
      else leadSource = 'Partner Referral';
    } else if (kind === 'excluded_left') {
      if (flip) stage = pick(OTHER_STAGES);
      else leftEmail = rightEmail = `qa.tester${i}@acmecorp.com`;
    } else if (kind === 'duplicate' && recent.length > 0) {
      const original = pick(recent);
      leftEmail = random() < 0.5 ? original.replace('@', '+webinar@') : ` ${original.toUpperCase()}`;
      rightEmail = capitalize(pick(recent));
    } else if (kind === 'missing_date') {
      // Empty, or text no date format reads (reason unreadable_date, not missing_date).
      const none = random() < 0.5 ? '' : 'TBD';
      if (flip) leftDate = none;
      else rightDate = none;
    } else if (kind === 'missing_email') {
      leftEmail = rightEmail = '';
    } else if (kind === 'unmatched') {
      leftEmail = `${first}.${last}.m${i}@${domain}`;
      rightEmail = `${first}.${last}.s${i}@${domain}`;
    }
    const company = pick(COMPANIES);
    leftOut.add(`${51000000 + i},${capitalize(first)},${capitalize(last)},${leftEmail},${stage},${dates.leftCreated()},${leftDate},${company},${pick(SOURCES)},${pick(COUNTRIES)}`);
    rightOut.add(`${formatSalesforceId('00Q8d00000', i, seed, 15)},${capitalize(first)},${capitalize(last)},${rightEmail},${status},${rightDate},${leadSource},${company},${pick(OWNERS)},${pick(STATES)}`);
    if (leftOut.isFull() || rightOut.isFull()) await Promise.all([leftOut.flush(), rightOut.flush()]);
  }
  await Promise.all([leftOut.close(), rightOut.close()]);
}

function pickCase(r: number): Case {
  return CASES.find(([, upTo]) => r < upTo)?.[0] ?? 'unmatched';
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
