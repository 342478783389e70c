// The metrics report on screen without its id lists (funnels, shared metrics, SLAs, attribution), the one before the last contract edit, and the list of records open in its grid.
import { create } from 'zustand';
import type { MetricListQuery, MetricsReport } from '../../shared/metricsReportTypes';
import { getApi } from '../api/getApi';
import { createInspectorSlice, NO_INSPECTION, type InspectorState } from './createInspectorSlice';
import { reportError } from './useErrorStore';

/** One list of the report opened in the grid, with what the screen says about it. */
export interface OpenMetricList {
  query: MetricListQuery;
  /** What the list is, in words ("Dropped between SQL and Opportunity"). */
  title: string;
  /** The list's length in the report: the grid's row count. null when the report does not hold the list (a credit line's touches): the grid finds its end. */
  count: number | null;
  /** The metric whose records these are, and its source. */
  metric: string;
  source: string;
  /** The bridge reconciliation and side whose records these are, when they are one (the inspector shows both exports then). */
  reconciled: { reconciliation: string; side: 'left' | 'right' } | null;
}

/** A record of the open list shown by itself (its export row), when it belongs to no bridge. */
export interface InspectedRow {
  recordId: string;
  columns: string[];
  values: (string | null)[];
}

interface MetricsState extends InspectorState {
  /**
   * The report without its id lists (getMetricsReport({ ids: false })), which every metrics screen draws from: at 1M
   * people or touches the full report is hundreds of MB of ids. Its drills page through fetchMetricRecords, and the
   * inspector asks for a record's path (tracePersonPath).
   */
  summary: MetricsReport | null;
  /** The summary before the last applied contract edit: each number shows how it moved; null when nothing was applied. */
  previous: MetricsReport | null;
  loading: boolean;
  loadSummary(): Promise<void>;
  list: OpenMetricList | null;
  row: InspectedRow | null;
  /** After a contract edit was applied: the report shown becomes the previous one and the new one is read. */
  reloadAfterApply(): Promise<void>;
  openList(list: OpenMetricList | null): void;
  inspectRow(row: InspectedRow): void;
  closeRow(): void;
  reset(): void;
}

export const useMetricsStore = create<MetricsState>()((set, get) => ({
  summary: null,
  previous: null,
  loading: false,
  list: null,
  row: null,
  ...createInspectorSlice(set, get, () => get().list?.reconciled?.reconciliation ?? null),
  async loadSummary() {
    if (get().loading) return;
    set({ loading: true });
    try {
      set({ summary: await getApi().getMetricsReport({ ids: false }) });
    } catch (error) {
      reportError(error);
    } finally {
      set({ loading: false });
    }
  },
  async reloadAfterApply() {
    const shown = get().summary;
    // A report never read (no screen was opened) has nothing to compare with: the next visit reads it anew.
    if (!shown) return;
    set({ previous: shown, summary: null, list: null, row: null, ...NO_INSPECTION });
    await get().loadSummary();
  },
  openList(list) {
    set({ list, row: null, ...NO_INSPECTION });
  },
  inspectRow(row) {
    const reconciled = get().list?.reconciled;
    set({ row });
    if (reconciled) void get().inspectRecord(reconciled.side, row.recordId);
  },
  closeRow() {
    set({ row: null, ...NO_INSPECTION });
  },
  reset() {
    set({ summary: null, previous: null, loading: false, list: null, row: null, ...NO_INSPECTION });
  },
}));
