// The plain rows the reference reading of spec/revenue.md takes: records already stepped (contract.md), keys normalised, dates typed.
import type { AttributionModel, TouchModel } from '../../../shared/revenueContractTypes';

/** contract.md's steps; `out_of_period` covers outside_period, missing_date and unreadable_date alike. */
export type Step = 'net' | 'excluded' | 'duplicate' | 'out_of_period';

/** A value with no time of day is a calendar date (`YYYY-MM-DD`); one with a time is an instant (ms since the epoch). */
export type When = { date: string } | { instant: number };

export interface RefRecord {
  /** The record's own id, as reports list it. */
  id: string;
  /** The person key normalised with identity.normalize; null when empty. */
  key: string | null;
  /** The id normalised with the links' `normalize.from`: what a link's `from` is matched against. */
  linkId: string;
  /** The metric's date; null when empty or unreadable. */
  when: When | null;
  /** The metric's value in cents; null when empty (counts 0) or when the metric has no value. */
  cents: number | null;
  step: Step;
  /** The row's canonical fields as written, for `win_rate_by` and the CRM rule. */
  fields: Record<string, string>;
}

export interface RefMetric {
  name: string;
  source: string;
  hasValue: boolean;
  /** Every row of the source, stepped under this metric. */
  records: RefRecord[];
}

/**
 * A link's pairs, both sides normalised (`from` with normalize.from, `to` with the link's or identity's normalize); empty is null.
 * `primary`: the link's `primary` rule holds on the row (absent: the link has no rule).
 */
export interface RefLink {
  name: string;
  pairs: { from: string | null; to: string | null; primary?: boolean }[];
}

export interface RefFunnel {
  name: string;
  cohort: string;
  stages: { metric: string; via?: string }[];
  windowDays: number;
  windowText: string;
}

/** A row of an SLA's `to` source: its key normalised, its date, and whether `where` holds on it. */
export interface RefSlaRow {
  key: string | null;
  when: When | null;
  matches: boolean;
}

export interface RefSla {
  name: string;
  from: string;
  rows: RefSlaRow[];
  withinMinutes: number;
  withinText: string;
}

export interface RefSharedMetrics {
  periodMetric: string;
  lost?: string;
  opportunities?: string;
  /** Canonical field of the won and lost metrics' source. */
  winRateBy?: string;
  /** The `sourced_by` attribution entry's CRM rule, read in TypeScript, and its opportunities metric. */
  sourcedCrm?: { opportunities: string; holds: (fields: Record<string, string>) => boolean };
  /** Spend rows: their date (`YYYY-MM` already read as its first day), amount in cents, and channel as written (absent: not mapped). */
  spend?: { when: When | null; cents: number | null; channel?: string }[];
  /** The attribution entry whose `sourced` decides (`sourced_by`); absent: the first entry. */
  sourcedBy?: string;
}

/** A row of touches.source: its data row number (1 = first), key normalised with identity.normalize, date, channel and campaign as written. */
export interface RefTouchRow {
  row: number;
  key: string | null;
  when: When | null;
  channel: string;
  /** Null when touches.campaign is not mapped. */
  campaign: string | null;
}

export interface RefTouches {
  rows: RefTouchRow[];
  campaignMapped: boolean;
  /** Absent: every channel is marketing. */
  marketingChannels?: string[];
}

export interface RefAttribution {
  name: string;
  opportunities: string;
  /** A link name; absent: the opportunity's own key (RefRecord.key) is its one person. */
  via?: string;
  people: 'all' | 'primary';
  lookbackHours: number;
  lookbackText: string;
  models: AttributionModel[];
  halfLifeHours?: number;
  /** The W-shaped milestone metric; its records' `key` is their person key. */
  milestone?: string;
  /** `map` keys trimmed and lowercased, as answers are looked up. */
  selfReported?: { field: string; map: Record<string, string> };
  /** Absent: no `sourced` (four empty lines). `crm` absent: never CRM-sourced; `touches` absent: first_touch. */
  sourced?: { crm?: (fields: Record<string, string>) => boolean; touches?: TouchModel };
}

export interface RevenueInput {
  title: string;
  version: string;
  currency: string | null;
  timezone: string;
  period: { from: string; to: string };
  metrics: RefMetric[];
  links: RefLink[];
  funnels: RefFunnel[];
  sla: RefSla[];
  shared?: RefSharedMetrics;
  touches?: RefTouches;
  attribution?: RefAttribution[];
}
