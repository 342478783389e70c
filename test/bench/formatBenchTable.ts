// The bench's printed report: one table of every figure per bridge and size, warnings, then one verdict line per target.
import type { AttributionSizeResult, BenchResults, MetricsSizeResult, SizeResult } from './benchResults';
import { formatMb, formatMs, formatRatio, formatRows } from './formatFigures';
import type { BenchBridge } from './measureFloor';
import type { PageTimes } from './measurePageTimes';

const HEADER = ['rows a side', 'run', 'import', 'reconcile', 'report', 'total', 'peak RSS', 'first page cold/best', 'middle page cold/best', 'vs floor'];

export function formatBenchTable(results: BenchResults): string {
  const valueSizes = results.valueSizes ?? [];
  const out: string[] = [];
  if (results.sizes.length > 0) out.push('Count bridge (MQLs vs CRM leads, matched on e-mail):', ...formatTable(results.sizes));
  if (valueSizes.length > 0) {
    if (out.length > 0) out.push('');
    out.push('Value bridge (deals vs opportunities, money.md: USD and EUR amounts, match on the Salesforce id, compare value, stage, close_date):', ...formatTable(valueSizes));
  }
  const metricsSizes = results.metricsSizes ?? [];
  if (metricsSizes.length > 0) {
    if (out.length > 0) out.push('');
    out.push('Metrics report (revenue.md: funnel MQL -> SQL -> Opportunity -> Won via contact roles, shared metrics, SLA):', ...formatMetricsTable(metricsSizes));
    out.push('metrics: recon CLI import = the CLI\'s logged imports, reconcile = its logged "reconciled in" (metric steps), total = process wall time, the report after both; FLOOR import = CSVs read as text, compute = every typed table and join, report = every figure and id list to JSON.');
  }
  if (results.sizes.length + valueSizes.length > 0) {
    out.push('', 'total: recon CLI = process wall time; workbench API = openSession (the session the app keeps: a DuckDB file, built in one transaction) + getReport, in-process; FLOOR = process wall time without its page probes.');
    if (valueSizes.length > 0) out.push('value FLOOR: import = both CSVs read as text; it reads amounts, dates and keys in its reconcile (the engine in its import).');
    out.push('pages: 100 rows of the largest bucket at offset 0 and at count/2; cold = first call, best = best of the 3 after it.');
    out.push('', ...[...results.sizes, ...valueSizes].flatMap(formatSessionLine));
  }
  const attributionSizes = results.attributionSizes ?? [];
  if (attributionSizes.length > 0) {
    if (out.length > 0) out.push('');
    out.push(
      "Attribution report (revenue.md, issue 9: seven models over the touches of each Q3 opportunity's contact roles within 180 days, campaign lines, sourced bridge, influenced, self-reported agreement):",
      ...formatAttributionTable(attributionSizes),
      'attribution: recon CLI as for metrics; FLOOR import = CSVs read as text, compute = every typed table, share and credit line, report = the figures and id lists to JSON.',
    );
  }
  out.push(
    '',
    ...formatUi(results.sizes),
    ...metricsSizes.flatMap((s) => formatMetricsUi(`${formatRows(s.people)} people`, s.ui)),
    ...attributionSizes.flatMap((s) => formatMetricsUi(`${formatRows(s.touches)} touches`, s.ui)),
  );
  out.push(
    '',
    ...formatWarnings(results.sizes, 'count'),
    ...formatWarnings(valueSizes, 'value'),
    ...metricsSizes.flatMap(formatMetricsWarnings),
    ...attributionSizes.flatMap(formatAttributionWarnings),
  );
  out.push('', 'Targets:', ...results.verdicts.map((v) => `  ${v.status.toUpperCase().padEnd(12)} ${v.target}: ${v.detail}`));
  return out.join('\n');
}

/** Issue 11 point 2: the session's open against the CLI, its reopen, and a one-rule edit. */
function formatSessionLine(size: SizeResult): string[] {
  const { workbench, recon } = size;
  if (!workbench.ok) return [];
  const open = workbench.openMs + workbench.reportMs;
  const cpu = workbench.openCpuMs === undefined ? '' : ` (open CPU ${formatMs(workbench.openCpuMs)}${recon.ok && recon.cpuMs !== undefined ? `, the CLI's process ${formatMs(recon.cpuMs)}` : ''})`;
  const vsCli = recon.ok && recon.wallMs !== undefined ? ` = ${formatRatio(open / recon.wallMs)} the CLI's ${formatMs(recon.wallMs)}` : '';
  const reopen = workbench.reopen ? `; reopen ${formatMs(workbench.reopen.openMs)} + counts ${formatMs(workbench.reopen.reportMs)}` : '';
  const edit = workbench.edit
    ? `; one exclude rule edited: ${formatMs(workbench.edit.ms)}${workbench.edit.cpuMs === undefined ? '' : `, CPU ${formatMs(workbench.edit.cpuMs)}`} (recomputed ${[...workbench.edit.metrics, ...workbench.edit.reconciliations].join(', ') || 'nothing'}${workbench.edit.imported.length ? `, imported ${workbench.edit.imported.join(', ')}` : ', nothing imported'})`
    : '';
  return [`session ${formatRows(size.rows)} rows a side: open + report ${formatMs(open)}${vsCli}${cpu}${reopen}${edit}`];
}

function formatTable(sizes: SizeResult[]): string[] {
  const rows = sizes.flatMap(formatSizeRows);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ').trimEnd();
  return [line(HEADER), widths.map((w) => '-'.repeat(w)).join('-+-'), ...rows.map(line)];
}

function formatSizeRows(size: SizeResult): string[][] {
  const { recon, workbench, floor } = size;
  const failed = () => ['FAILED (below)'];
  const pages = (p?: PageTimes) => (p ? `${formatMs(p.coldMs)} / ${formatMs(p.bestMs)}` : 'n/a');
  const rows = formatRows(size.rows);
  return [
    [rows, 'recon CLI', ...(recon.ok ? [formatMs(recon.importMs), formatMs(recon.reconcileMs), 'n/a', formatMs(recon.wallMs), formatMb(recon.peakRssMb), '-', '-', formatRatio(size.ratioToFloor)] : failed())],
    [
      '',
      'workbench API (file DB)',
      ...(workbench.ok
        ? [formatMs(workbench.importMs), formatMs(workbench.reconcileMs), formatMs(workbench.reportMs), formatMs(workbench.openMs + workbench.reportMs), formatMb(workbench.peakRssMb), pages(workbench.firstPage), pages(workbench.middlePage), formatRatio(floor.wallMs === undefined ? undefined : (workbench.openMs + workbench.reportMs) / floor.wallMs)]
        : failed()),
    ],
    ['', 'FLOOR (DuckDB SQL)', ...(floor.ok ? [formatMs(floor.importMs), formatMs(floor.reconcileMs), formatMs(floor.reportMs), formatMs(floor.wallMs), formatMb(floor.peakRssMb), pages(floor.firstPage), pages(floor.middlePage), '1.00x'] : failed())],
  ];
}

/** One `recon metrics --json` measure against its floor: the size in its own words, then the two runs. */
interface ReportRuns extends Pick<MetricsSizeResult, 'floor' | 'recon' | 'ratioToFloor'> {
  size: string;
  files: string;
}

function formatReportTable(sizeHeader: string, filesHeader: string, sizes: ReportRuns[]): string[] {
  const header = [sizeHeader, filesHeader, 'run', 'import', 'reconcile or compute', 'report', 'total', 'CPU', 'peak RSS', 'vs floor'];
  const rows = sizes.flatMap(({ size, files, recon, floor, ratioToFloor }): string[][] => {
    const failed = ['FAILED (below)'];
    const reportMs = recon.wallMs === undefined || recon.importMs === undefined || recon.reconcileMs === undefined ? undefined : recon.wallMs - recon.importMs - recon.reconcileMs;
    return [
      [size, files, 'recon metrics --json', ...(recon.ok ? [formatMs(recon.importMs), formatMs(recon.reconcileMs), `${formatMs(reportMs)} *`, formatMs(recon.wallMs), formatMs(recon.cpuMs), formatMb(recon.peakRssMb), formatRatio(ratioToFloor)] : failed)],
      ['', '', 'FLOOR (DuckDB SQL)', ...(floor.ok ? [formatMs(floor.importMs), formatMs(floor.computeMs), formatMs(floor.reportMs), formatMs(floor.wallMs), formatMs(floor.cpuMs), formatMb(floor.peakRssMb), '1.00x'] : failed)],
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-+-'), ...rows.map(line), '* the rest of the wall time: process start, contract, the report and its JSON.'];
}

function formatMetricsTable(sizes: MetricsSizeResult[]): string[] {
  return formatReportTable(
    'people',
    'opportunities / contact roles / tasks',
    sizes.map((s) => ({ ...s, size: formatRows(s.people), files: `${formatRows(s.rows.opportunities)} / ${formatRows(s.rows.contactRoles)} / ${formatRows(s.rows.tasks)}` })),
  );
}

function formatAttributionTable(sizes: AttributionSizeResult[]): string[] {
  return formatReportTable(
    'touches',
    'opportunities / contact roles / contacts',
    sizes.map((s) => ({ ...s, size: formatRows(s.touches), files: `${formatRows(s.rows.opportunities)} / ${formatRows(s.rows.contactRoles)} / ${formatRows(s.rows.contacts)}` })),
  );
}

/** Failures, then whether the engine's report agrees with the floor's (`compared` says what was compared). */
function formatReportWarnings(label: string, s: Pick<MetricsSizeResult, 'floor' | 'recon' | 'differences'>, compared: string): string[] {
  const failures = [
    ['recon metrics', s.recon.ok ? undefined : s.recon.error],
    ['FLOOR', s.floor.ok ? undefined : s.floor.error],
  ].flatMap(([run, error]) => (error === undefined ? [] : [`FAILED ${label} ${run}: ${error}`]));
  if (s.differences === undefined) return [...failures, `check ${label}: engine report not compared with the floor (one of them did not finish)`];
  if (s.differences.length === 0) return [...failures, `check ${label}: engine report agrees with the floor (${compared})`];
  return [...failures, `WARNING ${label}: engine report differs from the floor in ${s.differences.length} place(s):`, ...s.differences.slice(0, 12).map((d) => `    ${d}`)];
}

function formatMetricsWarnings(s: MetricsSizeResult): string[] {
  return formatReportWarnings(`metrics ${formatRows(s.people)} people`, s, "every funnel figure and list, every shared metric with its inputs and ids, the SLA's figures and lists, the first-touch attribution");
}

function formatAttributionWarnings(s: AttributionSizeResult): string[] {
  const compared = "every model's credit lines per channel and campaign with their deals and ids (time decay within a cent), total, no touch, the sourced bridge, influenced, the agreement cells";
  return formatReportWarnings(`attribution ${formatRows(s.touches)} touches`, s, compared);
}

/** The metrics screens' figures at one size (`size`: "1,000,000 people"); each screen's first click and its click after a reload are judged against 300 ms among the targets. */
function formatMetricsUi(size: string, ui: MetricsSizeResult['ui']): string[] {
  if (!ui) return [];
  if (!ui.ok) return [`Metrics screens ${size}: FAILED: ${ui.error}`];
  const tabs = Object.keys(ui.screens);
  return [
    `${tabs.join(' and ')} screen${tabs.length === 1 ? '' : 's'} ${size} (Chromium over the browser shell):`,
    `  server start on the contract (import + reconcile): ${formatMs(ui.serverStartMs)}; page load to the tabs: ${formatMs(ui.tabsShownMs)}`,
    `  page load to the tabs' numbers on hand (the server computes the metrics report once the bridge is ready; a click before then waits for the rest): ${formatMs(ui.metricsReadyMs)}`,
    `  a page reload to the report on hand again (held by the server, read again as the page loads): ${formatMs(ui.afterReloadReportMs)}`,
    ...Object.entries(ui.screens).map(
      ([tab, f]) =>
        `  ${tab}: first click on the tab, its numbers on hand, to its numbers drawn ${formatMs(f.firstClickMs)}; on a reloaded page ${formatMs(f.afterReloadMs)}; back from the bridge ${formatMs(f.revisitMs)}`,
    ),
  ];
}

/** The renderer's figures, each against issue 11's aim: 150 ms for a click or a jump, 500 ms for a sort or a filter. */
function formatUi(sizes: SizeResult[]): string[] {
  return sizes.flatMap((s) => {
    if (!s.ui) return [];
    const rows = formatRows(s.rows);
    if (!s.ui.ok) return [`UI ${rows} rows a side: FAILED: ${s.ui.error}`];
    const aim = (ms: number, target = 150) => `${formatMs(ms)} (${ms < target ? 'under' : 'over'} the ${target} ms aim)`;
    return [
      `UI ${rows} rows a side, largest bucket ${s.ui.largestBucket} (Chromium over the browser shell):`,
      `  server start on the contract (import + reconcile): ${formatMs(s.ui.serverStartMs)}`,
      `  page load to bridge drawn: ${formatMs(s.ui.bridgeDrawnMs)}; reopen from the start screen to bridge drawn: ${formatMs(s.ui.reopenDrawnMs)}`,
      `  click on the bucket to its first rows: ${aim(s.ui.bucketFirstRowsInPageMs)} in the page, from the click event to the frame with the rows; ${formatMs(s.ui.bucketFirstRowsMs)} with Playwright's click (its checks and round trips included)`,
      `  jump to the middle of the bucket to rows shown: ${aim(s.ui.middleRowsMs)}`,
      `  sort the bucket by ${s.ui.sortColumn} (a click on its header) to the first sorted rows: ${aim(s.ui.sortRowsMs, 500)}`,
      `  filter it on ${s.ui.filterColumn} contains "${s.ui.filterText}" to the first rows: ${aim(s.ui.filterRequestRowsMs, 500)} from the grid's request; ${formatMs(s.ui.filterRowsMs)} from the last key typed (ag-grid's pause for typing included)`,
    ];
  });
}

function formatWarnings(sizes: SizeResult[], bridge: BenchBridge): string[] {
  return sizes.flatMap((s) => {
    const rows = `${bridge} bridge ${formatRows(s.rows)}`;
    const failures = [
      ['recon CLI', s.recon.ok ? undefined : s.recon.error],
      ['workbench API (file DB)', s.workbench.ok ? undefined : s.workbench.error],
      ['FLOOR', s.floor.ok ? undefined : s.floor.error],
    ].flatMap(([run, error]) => (error === undefined ? [] : [`FAILED ${rows} ${run}: ${error}`]));
    return [...failures, ...formatCheck(s, rows, bridge)];
  });
}

const COMPARED: Record<BenchBridge, string> = {
  count: "gross, net, every bucket's count and ids",
  value: "gross, net, their values, every bucket's count, value, missing values and ids, every pair and its differing values, the value differences",
};

function formatCheck(s: SizeResult, rows: string, bridge: BenchBridge): string[] {
  if (s.differences === undefined) return [`check ${rows}: engine report not compared with the floor (one of them did not finish)`];
  if (s.differences.length === 0) return [`check ${rows}: engine report agrees with the floor (${COMPARED[bridge]})`];
  const shown = s.differences.slice(0, 12).map((d) => `    ${d}`);
  const more = s.differences.length > shown.length ? [`    ... and ${s.differences.length - shown.length} more`] : [];
  return [`WARNING ${rows}: engine report differs from the floor in ${s.differences.length} place(s):`, ...shown, ...more];
}
