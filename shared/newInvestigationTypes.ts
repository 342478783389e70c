// The new-investigation form's side of the API: what an export preview shows, and the drafts the form sends.
import type { Normalizer } from './contractTypes';
import type { AttributionModel, TouchModel } from './revenueContractTypes';
import type { DroppedRow } from './reportTypes';

export const EXPORT_PRESETS = ['hubspot', 'marketo', 'pardot', 'salesforce_report', 'salesforce_data_loader', 'spend_sheet', 'marketo_measure'] as const;
export type ExportPreset = (typeof EXPORT_PRESETS)[number];
/** What a preset's records are when they carry money: HubSpot deals, Salesforce opportunities. */
export type ExportRecords = 'deals' | 'opportunities';
/**
 * Exports that feed revenue.md rather than a bridge side: people on deals (Opportunities with Contact Roles,
 * OpportunityContactRole), leads with their conversion (Converted Opportunity ID), sales activities (tasks),
 * a spend sheet (month, channel, amount) and marketing touches (campaign members, form submissions, Marketo Measure touchpoints).
 */
export const REVENUE_EXPORT_KINDS = ['contact_roles', 'lead_conversions', 'tasks', 'spend', 'touches'] as const;
export type RevenueExportKind = (typeof REVENUE_EXPORT_KINDS)[number];

/** One sheet of a workbook, for the sheet picker: its name, size and first rows. */
export interface SheetPreview {
  name: string;
  rows: number;
  columns: string[];
  sampleRows: (string | null)[][];
}

/** How an export was read, shown so the user can see it: encoding, delimiter, title and footer lines dropped. */
export interface ExportDialect {
  encoding: string;
  delimiter?: string;
  dropped: DroppedRow[];
}

/** What the new-investigation screen needs to map an export: its header, a preset, suggestions. */
export interface ExportPreview {
  file: string;
  /** .xlsx: the sheet read, and every sheet of the workbook for the picker. */
  sheet?: string;
  sheets?: SheetPreview[];
  rows: number;
  dialect: ExportDialect;
  columns: string[];
  /** Columns whose values are non-empty and distinct on every row: candidates for the record id. */
  uniqueColumns: string[];
  /** Why the file's time zone needs the user's word (e.g. Salesforce reports use the running user's zone). */
  timezoneHint?: string;
  /** The file's time zone where its layout guarantees it (Salesforce Data Loader: UTC). */
  timezone?: string;
  /** Columns whose first values read as dates: candidates for the date that counts. */
  dateColumns?: string[];
  sampleRows: (string | null)[][];
  preset: ExportPreset | null;
  /** Deals or opportunities: the form suggests the amount as the metric's value. */
  records?: ExportRecords;
  /** Contact roles, lead conversions, tasks or spend: the form proposes the link, SLA or spend it makes. */
  kind?: RevenueExportKind;
  system: 'marketing' | 'sales' | 'finance' | 'other';
  /** Suggested canonical field -> column (key, created_date, mql_date, status...). */
  fields: Record<string, string>;
  /** Suggested id column and anchor date field. */
  id?: string;
  dateField?: string;
}

/** An exclude rule as the rule builder writes it: a name and the same SQL expression the contract holds. */
export interface RuleDraft {
  name: string;
  expression: string;
  /** The rule in plain words ("Lead Status is one of Disqualified, Junk"), e.g. for a comment above it. */
  description?: string;
}

export interface SourceDraft {
  name: string;
  system: 'marketing' | 'sales' | 'finance' | 'other';
  file: string;
  /**
   * A source of several files (a contract's `file:` as a list or a glob): each entry as the contract writes it, a path
   * or a glob, resolved against `folder` (the contract's); `file` then names the source in messages as the contract does.
   */
  files?: { folder: string; entries: string[] };
  /** .xlsx: the sheet to read (name); the first sheet when absent. */
  sheet?: string;
  timezone: string;
  id?: string;
  /** Canonical field -> column. `key` is the identity key's column; `dateField` names the anchor date's entry. */
  fields: Record<string, string>;
  metric: string;
  dateField: string;
  exclude?: RuleDraft[];
  /** The canonical field (an entry of `fields`, e.g. `amount`) the metric sums as its value (money.md); counted only when absent. */
  value?: string;
  /** The record id (`id`) is the key that says two records are the same; `fields.key` is then unused. */
  keyIsId?: boolean;
}

/** How a compared field's two values are equal (money.md `compare`): within an amount, a percentage, days, or as text. */
export const COMPARE_KINDS = ['amount', 'percent', 'days', 'text'] as const;
export type CompareKind = (typeof COMPARE_KINDS)[number];

/** One compared field of the new-investigation form, in the order the contract checks them. */
export interface CompareDraft {
  /** The canonical name both sources carry it under; `value` compares the metrics' amounts. */
  field: string;
  /** Each side's column (the field's column on that side); absent for `value`. */
  left?: string;
  right?: string;
  kind: CompareKind;
  /** A non-negative number: the amount, the percentage or the days; absent for text. */
  tolerance?: string;
  /** Text only: a left value -> the right value that means the same (HubSpot stage ids -> Salesforce stage names). */
  map?: Record<string, string>;
}

/** An export beside the two bridge sides (contact roles, tasks, spend, opportunities...): a source of the contract. */
export interface ExtraSourceDraft {
  name: string;
  system: 'marketing' | 'sales' | 'finance' | 'other';
  file: string;
  sheet?: string;
  timezone: string;
  id?: string;
  /** Canonical field -> column; `key` is the person's key (e-mail), named as on the bridge's sides so stages and SLAs find it. */
  fields: Record<string, string>;
  /** What its preset recognised it as, said in the contract's comment above it. */
  kind?: RevenueExportKind;
}

/** A metric over an extra source (Opportunity, Won...): funnel stages, SLA starts and shared metrics name metrics. */
export interface ExtraMetricDraft {
  name: string;
  source: string;
  /** A canonical field of the source: the date that counts. */
  date: string;
  /** A canonical field summed as the metric's value (an amount); counted only when absent. */
  value?: string;
  exclude?: RuleDraft[];
}

/** A link of revenue.md: the pairs of one source connecting a record's id (`from`) to a person key (`to`). */
export interface LinkDraft {
  name: string;
  source: string;
  from: string;
  to: string;
  /** `from` holds Salesforce ids, matched by their 15-character form (normalize.from: [trim, salesforce_id]). */
  salesforceIds?: boolean;
  /** A rule marking primary pairs (`is_primary = '1'`); empty: none. */
  primary?: string;
}

export interface FunnelDraft {
  name: string;
  cohort: string;
  key: string;
  stages: { metric: string; via?: string }[];
  /** Calendar days as typed; empty: revenue.md's default (365). */
  window: string;
}

/** A speed-to-lead SLA: from a metric's date to the first matching row of a tasks source, within a duration. */
export interface SlaDraft {
  name: string;
  from: string;
  source: string;
  key: string;
  date: string;
  where?: string;
  /** A whole number of `unit`s. */
  within: string;
  unit: 'hours' | 'days';
}

export interface SpendDraft {
  source: string;
  date: string;
  value: string;
  channel?: string;
}

/** revenue.md's `touches`: the source of touch rows and its fields saying who, when, through which channel (and campaign). */
export interface TouchesDraft {
  source: string;
  key: string;
  date: string;
  channel: string;
  campaign?: string;
  /** The channels that count as marketing (influenced, sourced); empty: every channel. */
  marketingChannels: string[];
}

/** A duration of the attribution form: a whole number as typed, and its unit. */
export interface DurationDraft {
  amount: string;
  unit: 'days' | 'hours';
}

/** One entry of revenue.md's `attribution`, as the form holds it. */
export interface AttributionDraft {
  name: string;
  /** The metric whose period records are the opportunities credited. */
  opportunities: string;
  /** A link reaching the opportunities' people; absent: the opportunity's own field named like touches.key. */
  via?: string;
  people: 'all' | 'primary';
  /** Empty amount: revenue.md's default (365 days). */
  lookback: DurationDraft;
  models: AttributionModel[];
  /** time_decay's half-life (written only with time_decay). */
  halfLife: DurationDraft;
  /** w_shaped's milestone metric (written only with w_shaped). */
  milestone?: string;
  /** self_reported: the opportunities' field holding the answer, and answer -> channel (written only with self_reported). */
  selfReportedField?: string;
  selfReportedMap?: Record<string, string>;
  /** sourced.crm: a rule over the opportunity's fields; empty: not written. */
  sourcedCrm?: string;
  /** sourced.touches: the touch model whose largest share decides; absent: not written (first_touch when crm is). */
  sourcedTouches?: TouchModel;
}

/** revenue.md's additions as the form declares them; written after the bridge, parsed like any contract. */
export interface RevenueDraft {
  sources: ExtraSourceDraft[];
  metrics: ExtraMetricDraft[];
  links: LinkDraft[];
  funnels: FunnelDraft[];
  sla: SlaDraft[];
  spend?: SpendDraft;
  /** shared_metrics: the won deals of the period (required by shared_metrics, written with an SLA or spend), lost and opportunities. */
  wonMetric?: string;
  lostMetric?: string;
  opportunityMetric?: string;
  /** A field of the won and lost metrics' source the win rate is grouped by (lead_source). */
  winRateBy?: string;
  /** How touch rows are read, and the attribution entries crediting them. */
  touches?: TouchesDraft;
  attribution?: AttributionDraft[];
}

export interface NewInvestigation {
  title: string;
  /** Where to write the contract file (.recon.yaml). */
  contractPath: string;
  timezone: string;
  from: string;
  to: string;
  left: SourceDraft;
  right: SourceDraft;
  /** Identity normalisers; [trim, lowercase] when absent. */
  normalize?: Normalizer[];
  /** reporting.currency (an ISO code) when the metrics have values. */
  currency?: string;
  /** reporting.rates: currency -> units of `currency` for one unit, as decimal text. */
  rates?: Record<string, string>;
  /** The compare fields of the bridge, in order (money.md). */
  compare?: CompareDraft[];
  /** Extra exports, links, funnels, SLAs and spend (revenue.md). */
  revenue?: RevenueDraft;
}

/** A problem with one field of the new-investigation form, by its path (`title`, `left.fields.key`, `right.timezone`...). */
export interface FieldProblem {
  field: string;
  message: string;
  /** A value that would fix it (e.g. America/Sao_Paulo for `Sao Paulo`). */
  suggestion?: string;
}

/** How the first values of a column read as dates in a time zone, for the date picker's preview. */
export interface DatePreview {
  column: string;
  values: { exported: string; reporting: string | null }[];
  /** Non-empty values of the whole column that do not read as a date, and how many are non-empty. */
  unreadable: number;
  nonEmpty: number;
  /** The first distinct values that do not read as dates (up to 6: a sixth says there are more), for the message next to the date's column. */
  unreadableExamples?: string[];
}

/** A folder of the user's, as the browser shell's file picker shows it. */
/** What a folder listing offers besides folders: exports (the new-investigation form) or contract files (a pilot to compare). */
export const FOLDER_ACCEPTS = ['exports', 'contracts'] as const;
export type FolderAccept = (typeof FOLDER_ACCEPTS)[number];

export interface FolderListing {
  folder: string;
  /** null at the top of what may be browsed. */
  parent: string | null;
  entries: { name: string; path: string; kind: 'folder' | 'file' }[];
}

/** How many records of an export a rule would remove. */
export interface RuleCount {
  matched: number;
  total: number;
}

/** One value of a column and how many records hold it (the rule builder's suggestions). */
export interface ValueCount {
  value: string;
  count: number;
}
