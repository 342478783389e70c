// Renders a bridge report as the readable table `recon reconcile` prints: left gross down to right gross.
import type { Bucket, ReconciliationReport, ReconReport } from '../../shared/reportTypes';

const KIND_LABEL: Record<Bucket['kind'], string> = {
  excluded: 'excluded',
  duplicate: 'duplicates',
  out_of_period: 'out of period',
  matched: 'matched',
  timing: 'timing (other side counts it in another period)',
  excluded_on_other_side: 'excluded on the other side',
  unmatched: 'unmatched',
};

function formatLine(label: string, count: number, sign: '' | '-' | '+' | '='): string {
  const number = `${sign === '-' || sign === '+' ? sign : ''}${count.toLocaleString('en-US')}`;
  return `  ${sign === '=' ? '=' : ' '} ${label.padEnd(64)} ${number.padStart(12)}`;
}

function formatBucket(b: Bucket, sign: '-' | '+'): string {
  const reason = b.reason === b.kind || b.reason === 'duplicate' ? '' : `: ${b.reason}`;
  return formatLine(`${b.side} ${KIND_LABEL[b.kind]}${reason}`, b.count, sign);
}

function formatReconciliation(r: ReconciliationReport): string[] {
  const of = (side: Bucket['side'], kinds: Bucket['kind'][]) => r.buckets.filter((b) => b.side === side && kinds.includes(b.kind));
  const matched = of('left', ['matched']).reduce((n, b) => n + b.count, 0);
  const lines = [`${r.name}: ${r.left.metric} (${r.left.source}) -> ${r.right.metric} (${r.right.source})`];
  lines.push(formatLine(`${r.left.metric} gross (every row of ${r.left.source})`, r.left.gross, ''));
  for (const b of of('left', ['excluded', 'duplicate', 'out_of_period'])) lines.push(formatBucket(b, '-'));
  lines.push(formatLine(`${r.left.metric} net`, r.left.net, '='));
  for (const b of of('left', ['timing', 'excluded_on_other_side', 'unmatched'])) lines.push(formatBucket(b, '-'));
  lines.push(formatLine('matched on both sides', matched, '='));
  for (const b of of('right', ['unmatched', 'excluded_on_other_side', 'timing']).reverse()) lines.push(formatBucket(b, '+'));
  lines.push(formatLine(`${r.right.metric} net`, r.right.net, '='));
  for (const b of of('right', ['out_of_period', 'duplicate', 'excluded']).reverse()) lines.push(formatBucket(b, '+'));
  lines.push(formatLine(`${r.right.metric} gross (every row of ${r.right.source})`, r.right.gross, '='));
  return lines;
}

export function formatBridgeTable(report: ReconReport): string {
  const lines = [
    `${report.contract.title} (version ${report.contract.version})`,
    `Period ${report.period.from} to ${report.period.to} (${report.period.timezone})`,
  ];
  for (const s of report.sources) {
    const dropped = s.dropped.length ? `, ${s.dropped.length} lines not loaded (${[...new Set(s.dropped.map((d) => d.reason))].join(', ')})` : '';
    const unreadable = s.unreadable.map((u) => `, ${u.count} unreadable in '${u.column}'`).join('');
    lines.push(`Source ${s.name}: ${s.file}, ${s.rows.toLocaleString('en-US')} rows${dropped}${unreadable}`);
  }
  for (const r of report.reconciliations) lines.push('', ...formatReconciliation(r));
  return `${lines.join('\n')}\n`;
}
