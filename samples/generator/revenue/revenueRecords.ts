// The rows of the quarter's revenue exports as the stories plan them, and what each story declares they must give.

/** Every stage metric of the contract's funnels. */
export type StageName = 'SQL' | 'Opportunity' | 'Won';

export const MQL_FUNNEL = 'Q3 MQLs to revenue';
export const LEAD_FUNNEL = 'Q3 CRM leads to revenue';

/** The contract's funnels: the metric of the cohort, the stages in order and the link they go through. */
export const FUNNELS: { name: string; cohort: string; stages: StageName[]; via: string }[] = [
  { name: MQL_FUNNEL, cohort: 'MQL', stages: ['SQL', 'Opportunity', 'Won'], via: 'opportunity_people' },
  { name: LEAD_FUNNEL, cohort: 'CRM Lead', stages: ['Opportunity', 'Won'], via: 'converted_leads' },
];

/**
 * A cohort record of a funnel: a net MQL of the quarter (also a record the speed-to-lead clock starts for),
 * or a net CRM lead of the quarter.
 */
export interface CohortMember {
  funnel: string;
  /** HubSpot Record ID or Salesforce Lead ID. */
  id: string;
  /** The identity key (trim, lowercase, strip_plus_tag); '' when the contact has no address. */
  key: string;
  email: string;
  firstName: string;
  lastName: string;
  company: string;
  /** The instant its metric dates it by: the MQL date, or the lead's Create Date. */
  at: number;
  /** Calendar date of `at` in New York (YYYY-MM-DD). */
  date: string;
  /** The bridge story that planted the record. */
  story: string;
}

/** A person as the CRM's contact roles and tasks name them. */
export interface Named {
  email: string;
  firstName: string;
  lastName: string;
}

/** A row of HubSpot's lifecycle export: a contact of hubspot_contacts.csv (same Record ID) with its SQL date. */
export interface LifecycleRow extends Named {
  story: string;
  id: string;
  lifecycleStage: string;
  mqlAt: number | null;
  /** Null: the stage was set without the date (a record with no date never reaches a stage). */
  sqlAt: number | null;
}

export interface OpportunityRow {
  story: string;
  /** Given once every story has planted, in order of creation. */
  id: string;
  name: string;
  account: string;
  type: 'New Business' | 'Existing Business';
  /** '' when sales left it empty. */
  leadSource: string;
  stage: string;
  cents: number;
  createdAt: number;
  /** Calendar date (YYYY-MM-DD), as Salesforce keeps it. */
  closeDate: string;
  owner: string;
}

export interface ContactRoleRow extends Named {
  story: string;
  opportunity: OpportunityRow;
  /** How the report writes the opportunity id: its 18 characters or the 15 of a URL. */
  idForm: '15' | '18';
  role: string;
  primary: boolean;
}

/** A row of the CRM's lead conversions report: the lead, when it was converted, and the opportunity it became (if any). */
export interface ConversionRow {
  story: string;
  lead: CohortMember;
  /** Calendar date (YYYY-MM-DD). */
  convertedDate: string;
  /** Null: converted to a contact and account only. */
  opportunity: OpportunityRow | null;
  idForm: '15' | '18';
}

/** A completed sales activity: with a time of day, or a calendar date only. */
export interface TaskRow {
  story: string;
  id: string;
  email: string;
  subject: string;
  type: 'Call' | 'Email' | 'Meeting' | 'Other';
  when: { at: number } | { date: string };
  owner: string;
}

export interface SpendRow {
  story: string;
  /** YYYY-MM. */
  month: string;
  channel: string;
  cents: number;
}

export type SlaOutcome = 'met' | 'breached' | 'never';

/** What a story intends for one cohort member's speed to lead: the first touch that counts, if any. */
export interface SlaDeclaration {
  outcome: SlaOutcome;
  /** Minutes from the MQL to the first counted task; null when never. */
  minutes: number | null;
  story: string;
}

export interface RevenuePlan {
  /** The net MQLs of the quarter. */
  cohort: CohortMember[];
  /** The net CRM leads of the quarter. */
  leadCohort: CohortMember[];
  lifecycle: LifecycleRow[];
  opportunities: OpportunityRow[];
  roles: ContactRoleRow[];
  conversions: ConversionRow[];
  tasks: TaskRow[];
  spend: SpendRow[];
  /** Per funnel, cohort id and stage, the stage records the story says the member reaches (dated, in the window, not excluded). */
  reaches: Map<string, Map<string, Map<StageName, Set<LifecycleRow | OpportunityRow>>>>;
  sla: Map<string, SlaDeclaration>;
}
