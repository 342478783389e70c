// The one typed API of the workbench: the engine implements it; IPC, HTTP and the CLI carry it.
import type { Contract } from './contractTypes';
import type { DealTouches, MetricListQuery, MetricsReport, PersonPath, PersonTimeline } from './metricsReportTypes';
import type { DatePreview, ExportPreview, FieldProblem, FolderAccept, FolderListing, NewInvestigation, RuleCount, SourceDraft, ValueCount } from './newInvestigationTypes';
import type { BucketKind, ListingKind, ReconReport, Side } from './reportTypes';
import type { ComparisonView, ContractRef, DecisionStatus, DecisionTarget, MovedQuery, ReviewState, Revision, RevisionSummary } from './reviewTypes';

/** Which records of a bridge to list: one bucket (kind, optionally one reason) of one side, or its gross or net total. */
export interface BucketQuery {
  reconciliation: string;
  side: Side;
  kind: ListingKind;
  /** Narrow to one reason (a rule name, `outside_period`...); all reasons of the kind when absent. */
  reason?: string;
  /** Only records whose value in this file column (mapped as a date or an amount of the side's source) could not be read as one. */
  unreadableColumn?: string;
  sort?: SortSpec[];
  filter?: FilterSpec[];
}

export interface SortSpec {
  column: string;
  direction: 'asc' | 'desc';
}

/** A filter on one listed column; values are bound as parameters by the engine, never pasted. */
export interface FilterSpec {
  column: string;
  op: 'contains' | 'equals' | 'notEquals' | 'startsWith' | 'endsWith' | 'blank' | 'notBlank';
  value?: string;
}

/**
 * Which matched pairs of a reconciliation to list (the pairs grid): all, or those where one compare field
 * differs (any position in the order, not only the first), or those whose amounts are not equal at all.
 */
export interface PairQuery {
  reconciliation: string;
  /** A compare field (`value`, `stage`...): only pairs where it differs. */
  differs?: string;
  /** Only pairs whose two amounts are not equal (the value bridge's differences step), within tolerance or not. */
  amountChanged?: boolean;
}

/** One matched pair: both records and each compare field's two values as the report shows them. */
export interface PairRow {
  leftId: string;
  rightId: string;
  reason: string;
  /** Compare field -> [left, right] (amounts as exact cents text, dates YYYY-MM-DD, empty as null). */
  values: Record<string, [string | null, string | null]>;
  /** The compare fields that differ, in contract order. */
  differs: string[];
  /** right value - left value in cents text, when the metrics have a value. */
  valueDelta: string | null;
}

/** Pairs sorted by the size of the amount difference (largest first), then by the left record id. */
export interface PairPage {
  /** The compare fields, in contract order. */
  fields: string[];
  rows: PairRow[];
}

/** The most rows one page may ask for, on every transport and in the engine. */
export const MAX_PAGE_ROWS = 10_000;

export interface PageRequest {
  offset: number;
  limit: number;
}

/** One page of a bucket's records; every value is text (or null), exactly as listed. */
export interface RowPage {
  columns: string[];
  rows: (string | null)[][];
}

/** Every row of both sides that carries one identity key, with its step. */
export interface IdentityRow {
  side: Side;
  source: string;
  id: string;
  rowNo: number;
  /** A source of several files: the file the row is in and its physical line there. */
  file?: string;
  line?: number;
  kind: BucketKind;
  reason: string;
  /** The anchor date exactly as exported. */
  dateExported: string | null;
  /** The anchor as a timestamp in the reporting time zone (ISO, no offset), and the zone's offset. */
  dateReporting: string | null;
  values: Record<string, string | null>;
  /** What the record adds to its bucket in the reporting currency, exact cents (money.md); absent when the metric has no value, null when its amount is missing. */
  value?: string | null;
  /** The record this one was read against: its counterpart on the other side (matched, timing, excluded_on_other_side) or its survivor (duplicate). */
  counterpart?: { side: Side; id: string };
}

export interface IdentityInspection {
  reconciliation: string;
  key: string;
  rows: IdentityRow[];
}

export interface Progress {
  step: 'import' | 'imported' | 'reconcile' | 'reconciled';
  source?: string;
  rowsRead?: number;
  /** Milliseconds the finished step took ('imported', 'reconciled'). */
  ms?: number;
  /** What the step is doing now. */
  detail?: ProgressDetail;
  /** Bytes of the source file read so far, and its size ('import' of a delimited file). */
  bytesRead?: number;
  bytesTotal?: number;
  /** How much of the step is done, from 0 to 1, when it can be told (DuckDB's estimate of the running statement, bytes read). */
  fraction?: number;
}

/**
 * The parts of a step, in the order they run. An import copies a file that needs it (to UTF-8 and LF), reads it, numbers
 * its rows, checks what it rejected, counts its lines when it must, and types its fields; a reconcile builds each
 * metric's steps, then each bridge's pairs and lines. A preview for the new-investigation form reads its export, then
 * looks through its columns for ids and dates.
 */
export type ProgressDetail = 'copying' | 'reading' | 'numbering' | 'checking' | 'counting lines' | 'typing' | 'steps' | 'pairs' | 'bridge' | 'columns';

/** A problem in a contract text, at its position (1-based line, optional 1-based column). */
export interface ContractIssue {
  line: number;
  column?: number;
  /** Dotted path of the key, e.g. `metrics.MQL.exclude.internal`. */
  key: string;
  message: string;
}

/** The open investigation: its contract file and the DuckDB file it lives in. */
export interface SessionInfo {
  contractPath: string;
  databasePath: string;
  title: string;
  version: string;
  reconciliations: string[];
  /** What opening built; absent when the stored model was reused as it was (contract and files unchanged: nothing imported). */
  build?: BuildSummary;
}

export interface RecentInvestigation {
  contractPath: string;
  title: string;
  openedAt: string;
  /** The contract's reporting period when it was last opened. */
  period?: { from: string; to: string; timezone: string };
}

export interface ContractDocument {
  path: string;
  text: string;
  /** The parsed contract, or null when the text has issues. */
  contract: Contract | null;
  issues: ContractIssue[];
}

/** One bucket's count before and after a contract edit. */
export interface BucketChange {
  reconciliation: string;
  side: Side;
  kind: BucketKind;
  reason: string;
  before: number;
  after: number;
  /** The bucket's value before and after, when the metrics have one (money.md). */
  valueBefore?: number;
  valueAfter?: number;
}

export interface ApplyResult {
  /** Issues that stopped the edit; the bridge and the file are unchanged when there are any. */
  issues: ContractIssue[];
  /** The new bridge's counts, without id lists (getReport({ ids: false })). */
  report: ReconReport | null;
  changes: BucketChange[];
  /** What the recompute redid and what it reused; absent when issues stopped it. */
  recompute?: BuildSummary;
}

/** What building an investigation's session did: only what depends on a changed definition or file is computed again. */
export interface BuildSummary {
  /** Sources read from their files again, by name; the other sources' tables were reused. */
  imported: string[];
  /** Metrics whose steps were computed again, by name. */
  metrics: string[];
  /** Reconciliations whose pairs and bridge were computed again, by name. */
  reconciliations: string[];
  /** How many of each were reused as they were. */
  reused: { sources: number; metrics: number; reconciliations: number };
  /** Milliseconds the build took, its commit included. */
  ms: number;
}

export type ExportFormat = 'csv' | 'xlsx';

/** A file produced for the user to save: its bytes as base64, so it crosses any transport. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  base64: string;
  rows: number;
}

export * from './newInvestigationTypes';

/** Where new investigations go by default, and the other folders the app uses. */
export interface WorkspaceInfo {
  /** The user's workspace folder: new contracts are proposed here. */
  workspace: string;
  home: string;
}

/** `ids: false` leaves every bucket's id list empty: the counts alone, for screens that page records anyway. */
export interface ReportOptions {
  ids?: boolean;
}

/** The bundled sample investigations: MQLs vs CRM leads (counts), and pipeline and revenue (amounts, money.md). */
export const SAMPLE_NAMES = ['leads', 'pipeline'] as const;
export type SampleName = (typeof SAMPLE_NAMES)[number];

export interface WorkbenchApi {
  /** The open investigation, or null on the start screen. */
  getSession(): Promise<SessionInfo | null>;
  listRecent(): Promise<RecentInvestigation[]>;
  /** Opens a bundled sample (the leads sample when not told). */
  openSample(sample?: SampleName): Promise<SessionInfo>;
  openContract(contractPath: string): Promise<SessionInfo>;
  previewExport(file: string, sheet?: string): Promise<ExportPreview>;
  createInvestigation(spec: NewInvestigation): Promise<SessionInfo>;
  /** Progress of the long work under way (import, reconcile), or null when idle. */
  getProgress(): Promise<Progress | null>;
  /** Cancels the long work under way; the session stays as it was before it. */
  cancel(): Promise<void>;
  /** The bridge report of the open investigation (spec/report.md); complete id lists unless told otherwise. */
  getReport(options?: ReportOptions): Promise<ReconReport>;
  getContract(): Promise<ContractDocument>;
  /** Validates a contract text as typed, without running anything. */
  checkContract(text: string): Promise<ContractIssue[]>;
  /** Validates, recomputes the bridge and saves the text to the contract file (comments kept). */
  applyContract(text: string): Promise<ApplyResult>;
  countRows(query: BucketQuery): Promise<number>;
  fetchRows(query: BucketQuery, page: PageRequest): Promise<RowPage>;
  inspectKey(reconciliation: string, key: string): Promise<IdentityInspection>;
  inspectRecord(reconciliation: string, side: Side, recordId: string): Promise<IdentityInspection>;
  exportRows(query: BucketQuery, format: ExportFormat, columns?: string[]): Promise<ExportedFile>;
  getWorkspace(): Promise<WorkspaceInfo>;
  /** Every problem of a new investigation's form, by field, without writing anything. */
  checkNewInvestigation(spec: NewInvestigation): Promise<FieldProblem[]>;
  previewDates(file: string, sheet: string | null, column: string, timezone: string): Promise<DatePreview>;
  /** A folder's sub-folders and exports (or contract files), limited to the user's home folder (the browser shell's Browse). */
  listFolder(folder?: string, accept?: FolderAccept): Promise<FolderListing>;
  /**
   * How many records of a draft source a rule expression would remove (the rule builder's live count).
   * Date fields read in `reportingZone` (the investigation's zone; the source's own when absent).
   */
  countRuleMatches(source: SourceDraft, expression: string, reportingZone?: string): Promise<RuleCount>;
  /** A contract file's text and problems, without opening it: a contract that fails to load opens in the editor. */
  readContractFile(contractPath: string): Promise<ContractDocument>;
  /** Writes a fixed contract text to its file when it parses, then opens it; its issues otherwise, nothing written. */
  saveContractFile(contractPath: string, text: string): Promise<ContractIssue[]>;
  /** Puts the sample back as it shipped (contract and exports) and opens it. */
  resetSample(sample?: SampleName): Promise<SessionInfo>;
  /** A column's most frequent non-empty values in a draft source, with their counts (the rule builder's suggestions). */
  listColumnValues(source: SourceDraft, column: string): Promise<ValueCount[]>;
  /**
   * The currencies of a draft source's amounts (its `value` field, with its `currency` column or the codes and
   * symbols written in the amounts) and how many readable amounts carry each; amounts with none count under
   * `reportingCurrency` when given. The form asks a rate for each currency but the reporting one.
   */
  listAmountCurrencies(source: SourceDraft, reportingCurrency?: string): Promise<ValueCount[]>;
  countPairs(query: PairQuery): Promise<number>;
  fetchPairs(query: PairQuery, page: PageRequest): Promise<PairPage>;
  /**
   * Funnels, attribution, shared metrics and SLAs of the open investigation (spec/revenue.md), with complete id
   * lists; with `{ ids: false }` every list is left empty and its size given beside it (what the screens draw: a
   * 1M-touch report is some 170 MB of ids, which their drills page through fetchMetricRecords instead).
   */
  getMetricsReport(options?: ReportOptions): Promise<MetricsReport>;
  /** One page of the records of one list of the metrics report (record_id, then the export's columns); its count is the list's length in the report. */
  fetchMetricRecords(query: MetricListQuery, page: PageRequest): Promise<RowPage>;
  /** The dated path of one cohort record of a funnel: its date, the stage records it reaches, its SLA clocks (the inspector's timeline). */
  tracePersonTimeline(funnel: string, recordId: string): Promise<PersonTimeline>;
  /** What became of one record of `metric` in each funnel whose cohort holds it and in each SLA from it, as the report's lists place it (the inspector's path). */
  tracePersonPath(metric: string, recordId: string): Promise<PersonPath>;
  /** One opportunity of an attribution entry with every touch of its people and what each model gives each touch (the inspector's attribution timeline). */
  traceDealTouches(attribution: string, recordId: string): Promise<DealTouches>;
  /** The contract texts applied in the open investigation (review.md's revisions), oldest first, without their texts. */
  listRevisions(): Promise<RevisionSummary[]>;
  getRevision(number: number): Promise<Revision>;
  /**
   * review.md's comparison of two contracts over the open investigation's exports (a revision, the open contract as
   * saved, or a pilot contract file), with both texts; moves carry no ids: their records page through fetchMovedRows.
   */
  compareContracts(a: ContractRef, b: ContractRef): Promise<ComparisonView>;
  /** One page of the records of one move of the last comparison: record_id, then the export's columns, in report.md's id order. */
  fetchMovedRows(query: MovedQuery, page: PageRequest): Promise<RowPage>;
  /** The review of the open investigation (review.md): each bridge line's current decision, stale or not, progress, record and list decisions, sign-offs. */
  getReview(): Promise<ReviewState>;
  /** Keeps the reviewer's name in the user's settings (asked once); decisions and sign-offs are signed with it. */
  setReviewer(name: string): Promise<ReviewState>;
  /** Appends a decision on a non-empty bridge line, a record or a metrics list to the decisions file; fails with code 'no_reviewer' while no name is set. */
  decide(target: DecisionTarget, status: DecisionStatus, note: string): Promise<ReviewState>;
  /** Appends a sign-off of a reconciliation as it is now (its report_sha256 and lines); 'no_reviewer' while no name is set. */
  signOff(reconciliation: string, note: string): Promise<ReviewState>;
  /** The open investigation's audit pack (review.md): the workbook, then the PDF, named `<title> v<version> audit`. */
  exportAuditPack(): Promise<ExportedFile[]>;
  /** Each source of the open investigation's contract -> its export's column headers, in file order (the contract editor's completion). */
  listSourceColumns(): Promise<Record<string, string[]>>;
}

/** The methods an open investigation answers by itself (the engine's Investigation implements these). */
export type InvestigationApi = Pick<WorkbenchApi, 'getReport' | 'countRows' | 'fetchRows' | 'inspectKey' | 'inspectRecord' | 'countPairs' | 'fetchPairs' | 'getMetricsReport' | 'fetchMetricRecords' | 'tracePersonTimeline' | 'tracePersonPath' | 'traceDealTouches' | 'listSourceColumns'>;

/** How every result crosses a transport: errors keep their code and message. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** Method names, so transports derive their channels and routes from one list. */
export const API_METHODS = [
  'getSession',
  'listRecent',
  'openSample',
  'openContract',
  'previewExport',
  'createInvestigation',
  'getProgress',
  'cancel',
  'getReport',
  'getContract',
  'checkContract',
  'applyContract',
  'countRows',
  'fetchRows',
  'inspectKey',
  'inspectRecord',
  'exportRows',
  'getWorkspace',
  'checkNewInvestigation',
  'previewDates',
  'listFolder',
  'countRuleMatches',
  'readContractFile',
  'saveContractFile',
  'resetSample',
  'listColumnValues',
  'listAmountCurrencies',
  'countPairs',
  'fetchPairs',
  'getMetricsReport',
  'fetchMetricRecords',
  'tracePersonTimeline',
  'tracePersonPath',
  'traceDealTouches',
  'listRevisions',
  'getRevision',
  'compareContracts',
  'fetchMovedRows',
  'getReview',
  'setReviewer',
  'decide',
  'signOff',
  'exportAuditPack',
  'listSourceColumns',
] as const satisfies readonly (keyof WorkbenchApi)[];
