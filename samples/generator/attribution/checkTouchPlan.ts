// Refuses a touch plan whose stories say something their rows do not: each deal's counted touches are re-derived from the rows.
import { toIdentityKey } from '../createPeople';
import type { OpportunityRow, RevenuePlan } from '../revenue/revenueRecords';
import { isInLookback, toTouchInstant } from './touchInstants';
import type { TouchPlan, TouchRow } from './touchRecords';

/** The deals attribution gives a status to: every opportunity the renewal rule does not exclude, in the period or not. */
export function listAttributedDeals(plan: RevenuePlan): OpportunityRow[] {
  return plan.opportunities.filter((o) => o.type === 'New Business');
}

function deriveCounted(plan: RevenuePlan, touches: TouchRow[], deal: OpportunityRow): Set<TouchRow> {
  const people = new Set(plan.roles.filter((r) => r.opportunity === deal).map((r) => toIdentityKey(r.email)));
  return new Set(
    touches.filter((t) => {
      const instant = toTouchInstant(t);
      return t.campaign.channel.trim() !== '' && instant !== null && people.has(toIdentityKey(t.email)) && isInLookback(instant, deal.createdAt);
    }),
  );
}

export function checkTouchPlan(plan: RevenuePlan, touchPlan: TouchPlan): void {
  const problems: string[] = [];
  const deals = listAttributedDeals(plan);
  for (const deal of deals) {
    const derived = deriveCounted(plan, touchPlan.touches, deal);
    const declared = new Set(touchPlan.touches.filter((t) => t.counts.includes(deal)));
    const at = `deal ${deal.name} (${deal.story})`;
    for (const t of derived) if (!declared.has(t)) problems.push(`${at}: row ${t.row} (${t.campaign.name}, ${t.date}, ${t.story}) counts for it, which no story declared`);
    for (const t of declared) if (!derived.has(t)) problems.push(`${at}: row ${t.row} (${t.campaign.name}, ${t.date}, ${t.story}) is declared to count for it, but does not`);
  }
  for (const t of touchPlan.touches) {
    for (const deal of t.counts) if (!deals.includes(deal)) problems.push(`row ${t.row} (${t.story}) is declared to count for ${deal.name}, which attribution does not read`);
  }
  if (problems.length > 0) throw new Error(`the touch stories do not plant what they declare:\n${problems.join('\n')}`);
}
