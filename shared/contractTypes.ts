// The metrics contract (spec/contract.md) as plain data, after loading and validation.

export const SYSTEMS = ['marketing', 'sales', 'finance', 'other'] as const;
export type SystemKind = (typeof SYSTEMS)[number];

export const NORMALIZERS = ['trim', 'lowercase', 'strip_plus_tag', 'gmail_dots', 'digits_only'] as const;
export type Normalizer = (typeof NORMALIZERS)[number];

export const DEDUPE_KEEPS = ['earliest', 'latest', 'first_row'] as const;
export type DedupeKeep = (typeof DEDUPE_KEEPS)[number];

/** Order of day and month in slashed dates, when the file alone cannot tell. */
export type DateOrder = 'MDY' | 'DMY';

export interface SourceSpec {
  name: string;
  system: SystemKind;
  /** The path as written in the contract, relative to the contract file. */
  file: string;
  /** .xlsx only: sheet name or 1-based index. */
  sheet?: string | number;
  /** IANA zone for timestamps without an offset. */
  timezone: string;
  /** Column whose value identifies a row; absent: the 1-based data row number. */
  id?: string;
  /** Canonical field name -> column header in the file. */
  fields: Record<string, string>;
  dateFormat?: DateOrder;
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
  line: number;
}

export interface ReconcileSpec {
  name: string;
  left: string;
  right: string;
  line: number;
}

export interface Contract {
  title: string;
  version: string;
  owner?: string;
  signedOffBy?: string[];
  reporting: { timezone: string; from: string; to: string };
  sources: SourceSpec[];
  identity: { key: string; normalize: Normalizer[] };
  metrics: MetricSpec[];
  reconcile: ReconcileSpec[];
}
