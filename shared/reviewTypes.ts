// The reviewer's records of spec/review.md: decisions and sign-offs (the decisions file), revisions, comparisons, and what the screens read of them.
import type { MetricListQuery } from './metricsReportTypes';
import type { BucketKind, Side } from './reportTypes';

export const DECISION_STATUSES = ['explained', 'accepted', 'disputed', 'follow_up'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** An input file as a decision or sign-off saw it: review.md's `inputs`. */
export interface InputStamp {
  source: string;
  /** The path as the contract writes it. */
  file: string;
  sha256: string;
}

/**
 * One line of `<contract file name>.decisions.jsonl`, in full (review.md). A line decision has `record: null`;
 * a record decision names the record's id and its bucket at the time; a sign-off has status `signed_off`,
 * `side`, `kind`, `reason`, `record`, `count` and `value` null, and `report_sha256`.
 */
export interface DecisionLine {
  reconciliation: string;
  side: Side | null;
  kind: BucketKind | null;
  reason: string | null;
  record: string | null;
  status: DecisionStatus | 'signed_off';
  note: string;
  by: string;
  at: string;
  version: string;
  contract_sha256: string;
  inputs: InputStamp[];
  count: number | null;
  value: number | null;
  /** Sign-offs only: the digest of the reconciliation's report (review.md, "Sign-off"). */
  report_sha256?: string;
  /** Sign-offs only, an extension: every non-empty bridge line's count (and value) as signed, so a sign-off that no longer holds can name the lines that changed. */
  lines?: { side: Side; kind: BucketKind; reason: string; count: number; value: number | null }[];
  /**
   * An extension: a decision on one list of the metrics report (a funnel stage's dropped list, an attribution
   * credit line, an SLA's breached list...). `reconciliation` then holds the funnel, attribution or SLA name and
   * `side`, `kind`, `reason`, `record` are null; `count` is the list's length at the time.
   */
  list?: MetricListQuery;
}

/** A line of the decisions file as read: the decision, or the text it could not be read from and why. */
export interface DecisionFileLine {
  /** 1-based line number in the file. */
  line: number;
  text: string;
  decision: DecisionLine | null;
  /** Why the line could not be read (bad JSON, a missing or wrong field); absent when it was read. */
  problem?: string;
}

/** What a decision is about: a bridge line, one record, or one metrics list. */
export type DecisionTarget =
  | { reconciliation: string; side: Side; kind: BucketKind; reason: string }
  | { reconciliation: string; side: Side; record: string }
  | { list: MetricListQuery };

/** A target's current decision, its earlier ones (oldest first) and, when stale, what changed (one sentence each). */
export interface DecisionState {
  current: DecisionLine;
  /** 1-based line of `current` in the decisions file. */
  line: number;
  history: DecisionLine[];
  stale: string[];
}

/** One non-empty bridge line of a reconciliation with its decision (null when none). */
export interface LineReview {
  side: Side;
  kind: BucketKind;
  reason: string;
  count: number;
  value?: number;
  decision: DecisionState | null;
}

/** The latest sign-off of a reconciliation and whether everything it stamped still holds. */
export interface SignOffState {
  by: string;
  at: string;
  version: string;
  holds: boolean;
  /** What no longer holds (the contract, an input file by name, bridge lines), empty while it holds. */
  changes: string[];
}

export interface ReconciliationReview {
  name: string;
  /** Every non-empty bridge line, in report order, disputed ones first. */
  lines: LineReview[];
  /** Non-empty lines with a current, not stale decision (review.md's "N of M"). */
  decided: number;
  total: number;
  /** Current record decisions of this reconciliation, keyed `side:record`. */
  records: Record<string, DecisionState>;
  signOff: SignOffState | null;
}

/** Everything the screens show of the review of the open investigation. */
export interface ReviewState {
  /** The decisions file's path (it may not exist yet). */
  file: string;
  reviewer: string | null;
  /** The contract's version field. */
  version: string;
  reconciliations: ReconciliationReview[];
  /** Current decisions on metrics lists, by the JSON of their query. */
  lists: Record<string, DecisionState>;
  /** Lines of the decisions file that could not be read: kept in the file, listed here. */
  unreadable: DecisionFileLine[];
}

/** One applied contract text, kept in the investigation. */
export interface RevisionSummary {
  /** 1-based, in the order they were applied. */
  number: number;
  at: string;
  by: string | null;
  version: string;
  sha256: string;
}

export interface Revision extends RevisionSummary {
  text: string;
}

/** One side of a comparison: a kept revision, the open contract as saved, or another contract file over the same exports (a pilot). */
export type ContractRef = { revision: number } | { open: true } | { file: string };

/** review.md's `recon diff --json`: one contract's identity. */
export interface ComparedContract {
  title: string;
  version: string;
  sha256: string;
}

export interface ComparedCount {
  count: number;
  value?: number;
}

export interface ComparedLine {
  side: Side;
  kind: BucketKind;
  reason: string;
  a: ComparedCount;
  b: ComparedCount;
}

export interface BucketRef {
  kind: BucketKind;
  reason: string;
}

export interface Move {
  side: Side;
  from: BucketRef;
  to: BucketRef;
  count: number;
  /** Every record's id (the CLI's JSON); empty where the screen asked without ids and pages through fetchMovedRows. */
  ids: string[];
}

export interface ComparedReconciliation {
  name: string;
  lines: ComparedLine[];
  moved: Move[] | null;
}

/** review.md's comparison of two contracts over the same exports. */
export interface ContractComparison {
  a: ComparedContract;
  b: ComparedContract;
  reconciliations: ComparedReconciliation[];
}

/** The screen's comparison: review.md's, plus both texts for the side-by-side diff. */
export interface ComparisonView extends ContractComparison {
  aText: string;
  bText: string;
}

/** Which moved records to list: one move of the last comparison the screen asked for. */
export interface MovedQuery {
  reconciliation: string;
  side: Side;
  from: BucketRef;
  to: BucketRef;
}
