// What a touch story plants with: the planned opportunities and their contact roles, campaign member rows, survey answers.
import { toIdentityKey } from '../createPeople';
import type { Random } from '../createRandom';
import { toNewYorkDate } from '../pipeline/toNewYorkDate';
import type { CohortMember, Named, OpportunityRow, RevenuePlan } from '../revenue/revenueRecords';
import { addDays } from '../revenue/createRevenueKit';
import { CAMPAIGNS, LOOKBACK_DAYS } from './touchRecords';
import type { Campaign, TouchPlan, TouchRow } from './touchRecords';

export interface TouchStory {
  name: string;
  title: string;
  /** Plants the story's campaign members and answers, and returns what happened, told with the names and dates it chose. */
  plant(kit: TouchKit): string;
}

/** A contact role of a deal, as a campaign members report would name the person. */
export interface DealPerson extends Named {
  primary: boolean;
  company: string;
}

export interface TouchKit {
  random: Random;
  /** The opportunities the revenue story `story` planted that no touch story has taken yet; takes them. */
  deals(story: string): OpportunityRow[];
  /** The first such opportunity that `where` accepts; takes it. */
  deal(story: string, where?: (deal: OpportunityRow) => boolean): OpportunityRow;
  /** The people on a deal, in the order its contact roles were planted. */
  people(deal: OpportunityRow): DealPerson[];
  /** The CRM lead sales converted into the deal, if any. */
  leadConvertedInto(deal: OpportunityRow): CohortMember | undefined;
  /** The person's net MQL of the quarter, if any. */
  mqlOf(who: Named): CohortMember | undefined;
  /** A net MQL of the quarter whom no contact role names. */
  mqlWithoutDeal(): CohortMember;
  /**
   * A campaign member row: `date` the First Responded Date (null: sent, never responded); `counts` the deals it is
   * declared to count for in the pipeline entry, `revenue` the won deals in the revenue entry.
   */
  touch(who: Named & { company: string }, campaign: string, date: string | null, counts: OpportunityRow[], revenue?: OpportunityRow[], memberType?: TouchRow['memberType']): TouchRow;
  /**
   * The revenue entry's reading, for stories whose dates are drawn: the deal when it is won, the person is one of its
   * primary contacts (any contact when none is primary) and the date is in the lookback up to the close date (both ends).
   */
  countForRevenue(deal: OpportunityRow, who: Named, date: string): OpportunityRow[];
  /** The deal's "How did you hear about us?", as typed. */
  answer(deal: OpportunityRow, text: string): void;
}

/** The calendar date (New York) a deal was created on: its lookback ends during that day. */
export function toCreatedDay(deal: OpportunityRow): string {
  return toNewYorkDate(deal.createdAt);
}

export function findCampaign(name: string): Campaign {
  const campaign = CAMPAIGNS.find((c) => c.name === name);
  if (!campaign) throw new Error(`no campaign named ${name}`);
  return campaign;
}

export function createTouchKit(story: string, random: Random, plan: RevenuePlan, touchPlan: TouchPlan, taken: Set<OpportunityRow>, takenPeople: Set<string>): TouchKit {
  const roleKeys = new Set(plan.roles.map((r) => toIdentityKey(r.email)));
  return {
    random,
    deals(name) {
      const deals = plan.opportunities.filter((o) => o.story === name && !taken.has(o));
      for (const deal of deals) taken.add(deal);
      return deals;
    },
    deal(name, where = () => true) {
      const deal = plan.opportunities.find((o) => o.story === name && !taken.has(o) && where(o));
      if (!deal) throw new Error(`${story}: no deal of ${name} left`);
      taken.add(deal);
      return deal;
    },
    leadConvertedInto: (deal) => plan.conversions.find((c) => c.opportunity === deal)?.lead,
    mqlOf: (who) => plan.cohort.find((m) => m.key !== '' && m.key === toIdentityKey(who.email)),
    people: (deal) =>
      plan.roles.filter((r) => r.opportunity === deal).map((r) => ({ email: r.email.trim(), firstName: r.firstName, lastName: r.lastName, primary: r.primary, company: deal.account })),
    mqlWithoutDeal() {
      const member = random.pick(plan.cohort.filter((m) => m.key !== '' && !roleKeys.has(m.key) && !takenPeople.has(m.key)));
      takenPeople.add(member.key);
      return member;
    },
    touch(who, campaign, date, counts, revenue = [], memberType = 'Contact') {
      const row: TouchRow = { story, campaign: findCampaign(campaign), memberType, email: who.email, firstName: who.firstName, lastName: who.lastName, company: who.company, date, counts, revenue, row: 0 };
      touchPlan.touches.push(row);
      return row;
    },
    countForRevenue(deal, who, date) {
      if (deal.type !== 'New Business' || deal.stage !== 'Closed Won') return [];
      const roles = plan.roles.filter((r) => r.opportunity === deal);
      const primary = roles.some((r) => r.primary) ? roles.filter((r) => r.primary) : roles;
      const isPerson = primary.some((r) => toIdentityKey(r.email) === toIdentityKey(who.email));
      return isPerson && date >= addDays(deal.closeDate, -LOOKBACK_DAYS) && date <= deal.closeDate ? [deal] : [];
    },
    answer(deal, text) {
      touchPlan.howHeard.set(deal, text);
    },
  };
}
