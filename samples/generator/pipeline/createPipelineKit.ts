// What a pipeline story plants its records with: accounts, opportunities, HubSpot deals and invoice lines with realistic defaults.
import type { Random } from '../createRandom';
import { convertToCents } from './convertToCents';
import { COMPANIES } from '../createPeople';
import { LEAD_OWNERS } from '../createStoryKit';
import type { Expectation } from '../expectations';
import { newYork } from '../wallTime';
import type { AmountStyle, BridgeName, Deal, InvoiceLine, Money, Opportunity, PipelinePlan } from './pipelineRecords';
import { toNewYorkDate } from './toNewYorkDate';
import { HUBSPOT_STAGE_OF } from './stageMap';

export interface PipelineStory {
  /** Short name, used in the README. */
  name: string;
  title: string;
  /** What happened, told as the README tells it. */
  told: string;
  plant(kit: PipelineKit): void;
}

/** A customer: the deal, opportunity and invoice lines of one sale share it (and stay in planted order in each file). */
export interface Account {
  group: number;
  name: string;
}

type OpportunityFields = Partial<Omit<Opportunity, 'story' | 'group' | 'expect' | 'account'>> & Pick<Opportunity, 'amount' | 'createdAt'>;
type DealFields = Partial<Omit<Deal, 'story' | 'group' | 'expect'>> & Pick<Deal, 'createdAt'>;
type LineFields = Partial<Omit<InvoiceLine, 'story' | 'group' | 'expect' | 'customer'>> & Pick<InvoiceLine, 'amount' | 'invoiceDate'>;

export interface PipelineKit {
  random: Random;
  account(): Account;
  opportunity(account: Account, fields: OpportunityFields, expect: Record<BridgeName, Expectation>): Opportunity;
  /** A deal; by default it points at `of` with its 18-character id, in its stage, amount (in USD) and close date. */
  deal(account: Account, of: Opportunity | null, fields: DealFields, expect: Expectation): Deal;
  /** An invoice line; by default on the invoice last handed out, pointing at `of` with its 18-character id. */
  line(account: Account, of: Opportunity | null, fields: LineFields, expect: Expectation): InvoiceLine;
  /** A new invoice number. */
  invoice(): string;
  /** A random minute whose New York wall time lies between the two given ('YYYY-MM-DD HH:mm', inclusive). */
  between(fromNewYork: string, toNewYork: string): number;
  /** A random minute between min and max minutes after the instant. */
  later(instant: number, minMinutes: number, maxMinutes: number): number;
  /** The calendar date (YYYY-MM-DD) `days` after the New York date of an instant. */
  daysAfter(instant: number, days: number): string;
  /** The calendar date `days` after a calendar date (YYYY-MM-DD). */
  addDays(date: string, days: number): string;
  usd(dollars: number, style?: AmountStyle): Money;
  eur(euros: number, style?: AmountStyle): Money;
}

const MINUTE = 60_000;
const PRODUCTS = ['Platform', 'Analytics add-on', 'Enterprise plan', 'Onboarding services', 'Team plan', 'Data connectors'];
const MARKETING_SOURCES = ['Organic Search', 'Paid Search', 'Email Marketing', 'Social Media', 'Referrals', 'Paid Social'];
const LEAD_SOURCES = ['Web', 'Webinar', 'Trade Show', 'Content Download', 'Paid Search', 'Email'];
const OPEN_STAGES = ['Qualification', 'Needs Analysis', 'Proposal/Price Quote', 'Id. Decision Makers', 'Negotiation/Review'];
const HUBSPOT_STYLES: AmountStyle[] = ['plain', 'plain', 'plain', 'symbol', 'code'];

/** Money from a decimal written in a story (`12500.5`): integer cents, never a float past this point. */
function toMoney(currency: 'USD' | 'EUR', amount: number, style?: AmountStyle): Money {
  return { currency, cents: Math.round(amount * 100), ...(style ? { style } : {}) };
}

export function createPipelineKit(story: string, random: Random, plan: PipelinePlan, counters: { groups: number; invoices: number }): PipelineKit {
  const later = (instant: number, minMinutes: number, maxMinutes: number): number => instant + random.int(minMinutes, maxMinutes) * MINUTE;
  return {
    random,
    later,
    between(fromNewYork, toNewYork) {
      const from = newYork(fromNewYork);
      return later(from, 0, (newYork(toNewYork) - from) / MINUTE);
    },
    daysAfter: (instant, days) => toNewYorkDate(instant + days * 1440 * MINUTE),
    addDays: (date, days) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 1440 * MINUTE).toISOString().slice(0, 10),
    usd: (dollars, style) => toMoney('USD', dollars, style),
    eur: (euros, style) => toMoney('EUR', euros, style),
    account() {
      counters.groups += 1;
      return { group: counters.groups, name: random.pick(COMPANIES).name };
    },
    invoice() {
      counters.invoices += random.int(1, 3);
      return `INV-2026-${String(counters.invoices).padStart(5, '0')}`;
    },
    opportunity(account, fields, expect) {
      const opportunity: Opportunity = {
        story,
        group: account.group,
        expect,
        account: account.name,
        name: `${account.name} - ${random.pick(PRODUCTS)}`,
        stage: random.pick(OPEN_STAGES),
        type: 'New Business',
        leadSource: random.pick(LEAD_SOURCES),
        closeDate: toNewYorkDate((fields.createdAt ?? newYork('2026-08-14 10:00')) + random.int(20, 90) * 1440 * MINUTE),
        owner: random.pick(LEAD_OWNERS),
        ...fields,
      };
      plan.opportunities.push(opportunity);
      return opportunity;
    },
    deal(account, of, fields, expect) {
      const style = random.pick(HUBSPOT_STYLES);
      const amount: Money = of && !('text' in of.amount) ? { currency: 'USD', cents: convertToCents(of.amount) ?? 0, style } : toMoney('USD', random.int(20, 400) * 250, style);
      // A deal Salesforce does not have expects to close one to four months after it was created.
      const closeDate = of?.closeDate ?? toNewYorkDate((fields.createdAt ?? newYork('2026-08-14 10:00')) + random.int(30, 120) * 1440 * MINUTE);
      const deal: Deal = {
        story,
        group: account.group,
        expect,
        name: of?.name ?? `${account.name} - ${random.pick(PRODUCTS)}`,
        stage: of ? (HUBSPOT_STAGE_OF[of.stage] ?? 'appointmentscheduled') : 'appointmentscheduled',
        amount,
        // HubSpot keeps the close date as a moment; reps pick a day and HubSpot stores it at some hour of it.
        closeAt: later(newYork(`${closeDate} 08:00`), 0, 10 * 60),
        originalSource: random.pick(MARKETING_SOURCES),
        ref: of ? { opportunity: of, form: '18' } : null,
        ...fields,
      };
      plan.deals.push(deal);
      return deal;
    },
    line(account, of, fields, expect) {
      const line: InvoiceLine = {
        story,
        group: account.group,
        expect,
        invoice: fields.invoice ?? `INV-2026-${String(counters.invoices).padStart(5, '0')}`,
        customer: account.name,
        lineType: 'Subscription',
        description: of?.name ?? account.name,
        ref: of ? { opportunity: of, form: '18' } : null,
        ...fields,
      };
      plan.lines.push(line);
      return line;
    },
  };
}
