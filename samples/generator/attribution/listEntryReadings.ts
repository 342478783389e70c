// The contract's two attribution entries as the plan reads them: whose deals, dated when, through which people, with which models.
import type { AttributionModel } from '../../../shared/revenueContractTypes';
import { toIdentityKey } from '../createPeople';
import { toNewYorkDate } from '../pipeline/toNewYorkDate';
import { addDays } from '../revenue/createRevenueKit';
import type { OpportunityRow, RevenuePlan } from '../revenue/revenueRecords';
import { newYork } from '../wallTime';
import { ATTRIBUTION_NAME, REVENUE_ATTRIBUTION_NAME } from './touchRecords';
import type { TouchRow } from './touchRecords';

const PERIOD = { from: '2026-07-01', to: '2026-09-30' };
const isInPeriod = (date: string): boolean => date >= PERIOD.from && date <= PERIOD.to;

export const PIPELINE_MODELS: AttributionModel[] = ['first_touch', 'last_touch', 'linear', 'u_shaped', 'w_shaped', 'time_decay', 'self_reported'];
export const REVENUE_MODELS: AttributionModel[] = ['first_touch', 'last_touch', 'linear', 'time_decay'];

export interface EntryReading {
  name: string;
  models: AttributionModel[];
  /** Whether the entry has `sourced` (crm and touches). */
  sourced: boolean;
  /** The records of its opportunities metric that are net or out of period: every one gets a status. */
  deals: OpportunityRow[];
  /** Net: its date is in the period. */
  isInPeriod(deal: OpportunityRow): boolean;
  /** The instant the lookback ends at. */
  instantOf(deal: OpportunityRow): number;
  /** The person keys of the deal, as `people` selects them. */
  listPeople(deal: OpportunityRow): Set<string>;
  /** The deals a story declared the touch counts for in this entry. */
  listDeclared(touch: TouchRow): OpportunityRow[];
}

function listRoleKeys(plan: RevenuePlan, deal: OpportunityRow, primaryOnly: boolean): Set<string> {
  const roles = plan.roles.filter((r) => r.opportunity === deal);
  const chosen = primaryOnly && roles.some((r) => r.primary) ? roles.filter((r) => r.primary) : roles;
  return new Set(chosen.map((r) => toIdentityKey(r.email)));
}

export function listEntryReadings(plan: RevenuePlan): EntryReading[] {
  const newBusiness = plan.opportunities.filter((o) => o.type === 'New Business');
  return [
    {
      name: ATTRIBUTION_NAME,
      models: PIPELINE_MODELS,
      sourced: true,
      deals: newBusiness,
      isInPeriod: (deal) => isInPeriod(toNewYorkDate(deal.createdAt)),
      instantOf: (deal) => deal.createdAt,
      listPeople: (deal) => listRoleKeys(plan, deal, false),
      listDeclared: (touch) => touch.counts,
    },
    {
      name: REVENUE_ATTRIBUTION_NAME,
      models: REVENUE_MODELS,
      sourced: false,
      deals: newBusiness.filter((o) => o.stage === 'Closed Won'),
      isInPeriod: (deal) => isInPeriod(deal.closeDate),
      // The Won metric's date is the Close Date, a date: its instant is the end of that day in New York.
      instantOf: (deal) => newYork(`${addDays(deal.closeDate, 1)} 00:00`),
      listPeople: (deal) => listRoleKeys(plan, deal, true),
      listDeclared: (touch) => touch.revenue,
    },
  ];
}
