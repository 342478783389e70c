// The one typed API of the workbench: the engine implements it; IPC, HTTP and the CLI carry it.
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
  step: string;
  source?: string;
  rowsRead?: number;
}

export interface WorkbenchApi {
  /** The bridge report of the open investigation (spec/report.md). */
  getReport(): Promise<ReconReport>;
  countRows(query: BucketQuery): Promise<number>;
  fetchRows(query: BucketQuery, page: PageRequest): Promise<RowPage>;
  inspectKey(reconciliation: string, key: string): Promise<IdentityInspection>;
}
