// What a story plants its records with: new people, rows in either export with realistic defaults, random dates.
import type { Random } from './createRandom';
import type { People, Person, PersonOptions } from './createPeople';
import type { Expectation } from './expectations';
import type { HubspotRecord, SalesforceRecord } from './plannedRecords';
import { newYork } from './wallTime';

export interface Story {
  /** Short name, used in the README. */
  name: string;
  title: string;
  /** What happened, told as the README tells it. */
  told: string;
  plant(kit: StoryKit): void;
}

type HubspotFields = Partial<Omit<HubspotRecord, 'story' | 'group' | 'expect'>> & Pick<HubspotRecord, 'mqlAt'>;
type SalesforceFields = Partial<Omit<SalesforceRecord, 'story' | 'group' | 'expect'>> & Pick<SalesforceRecord, 'createdAt'>;

export interface StoryKit {
  random: Random;
  person(options?: PersonOptions): Person;
  /** Reserves another address of a person, whose identity key differs from their main one. */
  claim(email: string): string;
  hubspot(person: Person, fields: HubspotFields, expect: Expectation): void;
  salesforce(person: Person, fields: SalesforceFields, expect: Expectation): void;
  /** A random minute whose New York wall time lies between the two given ('YYYY-MM-DD HH:mm', inclusive). */
  between(fromNewYork: string, toNewYork: string): number;
  /** A random minute between min and max minutes after the instant. */
  later(instant: number, minMinutes: number, maxMinutes: number): number;
}

export interface PlannedExports {
  hubspot: HubspotRecord[];
  salesforce: SalesforceRecord[];
}

const MINUTE = 60_000;
const MQL_STAGES = ['Marketing Qualified Lead', 'Marketing Qualified Lead', 'Marketing Qualified Lead', 'Sales Qualified Lead', 'Opportunity'];
const HUBSPOT_STATUSES = ['New', 'Open', 'In Progress', 'Attempted to Contact', 'Connected'];
const ORIGINAL_SOURCES = ['Organic Search', 'Paid Search', 'Email Marketing', 'Social Media', 'Referrals', 'Direct Traffic', 'Offline Sources', 'Paid Social'];
const LEAD_SOURCES = ['Web', 'Webinar', 'Trade Show', 'Content Download', 'Paid Search', 'Email'];
const LEAD_STATUSES = ['Open - Not Contacted', 'Working - Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'];
export const LEAD_OWNERS = ['Priya Raman', 'Marcus Bell', 'Elena Ortiz', 'Tom Okafor', 'Grace Lindqvist', 'Sam Whitaker'];

export function createStoryKit(story: string, random: Random, people: People, into: PlannedExports): StoryKit {
  const later = (instant: number, minMinutes: number, maxMinutes: number): number =>
    instant + random.int(minMinutes, maxMinutes) * MINUTE;

  // Contacts are usually created well before they qualify; a third qualify on their first form.
  const chooseContactCreated = (mqlAt: number | null): number => {
    const anchor = mqlAt ?? newYork('2026-08-14 10:00');
    return random.chance(0.3) ? anchor : anchor - random.int(60, 400 * 1440) * MINUTE;
  };

  return {
    random,
    person: (options) => people.create(options),
    claim: (email) => people.claim(email),
    later,
    between(fromNewYork, toNewYork) {
      const from = newYork(fromNewYork);
      return later(from, 0, (newYork(toNewYork) - from) / MINUTE);
    },
    hubspot(person, fields, expect) {
      into.hubspot.push({
        story,
        group: person.group,
        expect,
        email: person.email,
        firstName: person.firstName,
        lastName: person.lastName,
        company: person.company,
        lifecycleStage: random.pick(MQL_STAGES),
        leadStatus: random.pick(HUBSPOT_STATUSES),
        originalSource: random.pick(ORIGINAL_SOURCES),
        createdAt: fields.createdAt ?? chooseContactCreated(fields.mqlAt),
        ...fields,
      });
    },
    salesforce(person, fields, expect) {
      into.salesforce.push({
        story,
        group: person.group,
        expect,
        email: person.email,
        firstName: person.firstName,
        lastName: person.lastName,
        company: person.company,
        leadSource: random.pick(LEAD_SOURCES),
        leadStatus: random.pick(LEAD_STATUSES),
        owner: random.pick(LEAD_OWNERS),
        ...fields,
      });
    },
  };
}
