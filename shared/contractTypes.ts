// The metrics contract (spec/contract.md) as plain data, after loading and validation.
import type { RevenueSpec } from './revenueContractTypes';

export const SYSTEMS = ['marketing', 'sales', 'finance', 'other'] as const;
export type SystemKind = (typeof SYSTEMS)[number];

export const NORMALIZERS = ['trim', 'lowercase', 'strip_plus_tag', 'gmail_dots', 'digits_only', 'salesforce_id'] as const;
export type Normalizer = (typeof NORMALIZERS)[number];

export const DEDUPE_KEEPS = ['earliest', 'latest', 'first_row'] as const;
export type DedupeKeep = (typeof DEDUPE_KEEPS)[number];

/** What a duplicate group's survivor carries as its value (money.md): its own, or the sum of the group's. */
export const DEDUPE_VALUES = ['survivor', 'sum'] as const;
export type DedupeValues = (typeof DEDUPE_VALUES)[number];

/** Which character separates the cents in a source's amounts: `12,500.00` is point, `12.500,00` is comma. */
export const DECIMAL_MARKS = ['point', 'comma'] as const;
export type DecimalMark = (typeof DECIMAL_MARKS)[number];

/** Order of day and month in slashed dates, when the file alone cannot tell. */
export type DateOrder = 'MDY' | 'DMY';

export interface SourceSpec {
  name: string;
  system: SystemKind;
  /** The path as written in the contract, relative to the contract file (a list is written here joined with ', '). */
  file: string;
  /** A source of several files (`file:` as a list or a glob): each path or glob as written, in contract order. */
  files?: string[];
  /** .xlsx only: sheet name or 1-based index. */
  sheet?: string | number;
  /** IANA zone for timestamps without an offset. */
  timezone: string;
  /** Column whose value identifies a row; absent: the 1-based data row number. */
  id?: string;
  /** Canonical field name -> column header in the file. */
  fields: Record<string, string>;
  dateFormat?: DateOrder;
  /** How amounts are written; detected per column when absent (money.md). */
  decimal?: DecimalMark;
  /** 1-based line of the source's key in the contract file, for messages. */
  line: number;
  /** 1-based lines of the `file` and `id` keys and of each `fields` entry, for messages about the file. */
  fileLine?: number;
  idLine?: number;
  fieldLines?: Record<string, number>;
}

export interface RuleSpec {
  name: string;
  expression: string;
  line: number;
}

export interface MetricSpec {
  name: string;
  source: string;
  date: string;
  exclude: RuleSpec[];
  dedupe: DedupeKeep;
  /** money.md: `survivor` (default) or `sum` of the group's non-empty values. */
  dedupeValues: DedupeValues;
  /** The canonical field summed as the metric's value (money.md); absent: counted only. */
  value?: string;
  line: number;
}

/** How a reconcile entry's two sides are matched: a canonical field (or `id`) of each side's source. */
export interface MatchSpec {
  left: string;
  right: string;
  normalize: Normalizer[];
  /** The entry has no `match` of its own: this is the contract's `identity` (line: identity's key). */
  fromIdentity: boolean;
  line: number;
}

/**
 * One compared field of matched pairs (money.md): `amount` for the metric's `value` and any field with a
 * numeric or percent tolerance, `date` with a tolerance in days, `text` otherwise (after `map`).
 */
export type CompareSpec =
  | { field: string; kind: 'amount'; tolerance: { absolute: string } | { percent: string }; line: number }
  | { field: string; kind: 'date'; days: number; line: number }
  | { field: string; kind: 'text'; map: Record<string, string>; line: number };

export interface ReconcileSpec {
  name: string;
  left: string;
  right: string;
  /** Each side's key; the contract's `identity` when the entry has no `match`. */
  match: MatchSpec;
  /** Ordered: a matched pair's reason is the first of these that differs. */
  compare: CompareSpec[];
  line: number;
}

export interface Contract {
  title: string;
  version: string;
  owner?: string;
  signedOffBy?: string[];
  reporting: {
    timezone: string;
    from: string;
    to: string;
    /** ISO code every value is reported in; absent: values are taken as they are. */
    currency?: string;
    /** ISO code -> units of `currency` for 1 unit, as exact decimal text ("1.08"). */
    rates: Record<string, string>;
    /** Lines of `reporting.currency` / `reporting.rates`, for messages found while reading amounts. */
    currencyLine?: number;
    ratesLine?: number;
  };
  sources: SourceSpec[];
  /** Optional when every reconcile entry has its own `match` (money.md). */
  identity?: { key: string; normalize: Normalizer[] };
  metrics: MetricSpec[];
  reconcile: ReconcileSpec[];
  /** revenue.md: links, funnels, touches, attribution, shared metrics; absent when the contract has none of them. */
  revenue?: RevenueSpec;
}
