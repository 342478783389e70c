// Renders a comparison of two contracts as the readable tables `recon diff` prints: each bridge line under A and B with the delta, then the moves.
import type { ComparedCount, ComparedReconciliation, ContractComparison } from '../../shared/reviewTypes';
import { formatMoney, formatRow } from './formatTableCells';

const describeBucket = (side: string, kind: string, reason: string) => `${side} ${kind}${reason === kind ? '' : `: ${reason}`}`;

const formatDelta = (delta: number) => (delta > 0 ? `+${delta.toLocaleString('en-US')}` : delta.toLocaleString('en-US'));

/** Count, then the value when that contract's metrics have one. */
function formatCount(count: ComparedCount, currency: string | null): string {
  return count.value === undefined ? count.count.toLocaleString('en-US') : `${count.count.toLocaleString('en-US')} (${formatMoney(count.value, currency)})`;
}

function formatReconciliation(r: ComparedReconciliation, currency: string | null): string[] {
  const header = ['line', 'A', 'B', 'delta'];
  const rows = r.lines.map((l) => [describeBucket(l.side, l.kind, l.reason), formatCount(l.a, currency), formatCount(l.b, currency), formatDelta(l.b.count - l.a.count)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const lines = [r.name, formatRow(header, widths), ...rows.map((row) => formatRow(row, widths))];
  if (r.moved === null) return [...lines, '  moved: not compared (the reconciliation is in one contract only)', ''];
  if (r.moved.length === 0) return [...lines, '  moved: no record changed its bucket', ''];
  const moves = r.moved.map((m) => [describeBucket(m.side, m.from.kind, m.from.reason), describeBucket(m.side, m.to.kind, m.to.reason), m.count.toLocaleString('en-US')]);
  const total = r.moved.reduce((n, m) => n + m.count, 0);
  const moveHeader = ['moved from (A)', 'to (B)', 'records'];
  const moveWidths = moveHeader.map((h, i) => Math.max(h.length, ...moves.map((row) => row[i]?.length ?? 0)));
  return [...lines, `  ${total.toLocaleString('en-US')} record${total === 1 ? '' : 's'} moved:`, formatRow(moveHeader, moveWidths, 2), ...moves.map((row) => formatRow(row, moveWidths, 2)), ''];
}

/** `currency` is the reporting currency values are shown in (B's, then A's), null when neither contract names one. */
export function formatComparisonTable(comparison: ContractComparison, currency: string | null): string {
  const name = (c: ContractComparison['a']) => `${c.title} (version ${c.version}, sha256 ${c.sha256.slice(0, 12)})`;
  const head = [`A: ${name(comparison.a)}`, `B: ${name(comparison.b)}`, ''];
  return `${[...head, ...comparison.reconciliations.flatMap((r) => formatReconciliation(r, currency))].join('\n')}`;
}
