// Plants every pipeline story, shuffles each export (keeping each sale's rows in planted order), gives ids and writes references.
import type { Random } from '../createRandom';
import { shuffleKeepingGroupOrder } from '../placeRecords';
import { createPipelineKit } from './createPipelineKit';
import type { PipelineStory } from './createPipelineKit';
import type { Deal, InvoiceLine, Opportunity, OpportunityRef, PipelinePlan, PlacedPipeline, WithId } from './pipelineRecords';
import { flipLastLetterCase, toCaseSafeId, toOpportunityId } from './toOpportunityId';

/** Ids grow with `order` (empty first: old migrated rows), ties in file order. */
function assignIds<T>(records: T[], order: (record: T) => number | string | null, next: () => string): WithId<T>[] {
  const byOrder = records
    .map((record, index) => ({ record, index, at: order(record) }))
    .sort((a, b) => (a.at === b.at ? 0 : a.at === null ? -1 : b.at === null ? 1 : a.at < b.at ? -1 : 1) || a.index - b.index);
  const ids = new Map<T, string>();
  for (const { record } of byOrder) ids.set(record, next());
  return records.map((record) => ({ ...record, id: ids.get(record) ?? '' }));
}

/** Gives each case twin the id of its original but for the case of one letter, and checks no two ids share 15 characters. */
function applyCaseTwins(originals: Opportunity[], placed: WithId<Opportunity>[], idOf: Map<Opportunity, string>): void {
  originals.forEach((original, i) => {
    const placedTwin = placed[i];
    if (!original.caseTwinOf || !placedTwin) return;
    placedTwin.id = toCaseSafeId(flipLastLetterCase((idOf.get(original.caseTwinOf) ?? '').slice(0, 15)));
    idOf.set(original, placedTwin.id);
  });
  const seen = new Set<string>();
  for (const o of placed) {
    if (seen.has(o.id.slice(0, 15))) throw new Error(`two opportunities share the id ${o.id}`);
    seen.add(o.id.slice(0, 15));
  }
}

function writeRef(ref: OpportunityRef, idOf: Map<Opportunity, string>, unknownId: () => string): string {
  if (ref === null) return '';
  if ('unknown' in ref) return unknownId();
  const id = idOf.get(ref.opportunity) ?? '';
  switch (ref.form) {
    case '15':
      return id.slice(0, 15);
    case 'padded':
      return `  ${id} `;
    case 'case_flipped':
      return flipLastLetterCase(id.slice(0, 15));
    default:
      return id;
  }
}

export function placePipeline(stories: PipelineStory[], random: Random): PlacedPipeline {
  const plan: PipelinePlan = { deals: [], opportunities: [], lines: [] };
  const counters = { groups: 0, invoices: 4100 };
  for (const story of stories) story.plant(createPipelineKit(story.name, random, plan, counters));
  let dealNumber = 31_800_000_000;
  let opportunityNumber = 62 ** 4 * 11;
  let lineNumber = 880_000;
  const deals = assignIds(shuffleKeepingGroupOrder(plan.deals, random), (d) => d.createdAt, () => String((dealNumber += random.int(1, 900_000))));
  const shuffled = shuffleKeepingGroupOrder(plan.opportunities, random);
  const opportunities = assignIds(shuffled, (o) => o.createdAt, () => toOpportunityId((opportunityNumber += random.int(1, 40))));
  const lines = assignIds(shuffleKeepingGroupOrder(plan.lines, random), (l) => l.invoiceDate, () => String((lineNumber += random.int(1, 3))));
  const idOf = new Map(shuffled.map((original, i) => [original, opportunities[i]?.id ?? '']));
  applyCaseTwins(shuffled, opportunities, idOf);
  // Ids of opportunities no report holds: far beyond the sample's record numbers.
  let unknownNumber = 62 ** 4 * 13;
  const unknownId = () => toOpportunityId((unknownNumber += random.int(1, 40)));
  const refText = new Map<Deal | InvoiceLine, string>();
  for (const record of [...deals, ...lines]) refText.set(record, writeRef(record.ref, idOf, unknownId));
  return { deals, opportunities, lines, idOf, refText };
}
