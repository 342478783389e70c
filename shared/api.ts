// The one typed API of the workbench: the engine implements it; IPC, HTTP and the CLI carry it.
import type { Contract } from './contractTypes';
import type { BucketKind, ReconReport, Side } from './reportTypes';

/** Which records of a bridge to list: one bucket (kind, optionally one reason) of one side. */
export interface BucketQuery {
  reconciliation: string;
  side: Side;
  kind: BucketKind;
  /** Narrow to one reason (a rule name, `outside_period`...); all reasons of the kind when absent. */
  reason?: string;
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
  kind: BucketKind;
  reason: string;
  /** The anchor date exactly as exported. */
  dateExported: string | null;
  /** The anchor as a timestamp in the reporting time zone (ISO, no offset), and the zone's offset. */
  dateReporting: string | null;
  values: Record<string, string | null>;
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
}

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
}

export interface RecentInvestigation {
  contractPath: string;
  title: string;
  openedAt: string;
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
}

export interface ApplyResult {
  /** Issues that stopped the edit; the bridge and the file are unchanged when there are any. */
  issues: ContractIssue[];
  report: ReconReport | null;
  changes: BucketChange[];
}

export type ExportFormat = 'csv' | 'xlsx';

/** A file produced for the user to save: its bytes as base64, so it crosses any transport. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  base64: string;
  rows: number;
}

export const EXPORT_PRESETS = ['hubspot', 'marketo', 'pardot', 'salesforce_report', 'salesforce_data_loader'] as const;
export type ExportPreset = (typeof EXPORT_PRESETS)[number];

/** What the new-investigation screen needs to map an export: its header, a preset, suggestions. */
export interface ExportPreview {
  file: string;
  columns: string[];
  sampleRows: (string | null)[][];
  preset: ExportPreset | null;
  system: 'marketing' | 'sales' | 'finance' | 'other';
  /** Suggested canonical field -> column (email, created_at, mql_at, status...). */
  fields: Record<string, string>;
  /** Suggested id column and anchor date field. */
  id?: string;
  dateField?: string;
}

export interface SourceDraft {
  name: string;
  system: 'marketing' | 'sales' | 'finance' | 'other';
  file: string;
  timezone: string;
  id?: string;
  fields: Record<string, string>;
  metric: string;
  dateField: string;
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
}

/** `ids: false` leaves every bucket's id list empty: the counts alone, for screens that page records anyway. */
export interface ReportOptions {
  ids?: boolean;
}

export interface WorkbenchApi {
  /** The open investigation, or null on the start screen. */
  getSession(): Promise<SessionInfo | null>;
  listRecent(): Promise<RecentInvestigation[]>;
  openSample(): Promise<SessionInfo>;
  openContract(contractPath: string): Promise<SessionInfo>;
  previewExport(file: string): Promise<ExportPreview>;
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
}

/** The methods an open investigation answers by itself (the engine's Investigation implements these). */
export type InvestigationApi = Pick<WorkbenchApi, 'getReport' | 'countRows' | 'fetchRows' | 'inspectKey' | 'inspectRecord'>;

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
] as const satisfies readonly (keyof WorkbenchApi)[];
