// Refuses a plan whose stories say something their rows do not: every reach and every speed to lead is re-derived from the rows.
import { toIdentityKey } from '../createPeople';
import { addDays, SLA_MINUTES, toStageDate, toTaskInstant, WINDOW_DAYS } from './createRevenueKit';
import { FUNNELS, MQL_FUNNEL } from './revenueRecords';
import type { CohortMember, LifecycleRow, OpportunityRow, RevenuePlan, StageName } from './revenueRecords';

type Funnel = (typeof FUNNELS)[number];

/** A funnel's cohort: the net MQLs, or the net CRM leads, of the quarter. */
export function listCohort(plan: RevenuePlan, funnel: string): CohortMember[] {
  return funnel === MQL_FUNNEL ? plan.cohort : plan.leadCohort;
}

/** The stage records a story says the member reaches. */
export function listReached(plan: RevenuePlan, member: CohortMember, stage: StageName): Set<LifecycleRow | OpportunityRow> {
  return plan.reaches.get(member.funnel)?.get(member.id)?.get(stage) ?? new Set();
}

/** The records of a stage: not excluded (renewals; Won: only Closed Won) and dated; duplicates cannot occur here. */
export function listStageRecords(plan: RevenuePlan, stage: StageName): (LifecycleRow | OpportunityRow)[] {
  if (stage === 'SQL') return plan.lifecycle.filter((r) => r.sqlAt !== null);
  const newBusiness = plan.opportunities.filter((o) => o.type === 'New Business');
  return stage === 'Won' ? newBusiness.filter((o) => o.stage === 'Closed Won') : newBusiness;
}

/** The person keys a stage record is linked to: its own address (SQL), or those its funnel's link names (contact roles, conversions). */
function listLinkedKeys(plan: RevenuePlan, funnel: Funnel, record: LifecycleRow | OpportunityRow): string[] {
  if ('sqlAt' in record) return [toIdentityKey(record.email)];
  if (funnel.via === 'opportunity_people') return plan.roles.filter((r) => r.opportunity === record).map((r) => toIdentityKey(r.email));
  return plan.conversions.filter((c) => c.opportunity === record).map((c) => toIdentityKey(c.lead.email));
}

function describe(record: LifecycleRow | OpportunityRow): string {
  return 'sqlAt' in record ? `SQL ${record.id}` : `opportunity ${record.name} (${record.story})`;
}

function checkReaches(plan: RevenuePlan, funnel: Funnel, problems: string[]): void {
  const cohort = listCohort(plan, funnel.name);
  const byKey = new Map(cohort.filter((m) => m.key !== '').map((m) => [m.key, m]));
  for (const stage of funnel.stages) {
    const derived = new Map<string, Set<LifecycleRow | OpportunityRow>>();
    for (const record of listStageRecords(plan, stage)) {
      const date = toStageDate(stage, record);
      for (const key of listLinkedKeys(plan, funnel, record)) {
        const member = byKey.get(key);
        if (!member || date === null || date < member.date || date > addDays(member.date, WINDOW_DAYS)) continue;
        derived.set(member.id, (derived.get(member.id) ?? new Set()).add(record));
      }
    }
    for (const member of cohort) {
      const said = listReached(plan, member, stage);
      const is = derived.get(member.id) ?? new Set();
      const at = `${funnel.name}: ${member.id}`;
      for (const record of is) if (!said.has(record)) problems.push(`${at} reaches ${stage} ${describe(record)}, which no story declared`);
      for (const record of said) if (!is.has(record)) problems.push(`${at} is declared to reach ${stage} ${describe(record)}, but does not`);
    }
  }
}

function checkSla(plan: RevenuePlan, problems: string[]): void {
  const counted = plan.tasks.filter((t) => t.type === 'Call' || t.type === 'Email');
  for (const member of plan.cohort) {
    const declared = plan.sla.get(member.id);
    if (member.key === '') {
      if (declared) problems.push(`${member.id} has no address, so no speed to lead, but ${declared.story} declares one`);
      continue;
    }
    const after = counted.filter((t) => toIdentityKey(t.email) === member.key).map(toTaskInstant).filter((at) => at > member.at);
    const minutes = after.length === 0 ? null : (Math.min(...after) - member.at) / 60_000;
    const outcome = minutes === null ? 'never' : minutes <= SLA_MINUTES ? 'met' : 'breached';
    if (!declared || declared.outcome !== outcome || declared.minutes !== minutes) {
      problems.push(`${member.id}: speed to lead is ${outcome} (${minutes} minutes) but ${declared?.story ?? 'no story'} declares ${declared?.outcome} (${declared?.minutes})`);
    }
  }
}

export function checkRevenuePlan(plan: RevenuePlan): void {
  const problems: string[] = [];
  for (const funnel of FUNNELS) checkReaches(plan, funnel, problems);
  // A story declaring for a member of another funnel, or for nobody of its cohort, would go unnoticed above.
  for (const [funnel, members] of plan.reaches) {
    const ids = new Set(listCohort(plan, funnel).map((m) => m.id));
    for (const id of members.keys()) if (!ids.has(id)) problems.push(`${funnel}: ${id} is no cohort record of it`);
  }
  checkSla(plan, problems);
  if (problems.length > 0) throw new Error(`the revenue stories do not plant what they declare:\n${problems.join('\n')}`);
}
