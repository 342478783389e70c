// The report of `recon metrics --json` (spec/revenue.md, "Command line and report"): funnels, attribution, shared metrics, SLAs.
import type { AttributionModel, TouchModel } from './revenueContractTypes';

/** A fact: records selected by the contract's rules. An interpretation: depends on a model or an allocation. */
export type Basis = 'fact' | 'interpretation';

export interface IdCount {
  count: number;
  ids: string[];
}

export interface ValuedIdCount extends IdCount {
  value: number;
}

export interface FunnelStageReport {
  metric: string;
  reached: number;
  /** Cohort ids counted at this stage. */
  reached_ids: string[];
  /** The distinct stage records the counted cohort records reach. */
  ids: string[];
  /** Sum of the values of `ids`; null when the stage metric has no value. */
  value: number | null;
  conversion_from_previous: number | null;
  conversion_from_cohort: number | null;
  median_days: number | null;
  p90_days: number | null;
  dropped: string[];
  skipped: string[];
  outside_cohort: string[];
  /** Only in a report without its lists (getMetricsReport({ ids: false })): the length of each list left empty. */
  sizes?: { ids: number; dropped: number; skipped: number; outside_cohort: number };
}

export interface FunnelReport {
  name: string;
  basis: Basis;
  depends_on: string;
  cohort: { metric: string; count: number; ids: string[] };
  stages: FunnelStageReport[];
}

export interface CreditLine {
  channel: string;
  campaign: string | null;
  credit: number;
  opportunities: number;
  ids: string[];
}

export const SOURCED_LINES = ['both', 'crm_only', 'touches_only', 'neither'] as const;
export type SourcedLine = (typeof SOURCED_LINES)[number];

/**
 * One cell of the self-reported vs touch-based matrix (an extension of revenue.md's report): the opportunities whose
 * self-reported channel is `reported` and whose largest share under the touch model (ties: the earliest touch) is on
 * `touched` (`No touch` without touches). Value as the credits count it (1 per opportunity without a value).
 */
export interface AgreementCell extends ValuedIdCount {
  reported: string;
  touched: string;
}

export interface AttributionReport {
  name: string;
  basis: Basis;
  depends_on: string;
  total: number;
  no_touch: ValuedIdCount;
  /** Per model in the contract's order; each line's ids are the opportunities giving it a share above 0. */
  models: Partial<Record<AttributionModel, CreditLine[]>>;
  /** Empty lines (count 0) when the entry has no `sourced`. */
  sourced: Record<SourcedLine, ValuedIdCount>;
  influenced: ValuedIdCount;
  /** Extension: present when the models include self_reported; one matrix per touch model of the entry. */
  agreement?: Partial<Record<TouchModel, AgreementCell[]>>;
}

export const SHARED_METRIC_NAMES = ['marketing_sourced_revenue', 'lead_to_revenue', 'win_rate', 'pipeline_velocity', 'cac'] as const;
export type SharedMetricName = (typeof SHARED_METRIC_NAMES)[number];

export interface SharedMetricReport {
  name: SharedMetricName;
  by: string | null;
  value: number | null;
  /** win_rate: won value / (won + lost value). */
  value_rate?: number | null;
  /** pipeline_velocity: the four numbers it is made of. */
  inputs?: { opportunities: number; win_rate: number | null; average_won_value: number | null; average_days: number | null };
  basis: Basis;
  depends_on: string;
  ids: string[];
  /** Only in a report without its lists (getMetricsReport({ ids: false })): how many ids `ids` holds in the full report. */
  count?: number;
}

export interface SlaReport {
  name: string;
  basis: Basis;
  depends_on: string;
  median_minutes: number | null;
  p90_minutes: number | null;
  met_share: number | null;
  met: IdCount;
  breached: IdCount;
  never: IdCount;
}

export interface MetricsReport {
  contract: { title: string; version: string };
  /** reporting.currency, null when the contract has none. */
  currency: string | null;
  funnels: FunnelReport[];
  attribution: AttributionReport[];
  shared_metrics: SharedMetricReport[];
  sla: SlaReport[];
}

export const FUNNEL_LISTS = ['cohort', 'reached', 'ids', 'dropped', 'skipped', 'outside_cohort'] as const;
export type FunnelList = (typeof FUNNEL_LISTS)[number];
export const SLA_LISTS = ['met', 'breached', 'never'] as const;
export type SlaList = (typeof SLA_LISTS)[number];

/** An attribution entry's lists that are not credit lines: the opportunities without touches, influenced, and the sourced bridge's lines. */
export const ATTRIBUTION_LISTS = ['no_touch', 'influenced', ...SOURCED_LINES] as const;
export type AttributionList = (typeof ATTRIBUTION_LISTS)[number];

/**
 * One list of a metrics report, to page its records: a funnel's cohort or one of a stage's lists (stage 1 is the first
 * stage; `cohort` takes no stage), an SLA's outcome, a shared metric's `ids` (`by` as in the report), an attribution
 * credit line's opportunities or the touches giving it its share (`campaign` null for the channel line), one of an
 * attribution entry's other lists, or one cell of its agreement matrix.
 */
export type MetricListQuery =
  | { funnel: string; stage?: number; list: FunnelList }
  | { sla: string; list: SlaList }
  | { shared: SharedMetricName; by: string | null }
  | { attribution: string; model: AttributionModel; channel: string; campaign: string | null; list: 'opportunities' | 'touches' }
  | { attribution: string; list: AttributionList }
  | { attribution: string; agreement: TouchModel; reported: string; touched: string };

/** One touch of an opportunity as attribution reads it (the inspector's timeline), with what each model gives it. */
export interface DealTouch {
  /** The touch record's own id (its source's `id`, or its row's). */
  id: string;
  /** Data row number in the touch source (ties in time are ordered by it). */
  row: number;
  /** `YYYY-MM-DD HH:MM` in reporting.timezone. */
  instant: string;
  channel: string;
  campaign: string | null;
  /** The person key it was found through. */
  person: string;
  /** Within the lookback, before the deal: counted. Otherwise why not. */
  status: 'counted' | 'after_deal' | 'before_lookback';
  /** Counted touches: per touch model of the entry, the fraction of the opportunity's value it gets (0 to 1). */
  shares: Partial<Record<TouchModel, number>>;
  /** Counted touches: per touch model, the credit in the reporting currency (not rounded: lines are rounded once). */
  credits: Partial<Record<TouchModel, number>>;
}

/** One opportunity of an attribution entry, with every touch of its people (the inspector's attribution timeline). */
export interface DealTouches {
  attribution: string;
  opportunity: { id: string; instant: string; value: number };
  /** The person keys its touches are looked up by (as `people` selects them). */
  people: string[];
  /** Counted touches first in credit order, then the others by instant. */
  touches: DealTouch[];
  /** W-shaped: the milestone touch's id, null when none or the model is not asked. */
  milestone: string | null;
  /** Self-reported: the answer as written and the channel it maps to; null when the model is not asked. */
  selfReported: { answer: string | null; channel: string } | null;
  /** Whether the CRM rule and the touch model call it sourced, and whether a marketing touch influenced it. */
  sourced: { crm: boolean | null; touches: boolean | null; influenced: boolean };
}

/** One stage record a cohort record reaches within the funnel's window: its calendar date (reporting.timezone) and value (as the report sums it; null without one). */
export interface TimelineRecord {
  id: string;
  date: string;
  value: number | null;
}

/** A dated path of one cohort record (the inspector's timeline): what it reaches at each stage, and its SLA clocks. */
export interface PersonTimeline {
  funnel: string;
  cohort: { metric: string; id: string; date: string };
  /** Per stage in order: how it is reached (`directly by <key>` or `via <link>`) and the records reached, earliest first. */
  stages: { metric: string; how: string; records: TimelineRecord[] }[];
  /** SLAs whose `from` is the cohort metric: the first qualifying row after the record (instant in reporting.timezone, `YYYY-MM-DD HH:MM`), or null. */
  sla: { name: string; outcome: SlaList; task: { id: string; instant: string; minutes: number } | null }[];
}

export type StageOutcome = 'reached' | 'skipped' | 'dropped' | 'not reached';

/** A record's path through the metrics report (the inspector's path): per funnel whose cohort holds it, its outcome at each stage, and its SLA outcomes. */
export interface PersonPath {
  funnels: { name: string; cohort: string; stages: { metric: string; outcome: StageOutcome }[] }[];
  sla: { name: string; outcome: SlaList }[];
}
