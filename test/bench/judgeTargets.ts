// The targets, judged on this run's figures: one verdict per target, with the figures behind it.
import type { AttributionSizeResult, Growth, MetricsSizeResult, SizeResult, Verdict } from './benchResults';
import { GROWTH_FROM, GROWTH_TO } from './computeGrowth';
import { formatMb, formatMs, formatRatio, formatRows } from './formatFigures';
import type { MetricsUiFigures, ScreenFigures } from './measureMetricsUi';

export const TARGET_ROWS = 250_000;
const MAX_RATIO_TO_FLOOR = 3;
const MAX_FIRST_PAGE_MS = 100;
const MAX_RSS_MB = 1024;
/** "Close to linear": time per row at 5M at most this much above time per row at 1M. */
const MAX_GROWTH_PER_ROW = 1.25;

export function judgeTargets(sizes: SizeResult[], growth: Growth | undefined): Verdict[] {
  const at = sizes.find((s) => s.rows === TARGET_ROWS);
  const missing = `${formatRows(TARGET_ROWS)} rows a side not in this run`;
  const label = `at ${formatRows(TARGET_ROWS)} a side`;
  return [
    judge(`recon reconcile --json within ${MAX_RATIO_TO_FLOOR}x the floor ${label}`, () => {
      if (!at) return missing;
      if (at.floor.wallMs === undefined) return `floor: ${at.floor.error ?? 'no wall time'}`;
      if (at.recon.timedOut && at.recon.wallMs !== undefined) {
        return [false, `stopped after ${formatMs(at.recon.wallMs)} = more than ${formatRatio(at.recon.wallMs / at.floor.wallMs)} the floor's ${formatMs(at.floor.wallMs)}`];
      }
      if (!at.recon.ok || at.recon.wallMs === undefined) return `recon CLI: ${at.recon.error ?? 'no wall time'}`;
      const ratio = at.recon.wallMs / at.floor.wallMs;
      return [ratio <= MAX_RATIO_TO_FLOOR, `${formatMs(at.recon.wallMs)} = ${formatRatio(ratio)} the floor's ${formatMs(at.floor.wallMs)}`];
    }),
    judge(`first page (100 rows) of the largest bucket under ${MAX_FIRST_PAGE_MS} ms ${label}`, () => {
      if (!at) return missing;
      if (!at.workbench.ok) return `workbench API: ${at.workbench.error}`;
      const { coldMs, bestMs } = at.workbench.firstPage;
      const bucket = `${at.workbench.largest.side} ${at.workbench.largest.kind}, ${formatRows(at.workbench.largest.count)} rows`;
      return [coldMs < MAX_FIRST_PAGE_MS, `first call ${formatMs(coldMs)}, best of 3 after it ${formatMs(bestMs)} (${bucket})`];
    }),
    judge(`peak RSS under ${formatMb(MAX_RSS_MB)} ${label}`, () => {
      if (!at) return missing;
      // A run stopped at the time limit gives a lower bound: enough to say "not met", not to say "met".
      const cli = { mb: at.recon.peakRssMb, complete: at.recon.ok };
      const api = { mb: at.workbench.peakRssMb, complete: at.workbench.ok };
      const figure = (r: typeof cli) => (r.mb === undefined ? 'n/a' : `${r.complete ? '' : 'at least '}${formatMb(r.mb)}`);
      const detail = `recon CLI ${figure(cli)}, workbench API ${figure(api)} (floor ${formatMb(at.floor.peakRssMb)})`;
      if ([cli, api].some((r) => r.mb !== undefined && r.mb >= MAX_RSS_MB)) return [false, detail];
      if (!cli.complete || !api.complete) return `${detail}; a run that did not finish gives only a lower bound`;
      return [true, detail];
    }),
    judge(`growth ${formatRows(GROWTH_FROM)} -> ${formatRows(GROWTH_TO)} close to linear (time per row at most ${MAX_GROWTH_PER_ROW}x)`, () => {
      if (!growth) return `${formatRows(GROWTH_FROM)} and ${formatRows(GROWTH_TO)} not both in this run`;
      if (growth.reconPerRow === undefined) return `recon CLI did not finish at both sizes`;
      const detail = `recon CLI time per row ${formatRatio(growth.reconPerRow)}, RSS ${formatRatio(growth.reconRss)}; workbench open per row ${formatRatio(growth.workbenchOpenPerRow)}, RSS ${formatRatio(growth.workbenchRss)}; floor per row ${formatRatio(growth.floorPerRow)}`;
      return [growth.reconPerRow <= MAX_GROWTH_PER_ROW, detail];
    }),
  ];
}

/** `recon metrics --json` against its floor: the wall-time ratio judged, CPU time and peak RSS beside it; reports that differ judge nothing. */
function checkReportRatio(at: Pick<MetricsSizeResult, 'floor' | 'recon' | 'differences'>, maxRatio: number): [boolean, string] | string {
  if (at.floor.wallMs === undefined) return `floor: ${at.floor.error ?? 'no wall time'}`;
  if (at.recon.timedOut && at.recon.wallMs !== undefined) {
    return [false, `stopped after ${formatMs(at.recon.wallMs)} = more than ${formatRatio(at.recon.wallMs / at.floor.wallMs)} the floor's ${formatMs(at.floor.wallMs)}`];
  }
  if (!at.recon.ok || at.recon.wallMs === undefined) return `recon CLI: ${at.recon.error ?? 'no wall time'}`;
  const ratio = at.recon.wallMs / at.floor.wallMs;
  const cpu = at.recon.cpuMs !== undefined && at.floor.cpuMs !== undefined ? `; CPU time ${formatMs(at.recon.cpuMs)} = ${formatRatio(at.recon.cpuMs / at.floor.cpuMs)} the floor's ${formatMs(at.floor.cpuMs)}` : '';
  const rss = `; peak RSS ${formatMb(at.recon.peakRssMb)} (floor ${formatMb(at.floor.peakRssMb)})`;
  // An engine report that differs from the floor's is no measure of the same work.
  if (at.differences === undefined || at.differences.length > 0) return `${formatMs(at.recon.wallMs)} = ${formatRatio(ratio)} the floor's, but the reports ${at.differences ? 'differ' : 'were not compared'}`;
  return [ratio <= maxRatio, `${formatMs(at.recon.wallMs)} = ${formatRatio(ratio)} the floor's ${formatMs(at.floor.wallMs)}${cpu}${rss}`];
}

/** A check returns [met, figures], or the reason it could not be measured. */
function judge(target: string, check: () => [boolean, string] | string): Verdict {
  const outcome = check();
  if (typeof outcome === 'string') return { target, status: 'not measured', detail: outcome };
  return { target, status: outcome[0] ? 'met' : 'not met', detail: outcome[1] };
}

/** Issue 7: the value bridge at 1M rows a side, against its own floor measured in the same run. */
export const VALUE_TARGET_ROWS = 1_000_000;
const MAX_VALUE_RATIO_TO_FLOOR = 1.5;
const MAX_VALUE_RSS_TO_FLOOR = 1.5;

export function judgeValueTargets(sizes: SizeResult[]): Verdict[] {
  const at = sizes.find((s) => s.rows === VALUE_TARGET_ROWS);
  const missing = `${formatRows(VALUE_TARGET_ROWS)} rows a side not in this run`;
  const label = `at ${formatRows(VALUE_TARGET_ROWS)} a side`;
  return [
    judge(`value bridge: recon reconcile --json within ${MAX_VALUE_RATIO_TO_FLOOR}x the floor ${label}`, () => {
      if (!at) return missing;
      if (at.floor.wallMs === undefined) return `floor: ${at.floor.error ?? 'no wall time'}`;
      if (at.recon.timedOut && at.recon.wallMs !== undefined) {
        return [false, `stopped after ${formatMs(at.recon.wallMs)} = more than ${formatRatio(at.recon.wallMs / at.floor.wallMs)} the floor's ${formatMs(at.floor.wallMs)}`];
      }
      if (!at.recon.ok || at.recon.wallMs === undefined) return `recon CLI: ${at.recon.error ?? 'no wall time'}`;
      const ratio = at.recon.wallMs / at.floor.wallMs;
      const cpu = at.recon.cpuMs !== undefined && at.floor.cpuMs !== undefined ? `; CPU time ${formatMs(at.recon.cpuMs)} = ${formatRatio(at.recon.cpuMs / at.floor.cpuMs)} the floor's ${formatMs(at.floor.cpuMs)}` : '';
      return [ratio <= MAX_VALUE_RATIO_TO_FLOOR, `${formatMs(at.recon.wallMs)} = ${formatRatio(ratio)} the floor's ${formatMs(at.floor.wallMs)}${cpu}`];
    }),
    judge(`value bridge: peak RSS of recon reconcile --json within ${MAX_VALUE_RSS_TO_FLOOR}x the floor's ${label}`, () => {
      if (!at) return missing;
      if (at.floor.peakRssMb === undefined) return `floor: ${at.floor.error ?? 'no peak RSS'}`;
      if (at.recon.peakRssMb === undefined) return `recon CLI: ${at.recon.error ?? 'no peak RSS'}`;
      const ratio = at.recon.peakRssMb / at.floor.peakRssMb;
      const detail = `recon CLI ${at.recon.ok ? '' : 'at least '}${formatMb(at.recon.peakRssMb)} = ${formatRatio(ratio)} the floor's ${formatMb(at.floor.peakRssMb)}`;
      if (ratio > MAX_VALUE_RSS_TO_FLOOR) return [false, detail];
      if (!at.recon.ok) return `${detail}; a run that did not finish gives only a lower bound`;
      return [true, detail];
    }),
  ];
}

/** Issue 8: `recon metrics --json` at 1M people, against its own floor measured in the same run. */
export const METRICS_TARGET_PEOPLE = 1_000_000;
const MAX_METRICS_RATIO_TO_FLOOR = 2;

export function judgeMetricsTargets(sizes: MetricsSizeResult[]): Verdict[] {
  const at = sizes.find((s) => s.people === METRICS_TARGET_PEOPLE);
  return [
    judge(`metrics: recon metrics --json within ${MAX_METRICS_RATIO_TO_FLOOR}x the floor at ${formatRows(METRICS_TARGET_PEOPLE)} people`, () =>
      at ? checkReportRatio(at, MAX_METRICS_RATIO_TO_FLOOR) : `${formatRows(METRICS_TARGET_PEOPLE)} people not in this run`,
    ),
    ...judgeFirstPaint(`metrics: the Funnel and Shared metrics screens' first paint under ${MAX_FIRST_PAINT_MS} ms at ${formatRows(METRICS_TARGET_PEOPLE)} people`, ['Funnel', 'Shared metrics'], () => {
      if (!at) return `${formatRows(METRICS_TARGET_PEOPLE)} people not in this run`;
      return readUi(at.ui, METRICS_TARGET_PEOPLE);
    }),
  ];
}

/** A size's screen figures, or why there are none. */
function readUi(ui: MetricsSizeResult['ui'], size: number): MetricsUiFigures | string {
  if (!ui) return `the screens were not driven at this size (--ui-sizes ${size})`;
  if (!ui.ok) return `the screens could not be timed: ${ui.error}`;
  return ui;
}

const MAX_FIRST_PAINT_MS = 300;

/**
 * Two verdicts per target: each tab's first click on the first page, once its numbers are on hand (computed ahead),
 * and its first click on a reloaded page (the report held by the server); every screen named must be under the limit.
 */
function judgeFirstPaint(target: string, tabs: string[], read: () => MetricsUiFigures | string): Verdict[] {
  const paint = (pick: 'firstClickMs' | 'afterReloadMs') => (): [boolean, string] | string => {
    const ui = read();
    if (typeof ui === 'string') return ui;
    const timed: [string, ScreenFigures][] = [];
    for (const tab of tabs) {
      const figures = ui.screens[tab];
      if (!figures) return `the ${tab} screen was not timed`;
      timed.push([tab, figures]);
    }
    const detail = timed
      .map(([tab, f]) => `${tab} ${formatMs(f[pick])} (first click ${formatMs(f.firstClickMs)}, after a reload ${formatMs(f.afterReloadMs)}, back from the bridge ${formatMs(f.revisitMs)})`)
      .join('; ');
    const context = `; server start ${formatMs(ui.serverStartMs)}, then ${formatMs(ui.metricsReadyMs)} from the page load until the tabs' numbers were on hand`;
    return [timed.every(([, f]) => f[pick] < MAX_FIRST_PAINT_MS), `${detail}${context}`];
  };
  return [judge(`${target}, first click on each tab (its numbers computed ahead)`, paint('firstClickMs')), judge(`${target}, report already computed (page reloaded)`, paint('afterReloadMs'))];
}

/** Issue 9: `recon metrics --json` on the attribution contract at 1M touches against its floor, and the Attribution screen's first paint. */
export const ATTRIBUTION_TARGET_TOUCHES = 1_000_000;
const MAX_ATTRIBUTION_RATIO_TO_FLOOR = 2;

export function judgeAttributionTargets(sizes: AttributionSizeResult[]): Verdict[] {
  const at = sizes.find((s) => s.touches === ATTRIBUTION_TARGET_TOUCHES);
  const label = `at ${formatRows(ATTRIBUTION_TARGET_TOUCHES)} touches`;
  const missing = `${formatRows(ATTRIBUTION_TARGET_TOUCHES)} touches not in this run`;
  return [
    judge(`attribution: recon metrics --json within ${MAX_ATTRIBUTION_RATIO_TO_FLOOR}x the floor ${label}`, () => (at ? checkReportRatio(at, MAX_ATTRIBUTION_RATIO_TO_FLOOR) : missing)),
    ...judgeFirstPaint(`attribution: the Attribution screen's first paint under ${MAX_FIRST_PAINT_MS} ms ${label}`, ['Attribution'], () => (at ? readUi(at.ui, ATTRIBUTION_TARGET_TOUCHES) : missing)),
  ];
}
