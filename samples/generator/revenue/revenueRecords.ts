// The rows of the quarter's revenue exports as the stories plan them, and what each story declares they must give.

/** The funnel's stages, in order (the contract's metric names). */
export const STAGES = ['SQL', 'Opportunity', 'Won'] as const;
export type StageName = (typeof STAGES)[number];

/** A net MQL of the quarter: a cohort record of the funnel and a record the speed-to-lead clock starts for. */
export interface CohortMember {
  /** HubSpot Record ID. */
  id: string;
  /** The identity key (trim, lowercase, strip_plus_tag); '' when the contact has no address. */
  key: string;
  email: string;
  firstName: string;
  lastName: string;
  company: string;
  mqlAt: number;
  /** Calendar date of mqlAt in New York (YYYY-MM-DD). */
  date: string;
  /** The bridge story that planted the contact. */
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
  cohort: CohortMember[];
  lifecycle: LifecycleRow[];
  opportunities: OpportunityRow[];
  roles: ContactRoleRow[];
  tasks: TaskRow[];
  spend: SpendRow[];
  /** Per cohort id and stage, the stage records the story says the member reaches (dated, in the window, not excluded). */
  reaches: Map<string, Map<StageName, Set<LifecycleRow | OpportunityRow>>>;
  sla: Map<string, SlaDeclaration>;
}
