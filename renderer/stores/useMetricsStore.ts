// The metrics report on screen (funnels, shared metrics, SLAs, attribution), the report before the last contract edit, and the list of records open in its grid.
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
  report: MetricsReport | null;
  /** The report before the last applied contract edit: each number shows how it moved; null when nothing was applied. */
  previous: MetricsReport | null;
  loading: boolean;
  /**
   * The report without its id lists (getMetricsReport({ ids: false })), for a screen that draws counts only (Attribution):
   * at 1M touches the full report is some 170 MB of ids. Its drills page through fetchMetricRecords like every other.
   */
  summary: MetricsReport | null;
  /** The summary before the last applied contract edit, as `previous` is for the report. */
  previousSummary: MetricsReport | null;
  loadingSummary: boolean;
  loadSummary(): Promise<void>;
  list: OpenMetricList | null;
  row: InspectedRow | null;
  loadReport(): Promise<void>;
  /** After a contract edit was applied: the report shown becomes the previous one and the new one is read. */
  reloadAfterApply(): Promise<void>;
  openList(list: OpenMetricList | null): void;
  inspectRow(row: InspectedRow): void;
  closeRow(): void;
  reset(): void;
}

export const useMetricsStore = create<MetricsState>()((set, get) => ({
  report: null,
  previous: null,
  loading: false,
  summary: null,
  previousSummary: null,
  loadingSummary: false,
  list: null,
  row: null,
  ...createInspectorSlice(set, get, () => get().list?.reconciled?.reconciliation ?? null),
  async loadReport() {
    if (get().loading) return;
    set({ loading: true });
    try {
      set({ report: await getApi().getMetricsReport() });
    } catch (error) {
      reportError(error);
    } finally {
      set({ loading: false });
    }
  },
  async loadSummary() {
    if (get().loadingSummary) return;
    set({ loadingSummary: true });
    try {
      set({ summary: await getApi().getMetricsReport({ ids: false }) });
    } catch (error) {
      reportError(error);
    } finally {
      set({ loadingSummary: false });
    }
  },
  async reloadAfterApply() {
    const { report: shown, summary } = get();
    // A report never read (no screen was opened) has nothing to compare with: the next visit reads it anew.
    if (!shown && !summary) return;
    set({
      ...(shown ? { previous: shown, report: null } : {}),
      ...(summary ? { previousSummary: summary, summary: null } : {}),
      list: null,
      row: null,
      ...NO_INSPECTION,
    });
    await Promise.all([shown ? get().loadReport() : undefined, summary ? get().loadSummary() : undefined]);
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
    set({ report: null, previous: null, loading: false, summary: null, previousSummary: null, loadingSummary: false, list: null, row: null, ...NO_INSPECTION });
  },
}));
