// The bench's last table: one line per bridge and size (rows, floor, CLI, session, ratios, peak RSS, first page), the figures README keeps.
import type { BenchResults, SizeResult } from './benchResults';
import { formatMb, formatMs, formatRatio, formatRows } from './formatFigures';

const HEADER = ['bridge', 'rows a side', 'floor', 'CLI', 'session', 'CLI/floor', 'CLI/floor CPU', 'session/CLI', 'peak RSS CLI / floor', 'first page'];

/** Count and value bridges only: the metrics and attribution reports have no session path or page to time. */
export function formatCompactTable(results: BenchResults): string[] {
  const lines = [
    ...results.sizes.map((s) => formatSizeLine('count', s)),
    ...(results.valueSizes ?? []).map((s) => formatSizeLine('value', s)),
  ];
  if (lines.length === 0) return [];
  const widths = HEADER.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ').trimEnd();
  return [
    line(HEADER),
    widths.map((w) => '-'.repeat(w)).join('-+-'),
    ...lines.map(line),
    'floor, CLI: process wall time (`recon reconcile --json > file`); session: openInvestigation on a DuckDB file + getReport, in-process; first page: 100 rows of the largest bucket in the session, cold.',
  ];
}

function formatSizeLine(bridge: string, s: SizeResult): string[] {
  const { floor, recon, workbench } = s;
  // A run that failed or was stopped shows as such rather than as a figure that looks like a result.
  const shown = (ok: boolean, ms: number | undefined, timedOut?: boolean) => (ok ? formatMs(ms) : timedOut ? `> ${formatMs(ms)} (stopped)` : 'FAILED');
  const sessionMs = workbench.ok ? workbench.openMs + workbench.reportMs : undefined;
  const ratio = (a: number | undefined, b: number | undefined) => formatRatio(a === undefined || b === undefined ? undefined : a / b);
  return [
    bridge,
    formatRows(s.rows),
    shown(floor.ok, floor.wallMs),
    shown(recon.ok, recon.wallMs, recon.timedOut),
    shown(workbench.ok, sessionMs, !workbench.ok && workbench.timedOut),
    recon.ok ? ratio(recon.wallMs, floor.wallMs) : 'n/a',
    recon.ok ? ratio(recon.cpuMs, floor.cpuMs) : 'n/a',
    recon.ok ? ratio(sessionMs, recon.wallMs) : 'n/a',
    `${formatMb(recon.peakRssMb)} / ${formatMb(floor.peakRssMb)} (${ratio(recon.peakRssMb, floor.peakRssMb)})`,
    workbench.ok ? formatMs(workbench.firstPage.coldMs) : 'n/a',
  ];
}
