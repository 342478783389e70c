// What one bench run measured, per data set size, as printed and as written to .bench/results.json.
import type { FirstPageResult } from './measureFirstPage';
import type { FloorResult } from './measureFloor';
import type { ImportProgressResult } from './measureImportProgress';
import type { MetricsFloorResult } from './runFloorProcess';
import type { ReconResult } from './measureRecon';
import type { AttributionBenchRows } from './generateAttributionBenchExports';
import type { MetricsUiFigures } from './measureMetricsUi';
import type { UiFigures } from './measureUi';

export interface SizeResult {
  rows: number;
  dataset: { dir: string; reused: boolean; generateMs: number };
  floor: FloorResult;
  recon: ReconResult;
  workbench: FirstPageResult;
  /** Engine report against the floor's: undefined when one of them did not produce a report. */
  differences?: string[];
  /** recon CLI wall time / floor wall time. */
  ratioToFloor?: number;
  /** The renderer in Chromium over the browser shell (at 1M rows a side by default). */
  ui?: ({ ok: true } & UiFigures) | { ok: false; error: string };
}

/** The metrics report (revenue.md) for one number of people: `recon metrics --json` against its floor, and the Funnel and Shared metrics screens. */
export interface MetricsSizeResult {
  people: number;
  /** Rows of each generated export, for the printed table. */
  rows: { opportunities: number; contactRoles: number; tasks: number };
  dataset: { dir: string; reused: boolean; generateMs: number };
  floor: MetricsFloorResult;
  recon: ReconResult;
  /** Engine report against the floor's: undefined when one of them did not produce a report. */
  differences?: string[];
  /** recon CLI wall time / floor wall time. */
  ratioToFloor?: number;
  /** The Funnel and Shared metrics screens in Chromium over the browser shell; absent when not asked at this size. */
  ui?: ({ ok: true } & MetricsUiFigures) | { ok: false; error: string };
}

/** The attribution report (revenue.md, issue 9) for one number of touches: `recon metrics --json` against its floor, and the Attribution screen. */
export interface AttributionSizeResult {
  touches: number;
  rows: AttributionBenchRows;
  dataset: { dir: string; reused: boolean; generateMs: number };
  floor: MetricsFloorResult;
  recon: ReconResult;
  differences?: string[];
  ratioToFloor?: number;
  /** The Attribution screen in Chromium over the browser shell; absent when not asked at this size. */
  ui?: ({ ok: true } & MetricsUiFigures) | { ok: false; error: string };
}

export interface Growth {
  from: number;
  to: number;
  /** Time per row at `to` divided by time per row at `from`: 1 is linear. */
  reconPerRow?: number;
  workbenchOpenPerRow?: number;
  floorPerRow?: number;
  /** Peak RSS at `to` / peak RSS at `from`. */
  reconRss?: number;
  workbenchRss?: number;
}

export interface Verdict {
  target: string;
  status: 'met' | 'not met' | 'not measured';
  detail: string;
}

export interface BenchResults {
  startedAt: string;
  machine: { cpus: number; totalMemGb: number; node: string; platform: string };
  seed: number;
  /** The count bridge (MQLs vs leads). */
  sizes: SizeResult[];
  /** The value bridge (deals vs opportunities, money.md); absent in results of older runs. */
  valueSizes?: SizeResult[];
  /** The metrics report (revenue.md); absent in results of older runs. */
  metricsSizes?: MetricsSizeResult[];
  /** The attribution report (revenue.md, issue 9); absent in results of older runs. */
  attributionSizes?: AttributionSizeResult[];
  growth?: Growth;
  /** Import progress and cancel (issue 11, point 5); absent in results of older runs. */
  importProgress?: ImportProgressResult;
  verdicts: Verdict[];
}
