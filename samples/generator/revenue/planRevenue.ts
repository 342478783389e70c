// Plants every revenue story on top of the bridge's placed contacts, then gives opportunities and tasks their ids.
import { createPeople } from '../createPeople';
import { toIdentityKey } from '../createPeople';
import type { Random } from '../createRandom';
import type { PlacedExports } from '../placeRecords';
import { toNewYorkDate } from '../pipeline/toNewYorkDate';
import { toRecordId } from '../pipeline/toOpportunityId';
import { createRevenueKit, toTaskInstant } from './createRevenueKit';
import type { RevenueStory } from './createRevenueKit';
import { LEAD_FUNNEL, MQL_FUNNEL } from './revenueRecords';
import type { CohortMember, RevenuePlan } from './revenueRecords';

/** The bridge's buckets of net records: the MQL metric's net records are the funnel's cohort. */
const NET_KINDS = ['matched', 'timing', 'excluded_on_other_side', 'unmatched'];

export interface PlannedRevenue {
  plan: RevenuePlan;
  /** What each story told, by story name, with the names and dates it chose. */
  told: Map<string, string>;
}

/** Ids grow with creation time, as in Salesforce. */
function assignIds<T extends { id: string }>(rows: T[], instantOf: (row: T) => number, keyPrefix: string, start: number, random: Random): void {
  let n = start;
  for (const row of [...rows].sort((a, b) => instantOf(a) - instantOf(b))) {
    n += random.int(1, 30);
    row.id = toRecordId(keyPrefix, n);
  }
}

function collectCohorts(placed: PlacedExports): { cohort: CohortMember[]; leadCohort: CohortMember[] } {
  const toMember = (funnel: string) => (r: { id: string; email: string; firstName: string; lastName: string; company: string; story: string }, at: number): CohortMember => ({
    funnel,
    id: r.id,
    key: toIdentityKey(r.email),
    email: r.email,
    firstName: r.firstName,
    lastName: r.lastName,
    company: r.company,
    at,
    date: toNewYorkDate(at),
    story: r.story,
  });
  const selectNet = <T extends { expect: { kind: string } }>(records: T[]): T[] => records.filter((r) => NET_KINDS.includes(r.expect.kind));
  return {
    cohort: selectNet(placed.hubspot).map((r) => toMember(MQL_FUNNEL)(r, r.mqlAt ?? 0)),
    leadCohort: selectNet(placed.salesforce).map((r) => toMember(LEAD_FUNNEL)(r, r.createdAt ?? 0)),
  };
}

/**
 * Stories plant in table order, except that the bulk ones (the funnel's and the SLA's) come last: they take what
 * the others left. New people never share an identity key with anyone of the bridge's exports.
 */
export function planRevenue(stories: RevenueStory[], placed: PlacedExports, random: Random): PlannedRevenue {
  const people = createPeople(random);
  const keys = new Set<string>();
  for (const { email } of [...placed.hubspot, ...placed.salesforce]) {
    const key = toIdentityKey(email);
    if (key !== '' && !keys.has(key)) people.claim(email);
    keys.add(key);
  }
  const { cohort, leadCohort } = collectCohorts(placed);
  const plan: RevenuePlan = { cohort, leadCohort, lifecycle: [], opportunities: [], roles: [], conversions: [], tasks: [], spend: [], reaches: new Map(), sla: new Map() };
  const takenLeads = new Set<CohortMember>();
  const bulk = cohort.filter((m) => m.story === 'matched');
  const contacts = [...placed.hubspot];
  const told = new Map<string, string>();
  const isBulk = (story: RevenueStory): boolean => story.name.endsWith('_bulk');
  for (const story of [...stories.filter((s) => !isBulk(s)), ...stories.filter(isBulk)]) {
    told.set(story.name, story.plant(createRevenueKit(story.name, random, people, plan, bulk, contacts, takenLeads)));
  }
  assignIds(plan.opportunities, (o) => o.createdAt, '006', 62 ** 4 * 9, random);
  assignIds(plan.tasks, toTaskInstant, '00T', 62 ** 5 * 3, random);
  return { plan, told };
}
