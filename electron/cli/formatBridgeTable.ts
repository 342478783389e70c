// Renders a bridge report as the readable table `recon reconcile` prints: left gross down to right gross, in counts and values.
import type { Bucket, ReconciliationReport, ReconReport } from '../../shared/reportTypes';
import { formatSourceFiles } from './formatSourceFiles';

const KIND_LABEL: Record<Bucket['kind'], string> = {
  excluded: 'excluded',
  duplicate: 'duplicates',
  out_of_period: 'out of period',
  matched: 'matched',
  timing: 'timing (other side counts it in another period)',
  excluded_on_other_side: 'excluded on the other side',
  unmatched: 'unmatched',
};

type Sign = '' | '-' | '+' | '=';

/** Amounts in the reporting currency (en-US, so the table reads the same on every machine); plain numbers without one. */
function formatValue(value: number, currency: string | undefined, signDisplay: 'auto' | 'exceptZero' = 'auto'): string {
  const digits = { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay };
  return new Intl.NumberFormat('en-US', currency ? { style: 'currency', currency, ...digits } : digits).format(value);
}

/** A step's line: what it takes off (-) or adds (+) on the way from left gross to right gross, or a total (=). */
function formatLine(label: string, count: number, sign: Sign, value?: number, currency?: string): string {
  const number = `${sign === '-' || sign === '+' ? sign : ''}${count.toLocaleString('en-US')}`;
  // A step's amount is signed by its effect (a credit note taken off adds); totals are shown as they are.
  const shown = value === undefined ? undefined : sign === '-' ? formatValue(-value, currency, 'exceptZero') : formatValue(value, currency, sign === '+' ? 'exceptZero' : 'auto');
  const amount = shown === undefined ? '' : ` ${shown.padStart(20)}`;
  return `  ${sign === '=' ? '=' : ' '} ${label.padEnd(64)} ${number.padStart(12)}${amount}`;
}

function formatReconciliation(r: ReconciliationReport, currency: string | undefined): string[] {
  const valued = r.left.gross_value !== undefined;
  const money = (value: number | undefined) => (valued ? (value ?? 0) : undefined);
  const of = (side: Bucket['side'], kinds: Bucket['kind'][]) => r.buckets.filter((b) => b.side === side && kinds.includes(b.kind));
  const total = (buckets: Bucket[]) => ({ count: buckets.reduce((n, b) => n + b.count, 0), value: buckets.reduce((n, b) => n + Math.round((b.value ?? 0) * 100), 0) / 100 });
  const bucketLine = (b: Bucket, sign: '-' | '+') => {
    const reason = b.reason === b.kind || b.reason === 'duplicate' ? '' : `: ${b.reason}`;
    const missing = b.missing_values ? ` (${b.missing_values} without amount)` : '';
    return formatLine(`${b.side} ${KIND_LABEL[b.kind]}${reason}${missing}`, b.count, sign, money(b.value), currency);
  };
  const lines = [`${r.name}: ${r.left.metric} (${r.left.source}) -> ${r.right.metric} (${r.right.source})`];
  lines.push(formatLine(`${r.left.metric} gross (every row of ${r.left.source})`, r.left.gross, '', money(r.left.gross_value), currency));
  for (const b of of('left', ['excluded', 'duplicate', 'out_of_period'])) lines.push(bucketLine(b, '-'));
  lines.push(formatLine(`${r.left.metric} net`, r.left.net, '=', money(r.left.net_value), currency));
  for (const b of of('left', ['timing', 'excluded_on_other_side', 'unmatched'])) lines.push(bucketLine(b, '-'));
  const leftMatched = total(of('left', ['matched']));
  lines.push(formatLine(valued ? `matched on both sides, ${r.left.metric} amounts` : 'matched on both sides', leftMatched.count, '=', money(leftMatched.value), currency));
  const differences = r.value_differences;
  if (valued && differences) {
    // Between the two matched totals: the same records, valued by each side (money.md).
    const label = `amounts differ on ${differences.count} matched records: +${formatValue(differences.increase, currency)} / -${formatValue(differences.decrease, currency)}`;
    const net = Math.round((differences.increase - differences.decrease) * 100) / 100;
    lines.push(`    ${label.padEnd(64)} ${''.padStart(12)} ${formatValue(net, currency, 'exceptZero').padStart(20)}`);
    const rightMatched = total(of('right', ['matched']));
    lines.push(formatLine(`matched on both sides, ${r.right.metric} amounts`, rightMatched.count, '=', money(rightMatched.value), currency));
  }
  for (const b of of('right', ['unmatched', 'excluded_on_other_side', 'timing']).reverse()) lines.push(bucketLine(b, '+'));
  lines.push(formatLine(`${r.right.metric} net`, r.right.net, '=', money(r.right.net_value), currency));
  for (const b of of('right', ['out_of_period', 'duplicate', 'excluded']).reverse()) lines.push(bucketLine(b, '+'));
  lines.push(formatLine(`${r.right.metric} gross (every row of ${r.right.source})`, r.right.gross, '=', money(r.right.gross_value), currency));
  const reasons = of('left', ['matched']).filter((b) => b.reason !== 'matched');
  if (reasons.length) lines.push(`  matched pairs that disagree: ${reasons.map((b) => `${b.reason} ${b.count}`).join(', ')} (recon drill --kind matched --reason REASON)`);
  return lines;
}

export function formatBridgeTable(report: ReconReport): string {
  const lines = [
    `${report.contract.title} (version ${report.contract.version})`,
    `Period ${report.period.from} to ${report.period.to} (${report.period.timezone})${report.currency ? `, values in ${report.currency}` : ''}`,
  ];
  for (const s of report.sources) {
    const dropped = s.dropped.length ? `, ${s.dropped.length} lines not loaded (${[...new Set(s.dropped.map((d) => d.reason))].join(', ')})` : '';
    const unreadable = s.unreadable.map((u) => `, ${u.count} unreadable in '${u.column}'`).join('');
    const ambiguous = (s.amounts ?? []).filter((a) => a.ambiguous).map((a) => `, amounts in '${a.column}' read with a decimal point (nothing in the column tells point from comma)`).join('');
    lines.push(`Source ${s.name}: ${s.file}, ${s.rows.toLocaleString('en-US')} rows${dropped}${unreadable}${ambiguous}`);
    lines.push(...formatSourceFiles(s).map((line) => `  ${line}`));
  }
  for (const r of report.reconciliations) lines.push('', ...formatReconciliation(r, report.currency));
  return `${lines.join('\n')}\n`;
}
