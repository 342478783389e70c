// Plants every story, shuffles each export's rows (keeping each person's rows in planted order) and gives them ids.
import { createPeople } from './createPeople';
import type { Random } from './createRandom';
import { createStoryKit } from './createStoryKit';
import type { PlannedExports, Story } from './createStoryKit';
import type { HubspotRecord, Placed, SalesforceRecord } from './plannedRecords';

export interface PlacedExports {
  /** In file order. */
  hubspot: Placed<HubspotRecord>[];
  salesforce: Placed<SalesforceRecord>[];
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CHECKSUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** An 18-character Salesforce id: key prefix 00Q (Lead), pod, record number, case-safe suffix. */
function toLeadId(recordNumber: number): string {
  let digits = '';
  for (let n = recordNumber; digits.length < 9; n = Math.floor(n / 62)) digits = BASE62[n % 62] + digits;
  const id15 = `00QHs0${digits}`;
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let flags = 0;
    for (let i = 0; i < 5; i++) if (/[A-Z]/.test(id15[chunk * 5 + i] ?? '')) flags |= 1 << i;
    suffix += CHECKSUM[flags];
  }
  return id15 + suffix;
}

/** Shuffles rows but refills each person's slots with their rows in planted order (ties go by file order). */
export function shuffleKeepingGroupOrder<T extends { group: number }>(records: T[], random: Random): T[] {
  const queues = new Map<number, T[]>();
  for (const record of records) queues.set(record.group, [...(queues.get(record.group) ?? []), record]);
  return random.shuffle(records).map((slot) => queues.get(slot.group)?.shift() as T);
}

/** Ids grow with creation time as in both systems; records without a date are old migrated ones. */
function assignIds<T extends { createdAt: number | null }>(records: T[], random: Random, toId: (n: number) => string, start: number, maxGap: number): Placed<T>[] {
  const byCreation = records
    .map((record, index) => ({ record, index }))
    .sort((a, b) => (a.record.createdAt ?? -Infinity) - (b.record.createdAt ?? -Infinity) || a.index - b.index);
  const ids = new Map<T, string>();
  let n = start;
  for (const { record } of byCreation) {
    n += random.int(1, maxGap);
    ids.set(record, toId(n));
  }
  return records.map((record) => ({ ...record, id: ids.get(record) ?? '' }));
}

export function placeRecords(stories: Story[], random: Random): PlacedExports {
  const people = createPeople(random);
  const planned: PlannedExports = { hubspot: [], salesforce: [] };
  for (const story of stories) story.plant(createStoryKit(story.name, random, people, planned));
  const hubspot = shuffleKeepingGroupOrder(planned.hubspot, random);
  const salesforce = shuffleKeepingGroupOrder(planned.salesforce, random);
  return {
    hubspot: assignIds(hubspot, random, String, 1200, 600),
    salesforce: assignIds(salesforce, random, toLeadId, 62 ** 4 * 7, 40),
  };
}
