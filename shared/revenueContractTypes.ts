// The contract additions of spec/revenue.md (links, funnels, touches, attribution, shared metrics, SLAs) as plain data.
import type { Normalizer } from './contractTypes';

/** `N days` or `N hours` as written (kept for `depends_on`), and its length in hours. */
export interface DurationSpec {
  text: string;
  hours: number;
}

/** Pairs connecting records of different grain (an opportunity and the people on it). */
export interface LinkSpec {
  name: string;
  /** The source holding one row per pair. */
  source: string;
  /** Canonical field of `source` holding the linked record's id (matched against the linked metric's source id). */
  from: string;
  /** Canonical field of `source` holding the person key. */
  to: string;
  /** Default [trim]. */
  normalizeFrom: Normalizer[];
  /** Absent: the contract's identity.normalize, else [trim, lowercase]. */
  normalizeTo?: Normalizer[];
  /** A rule over `source`'s fields marking primary pairs (used only by attribution's `people: primary`). */
  primary?: string;
  /** Line of `primary`, for messages about the rule. */
  primaryLine?: number;
  line: number;
}

export interface FunnelStageSpec {
  metric: string;
  /** A link name: the stage's records reach the people the link names; absent: the stage metric shares the key. */
  via?: string;
  line: number;
}

export interface FunnelSpec {
  name: string;
  /** The metric whose net records (period step kept) start the funnel. */
  cohort: string;
  /** Canonical field of the cohort's source that stages link on. */
  key: string;
  stages: FunnelStageSpec[];
  /** Calendar days (default 365) and the text written (`270 days`), for depends_on. */
  windowDays: number;
  windowText: string;
  line: number;
}

export interface TouchesSpec {
  source: string;
  key: string;
  date: string;
  channel: string;
  campaign?: string;
  /** Absent: every channel counts as marketing. */
  marketingChannels?: string[];
  line: number;
}

export const ATTRIBUTION_MODELS = ['first_touch', 'last_touch', 'linear', 'u_shaped', 'w_shaped', 'time_decay', 'self_reported'] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];
/** The models that credit touches (self_reported credits the opportunity's own field). */
export type TouchModel = Exclude<AttributionModel, 'self_reported'>;

export interface AttributionSpec {
  name: string;
  /** A metric, usually with a value: its net records (period step kept) are the opportunities. */
  opportunities: string;
  via?: string;
  people: 'all' | 'primary';
  lookback: DurationSpec;
  models: AttributionModel[];
  halfLife?: DurationSpec;
  /** W-shaped milestone metric. */
  milestone?: string;
  /** `map`'s keys are stored trimmed and lowercased (answers are looked up that way); its values as written. */
  selfReported?: { field: string; map: Record<string, string> };
  /** `crmLine`: the line of `sourced.crm`, for messages about the rule. */
  sourced?: { crm?: string; crmLine?: number; touches?: TouchModel };
  line: number;
}

export interface SlaSpec {
  name: string;
  /** A metric: its date per person starts the clock. */
  from: string;
  /** `whereLine`: the line of `to.where`, for messages about the rule. */
  to: { source: string; key: string; date: string; where?: string; whereLine?: number };
  within: DurationSpec;
  line: number;
}

export interface SpendSpec {
  source: string;
  date: string;
  value: string;
  channel?: string;
  line: number;
}

export interface SharedMetricsSpec {
  periodMetric: string;
  lost?: string;
  opportunities?: string;
  /** An attribution entry's name; absent: the first attribution entry. */
  sourcedBy?: string;
  winRateBy?: string;
  spend?: SpendSpec;
  sla: SlaSpec[];
  line: number;
}

/** Everything revenue.md adds to a contract; empty lists and absent keys when the contract has none of it. */
export interface RevenueSpec {
  links: LinkSpec[];
  funnels: FunnelSpec[];
  touches?: TouchesSpec;
  attribution: AttributionSpec[];
  sharedMetrics?: SharedMetricsSpec;
}
