// The bridge as a waterfall: one side's gross, each of its buckets taken away, what both sides count, the other side's buckets added back, its gross.
import { labelKind, labelReason } from '../../../../shared/labelStep';
import type { Bucket, ReconciliationReport } from '../../../../shared/reportTypes';
import type { PdfLayout } from './createPdfLayout';
import { toPdfText } from './toPdfText';

interface Step {
  label: string;
  from: number;
  to: number;
  color: string;
}

const ROW = 13;
const COLORS = { total: '#5a6b7d', less: '#c0504d', more: '#4f81bd', matched: '#6a9a4f' };
const NUMBER = new Intl.NumberFormat('en-US');

function describeBucket(b: Bucket): string {
  const reason = labelReason(b.reason);
  return reason === labelKind(b.kind) ? reason : `${labelKind(b.kind)}: ${reason}`;
}

function listSteps(r: ReconciliationReport): Step[] {
  const unmatched = (side: 'left' | 'right') => r.buckets.filter((b) => b.side === side && b.kind !== 'matched' && b.count > 0);
  const matched = r.buckets.filter((b) => b.side === 'left' && b.kind === 'matched').reduce((n, b) => n + b.count, 0);
  const steps: Step[] = [{ label: `Left gross (${r.left.metric})`, from: 0, to: r.left.gross, color: COLORS.total }];
  let run = r.left.gross;
  for (const b of unmatched('left')) {
    steps.push({ label: `- ${describeBucket(b)} (left)`, from: run - b.count, to: run, color: COLORS.less });
    run -= b.count;
  }
  steps.push({ label: 'Matched: counted by both sides', from: 0, to: matched, color: COLORS.matched });
  run = matched;
  for (const b of unmatched('right').reverse()) {
    steps.push({ label: `+ ${describeBucket(b)} (right)`, from: run, to: run + b.count, color: COLORS.more });
    run += b.count;
  }
  steps.push({ label: `Right gross (${r.right.metric})`, from: 0, to: r.right.gross, color: COLORS.total });
  return steps;
}

export function drawBridgeChart(layout: PdfLayout, r: ReconciliationReport): void {
  const { doc, left, width } = layout;
  const steps = listSteps(r);
  const labelWidth = width * 0.42;
  const barLeft = left + labelWidth + 6;
  const barWidth = width * 0.44;
  const scale = barWidth / Math.max(1, r.left.gross, r.right.gross);
  for (const step of steps) {
    layout.ensure(ROW);
    const y = doc.y;
    doc.font('Helvetica').fontSize(7.5).fillColor('black');
    doc.text(toPdfText(step.label), left, y + 2.5, { width: labelWidth, lineBreak: false, ellipsis: true, height: ROW });
    // A bucket of a few records among thousands still shows as a sliver.
    const w = Math.max(step.to - step.from > 0 ? 1 : 0, (step.to - step.from) * scale);
    doc.rect(barLeft + step.from * scale, y + 2, w, ROW - 4).fill(step.color);
    doc.fillColor('black').text(NUMBER.format(step.to - step.from), barLeft + barWidth + 6, y + 2.5, { width: width - labelWidth - barWidth - 12, align: 'right', lineBreak: false });
    doc.x = left;
    doc.y = y + ROW;
  }
  doc.moveDown(0.6);
}
