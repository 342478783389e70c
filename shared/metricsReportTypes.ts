// The report of `recon metrics --json` (spec/revenue.md, "Command line and report"): funnels, attribution, shared metrics, SLAs.

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

export interface AttributionReport {
  name: string;
  basis: Basis;
  depends_on: string;
  total: number;
  no_touch: ValuedIdCount;
  models: Partial<Record<string, CreditLine[]>>;
  sourced: { both: ValuedIdCount; crm_only: ValuedIdCount; touches_only: ValuedIdCount; neither: ValuedIdCount };
  influenced: ValuedIdCount;
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

/**
 * One list of a metrics report, to page its records: a funnel's cohort or one of a stage's lists (stage 1 is the first
 * stage; `cohort` takes no stage), an SLA's outcome, or a shared metric's `ids` (`by` as in the report).
 */
export type MetricListQuery =
  | { funnel: string; stage?: number; list: FunnelList }
  | { sla: string; list: SlaList }
  | { shared: SharedMetricName; by: string | null };

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
