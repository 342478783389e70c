// What a revenue story plants with: MQLs of the quarter to follow, new people, lifecycle rows, opportunities, roles, tasks, spend.
import type { Random } from '../createRandom';
import type { People, Person, PersonOptions } from '../createPeople';
import { LEAD_OWNERS } from '../createStoryKit';
import type { HubspotRecord, Placed } from '../plannedRecords';
import { toNewYorkDate } from '../pipeline/toNewYorkDate';
import { newYork } from '../wallTime';
import type {
  CohortMember, ContactRoleRow, LifecycleRow, Named, OpportunityRow, RevenuePlan, SlaOutcome, StageName, TaskRow,
} from './revenueRecords';

export interface RevenueStory {
  /** Short name, used in the README. */
  name: string;
  title: string;
  /** Plants the story's rows and returns what happened, told with the names and dates it chose. */
  plant(kit: RevenueKit): string;
}

/** The funnel's window (calendar days after the MQL date, both ends included) and the SLA, as the contract writes them. */
export const WINDOW_DAYS = 90;
export const SLA_MINUTES = 24 * 60;
/** The exports ran on October 5, 2026: nothing happened after that. */
export const EXPORT_DAY = '2026-10-05';

type OpportunityFields = Partial<Omit<OpportunityRow, 'story' | 'id'>> & Pick<OpportunityRow, 'createdAt' | 'closeDate' | 'stage'>;

export interface RevenueKit {
  random: Random;
  /** An MQL of the quarter from the bridge's bulk story, not yet followed by another story, qualified between two New York dates. */
  mql(fromDate: string, toDate: string, where?: (member: CohortMember) => boolean): CohortMember;
  /** The MQLs of the quarter whose speed to lead no story has declared yet. */
  undeclaredSla(): CohortMember[];
  /** Every net MQL the bridge story `story` planted. */
  mqlsOf(story: string): CohortMember[];
  /** A contact of the HubSpot export planted by the bridge story `story` (not necessarily an MQL of the quarter), not taken before. */
  contactOf(story: string, where?: (contact: Placed<HubspotRecord>) => boolean): Placed<HubspotRecord>;
  /** Someone new: never in HubSpot nor in the leads report. */
  person(options?: PersonOptions): Person;
  /** A row of HubSpot's lifecycle export for a contact of the contacts export. */
  sql(contact: CohortMember | Placed<HubspotRecord>, sqlAt: number | null, lifecycleStage?: string): LifecycleRow;
  opportunity(fields: OpportunityFields): OpportunityRow;
  role(opportunity: OpportunityRow, who: Named, role: string, primary: boolean, idForm?: '15' | '18'): ContactRoleRow;
  /** The net CRM lead of the quarter of the same person as an MQL of the quarter. */
  leadOf(member: CohortMember): CohortMember;
  /** A net CRM lead of the quarter the bridge story `story` planted, not taken before. */
  lead(story: string, where?: (lead: CohortMember) => boolean): CohortMember;
  /** A row of the lead conversions report: the lead converted on the opportunity's Created Date (or on `date`), into it or into none. */
  convert(lead: CohortMember, opportunity: OpportunityRow | null, date?: string, idForm?: '15' | '18'): void;
  /** A completed task on a person: `at` an instant, or a calendar date only. */
  task(who: Named, when: { at: number } | { date: string }, type: TaskRow['type'], subject?: string): TaskRow;
  spend(month: string, channel: string, dollars: number): void;
  /** Declares that the cohort member reaches this stage record of its funnel (dated, in the window, not excluded). */
  reach(member: CohortMember, stage: StageName, record: LifecycleRow | OpportunityRow): void;
  /** Declares the member's speed to lead: the first counted task (Call or Email, strictly after the MQL), or none. */
  sla(member: CohortMember, outcome: SlaOutcome, firstTask?: TaskRow): void;
  /** A random minute whose New York wall time lies between the two given ('YYYY-MM-DD HH:mm', inclusive). */
  between(fromNewYork: string, toNewYork: string): number;
  /** A random minute between min and max minutes after the instant. */
  later(instant: number, minMinutes: number, maxMinutes: number): number;
}

const MINUTE = 60_000;
const PRODUCTS = ['Platform', 'Analytics add-on', 'Enterprise plan', 'Onboarding services', 'Team plan', 'Data connectors'];
const SUBJECTS: Record<TaskRow['type'], string[]> = {
  Call: ['Call', 'Intro call', 'Follow-up call', 'Left voicemail'],
  Email: ['Intro email', 'Follow-up email', 'Sent pricing'],
  Meeting: ['Discovery meeting', 'Demo'],
  Other: ['Note', 'Researched account'],
};

/** The calendar date `days` after a calendar date (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 1440 * MINUTE).toISOString().slice(0, 10);
}

/** Calendar days from one date to another (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (1440 * MINUTE));
}

/** The instant a task counts at: its time, or the end of its calendar day in New York (revenue.md, "Instants and dates"). */
export function toTaskInstant(task: TaskRow): number {
  return 'at' in task.when ? task.when.at : newYork(`${addDays(task.when.date, 1)} 00:00`);
}

export function createRevenueKit(
  story: string, random: Random, people: People, plan: RevenuePlan, bulk: CohortMember[], placed: Placed<HubspotRecord>[], takenLeads: Set<CohortMember>,
): RevenueKit {
  const later = (instant: number, minMinutes: number, maxMinutes: number): number => instant + random.int(minMinutes, maxMinutes) * MINUTE;
  const findDeclared = (member: CohortMember, stage: StageName): Set<LifecycleRow | OpportunityRow> => {
    const funnel = plan.reaches.get(member.funnel) ?? new Map<string, Map<StageName, Set<LifecycleRow | OpportunityRow>>>();
    plan.reaches.set(member.funnel, funnel);
    const stages = funnel.get(member.id) ?? new Map<StageName, Set<LifecycleRow | OpportunityRow>>();
    funnel.set(member.id, stages);
    const records = stages.get(stage) ?? new Set<LifecycleRow | OpportunityRow>();
    stages.set(stage, records);
    return records;
  };
  return {
    random,
    later,
    between(fromNewYork, toNewYork) {
      const from = newYork(fromNewYork);
      return later(from, 0, (newYork(toNewYork) - from) / MINUTE);
    },
    mql(fromDate, toDate, where = () => true) {
      const candidates = bulk.filter((m) => m.date >= fromDate && m.date <= toDate && where(m));
      const member = random.pick(candidates);
      bulk.splice(bulk.indexOf(member), 1);
      return member;
    },
    undeclaredSla: () => plan.cohort.filter((m) => !plan.sla.has(m.id)),
    mqlsOf: (name) => plan.cohort.filter((m) => m.story === name),
    contactOf(name, where = () => true) {
      const contact = placed.find((r) => r.story === name && where(r));
      if (!contact) throw new Error(`no HubSpot contact of story ${name}`);
      placed.splice(placed.indexOf(contact), 1);
      return contact;
    },
    person: (options) => people.create(options),
    sql(contact, sqlAt, lifecycleStage) {
      const row: LifecycleRow = {
        story,
        id: contact.id,
        email: contact.email,
        firstName: contact.firstName,
        lastName: contact.lastName,
        lifecycleStage: lifecycleStage ?? random.pick(['Sales Qualified Lead', 'Opportunity']),
        mqlAt: 'at' in contact ? contact.at : contact.mqlAt,
        sqlAt,
      };
      plan.lifecycle.push(row);
      return row;
    },
    opportunity(fields) {
      const account = fields.account ?? 'Brightwave Analytics';
      const row: OpportunityRow = {
        story,
        id: '',
        name: `${account} - ${random.pick(PRODUCTS)}`,
        account,
        type: 'New Business',
        leadSource: random.pick(['Web', 'Webinar', 'Paid Search', 'Email', 'Content Download', 'Trade Show']),
        cents: random.int(24, 320) * 25_000,
        owner: random.pick(LEAD_OWNERS),
        ...fields,
      };
      plan.opportunities.push(row);
      return row;
    },
    leadOf(member) {
      const lead = plan.leadCohort.find((l) => l.key === member.key && member.key !== '');
      if (!lead) throw new Error(`${story}: MQL ${member.id} has no CRM lead of the quarter`);
      return lead;
    },
    lead(name, where = () => true) {
      const lead = plan.leadCohort.find((l) => l.story === name && !takenLeads.has(l) && where(l));
      if (!lead) throw new Error(`${story}: no CRM lead of story ${name} left`);
      takenLeads.add(lead);
      return lead;
    },
    convert(lead, opportunity, date, idForm = '18') {
      const convertedDate = date ?? (opportunity ? toNewYorkDate(opportunity.createdAt) : lead.date);
      plan.conversions.push({ story, lead, convertedDate, opportunity, idForm });
    },
    role(opportunity, who, role, primary, idForm = '18') {
      const row: ContactRoleRow = { story, opportunity, idForm, role, primary, email: who.email, firstName: who.firstName, lastName: who.lastName };
      plan.roles.push(row);
      return row;
    },
    task(who, when, type, subject) {
      const row: TaskRow = { story, id: '', email: who.email, subject: subject ?? random.pick(SUBJECTS[type]), type, when, owner: random.pick(LEAD_OWNERS) };
      plan.tasks.push(row);
      return row;
    },
    spend(month, channel, dollars) {
      plan.spend.push({ story, month, channel, cents: Math.round(dollars * 100) });
    },
    reach(member, stage, record) {
      findDeclared(member, stage).add(record);
    },
    sla(member, outcome, firstTask) {
      if (plan.sla.has(member.id)) throw new Error(`${story}: the speed to lead of ${member.id} is already declared`);
      const minutes = firstTask ? (toTaskInstant(firstTask) - member.at) / MINUTE : null;
      const actual = minutes === null ? 'never' : minutes <= SLA_MINUTES ? 'met' : 'breached';
      if (actual !== outcome) throw new Error(`${story}: ${member.id} is declared ${outcome} but its first task makes it ${actual}`);
      plan.sla.set(member.id, { outcome, minutes, story });
    },
  };
}

/** The calendar date (New York) an opportunity counts at as a stage: its Created Date, or its Close Date for Won. */
export function toStageDate(stage: StageName, record: LifecycleRow | OpportunityRow): string | null {
  if ('sqlAt' in record) return record.sqlAt === null ? null : toNewYorkDate(record.sqlAt);
  return stage === 'Won' ? record.closeDate : toNewYorkDate(record.createdAt);
}
