// Refuses a touch plan whose stories say something their rows do not: each deal's counted touches are re-derived from the rows, per entry.
import { toIdentityKey } from '../createPeople';
import type { OpportunityRow, RevenuePlan } from '../revenue/revenueRecords';
import { listEntryReadings } from './listEntryReadings';
import type { EntryReading } from './listEntryReadings';
import { isInLookback, toTouchInstant } from './touchInstants';
import type { TouchPlan, TouchRow } from './touchRecords';

function deriveCounted(reading: EntryReading, touches: TouchRow[], deal: OpportunityRow): Set<TouchRow> {
  const people = reading.listPeople(deal);
  return new Set(
    touches.filter((t) => {
      const instant = toTouchInstant(t);
      return t.campaign.channel.trim() !== '' && instant !== null && people.has(toIdentityKey(t.email)) && isInLookback(instant, reading.instantOf(deal));
    }),
  );
}

export function checkTouchPlan(plan: RevenuePlan, touchPlan: TouchPlan): void {
  const problems: string[] = [];
  for (const reading of listEntryReadings(plan)) {
    for (const deal of reading.deals) {
      const derived = deriveCounted(reading, touchPlan.touches, deal);
      const declared = new Set(touchPlan.touches.filter((t) => reading.listDeclared(t).includes(deal)));
      const at = `${reading.name}: deal ${deal.name} (${deal.story})`;
      for (const t of derived) if (!declared.has(t)) problems.push(`${at}: row ${t.row} (${t.campaign.name}, ${t.date}, ${t.story}) counts for it, which no story declared`);
      for (const t of declared) if (!derived.has(t)) problems.push(`${at}: row ${t.row} (${t.campaign.name}, ${t.date}, ${t.story}) is declared to count for it, but does not`);
    }
    for (const t of touchPlan.touches) {
      for (const deal of reading.listDeclared(t)) if (!reading.deals.includes(deal)) problems.push(`${reading.name}: row ${t.row} (${t.story}) is declared to count for ${deal.name}, which the entry does not read`);
    }
  }
  if (problems.length > 0) throw new Error(`the touch stories do not plant what they declare:\n${problems.join('\n')}`);
}
