// The waterfall from the left export's gross to the right export's gross: hand-made SVG, one bar per bucket.
import { useMemo, useState } from 'react';
import type { Contract } from '../../shared/contractTypes';
import type { ReconReport, ReconciliationReport } from '../../shared/reportTypes';
import type { BridgeStep } from '../model/buildBridgeSteps';
import { buildBridgeSteps } from '../model/buildBridgeSteps';
import { describeBucket } from '../model/describeBucket';
import { formatCount } from '../model/formatCount';
import { labelBucket, nameBucket } from '../model/labelBucket';
import { wrapLabel } from '../model/wrapLabel';

interface Props {
  recon: ReconciliationReport;
  report: ReconReport;
  contract: Contract | null;
  onOpen(step: BridgeStep): void;
}

const WIDTH = 760;
const BAR_X = 262;
const BAR_W = 410;
const ROW_H = 23;
const BAR_H = 14;
const GROUP_H = 22;
const TOOLTIP_ID = 'bridge-tooltip';
/** Room for a label left of the bars, which start at BAR_X (the label starts at x 12, a gap of 8 before the bars). */
const LABEL_X = 12;
const LABEL_ROOM = BAR_X - LABEL_X - 8;
/** The bar labels' size in styles.css (.bar-label): SVG user units, so the fit holds at every window width. */
const LABEL_FONT_PX = 12.5;
/** A long label (a rule's name) takes a second line; past that it is cut, the full name in the tooltip and <title>. */
const LABEL_LINES = 2;
const LINE_H = 15;

type Row = { type: 'group'; label: string; y: number } | { type: 'step'; step: BridgeStep; y: number; h: number; lines: string[] };

function layOutRows(steps: BridgeStep[], recon: ReconciliationReport, linesOf: (step: BridgeStep) => string[]): { rows: Row[]; height: number } {
  const rows: Row[] = [];
  let y = 4;
  let group = '';
  for (const step of steps) {
    const side = step.type === 'matched' ? 'both' : step.side;
    if (side !== group) {
      group = side;
      const label =
        side === 'both' ? 'Counted by both' : side === 'left' ? `Left: ${recon.left.metric} (${recon.left.source})` : `Right: ${recon.right.metric} (${recon.right.source})`;
      rows.push({ type: 'group', label, y });
      y += GROUP_H;
    }
    const lines = linesOf(step);
    const h = ROW_H + (lines.length - 1) * LINE_H;
    rows.push({ type: 'step', step, y, h, lines });
    y += h;
  }
  return { rows, height: y + 6 };
}

function labelStep(step: BridgeStep, recon: ReconciliationReport): string {
  const own = step.side === 'left' ? recon.left : recon.right;
  if (step.total === 'gross') return `Gross: every ${own.source} row`;
  if (step.total === 'net') return `Net: ${own.metric}`;
  return labelBucket(step.kind ?? 'matched', step.reason ?? '');
}

function nameStep(step: BridgeStep): string {
  if (step.total) return `${step.side} ${step.total}: ${step.count}`;
  if (step.type === 'matched') return `matched: ${step.count}`;
  return nameBucket(step.side, step.kind ?? 'matched', step.reason ?? '', step.count);
}

/** Text widths in the chart's font, for cutting long labels; about 7.5 units a character where no canvas can measure. */
function makeMeasure(bold: boolean): (text: string) => number {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return (text) => text.length * 7.5;
  context.font = `${bold ? 700 : 400} ${LABEL_FONT_PX}px ${getComputedStyle(document.body).fontFamily}`;
  return (text) => context.measureText(text).width;
}

export function BridgeChart({ recon, report, contract, onOpen }: Props) {
  const [active, setActive] = useState<string | null>(null);
  const measure = useMemo(() => ({ plain: makeMeasure(false), bold: makeMeasure(true) }), []);
  const steps = buildBridgeSteps(recon);
  const linesOf = (step: BridgeStep) => wrapLabel(labelStep(step, recon), LABEL_ROOM, step.type === 'total' || step.type === 'matched' ? measure.bold : measure.plain, LABEL_LINES);
  const { rows, height } = layOutRows(steps, recon, linesOf);
  const max = Math.max(1, ...steps.flatMap((s) => [s.from, s.to]));
  const scale = (n: number) => BAR_X + (n / max) * BAR_W;
  const activeRow = rows.find((r): r is Extract<Row, { type: 'step' }> => r.type === 'step' && r.step.id === active);
  const stepRows = rows.filter((r): r is Extract<Row, { type: 'step' }> => r.type === 'step');

  return (
    <div className="bridge-chart" onMouseLeave={() => setActive(null)}>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="group" aria-label={`Bridge from ${recon.left.metric} to ${recon.right.metric}`}>
        {stepRows.slice(1).map((row, i) => {
          const previous = stepRows[i];
          if (!previous) return null;
          const x = scale(previous.step.to);
          return <line key={`c-${row.step.id}`} className="connector" x1={x} x2={x} y1={previous.y + (previous.h + BAR_H) / 2} y2={row.y + (row.h - BAR_H) / 2} />;
        })}
        {rows.map((row) => {
          if (row.type === 'group') {
            return (
              <text key={`g-${row.label}`} className="chart-group" x={0} y={row.y + 16}>
                {row.label}
              </text>
            );
          }
          const { step, y, h, lines } = row;
          const middle = y + h / 2 + 4.5;
          const low = Math.min(step.from, step.to);
          const barX = scale(low);
          const barW = Math.max(1.5, scale(Math.max(step.from, step.to)) - barX);
          const sign = step.type === 'removal' ? '−' : step.type === 'addition' ? '+' : '';
          const focus = () => setActive(step.id);
          const label = labelStep(step, recon);
          return (
            <g
              key={step.id}
              className={`bar bar-${step.type} bar-interactive${active === step.id ? ' bar-active' : ''}`}
              role="button"
              tabIndex={0}
              aria-label={nameStep(step)}
              aria-describedby={active === step.id ? TOOLTIP_ID : undefined}
              onMouseEnter={focus}
              onFocus={focus}
              onBlur={() => setActive(null)}
              onClick={() => onOpen(step)}
              onKeyDown={(event) => {
                if (event.key !== 'Enter' && event.key !== ' ') return;
                event.preventDefault();
                onOpen(step);
              }}
            >
              <title>{`${label}: ${formatCount(step.count)}`}</title>
              <rect className="bar-hit" x={0} y={y + 1} width={WIDTH} height={h - 2} rx={3} />
              <text className="bar-label" x={LABEL_X} y={middle - ((lines.length - 1) * LINE_H) / 2}>
                {lines.map((line, i) => (
                  <tspan key={i} x={LABEL_X} dy={i === 0 ? 0 : LINE_H}>
                    {line}
                  </tspan>
                ))}
              </text>
              <rect className="bar-fill" x={barX} y={y + (h - BAR_H) / 2} width={barW} height={BAR_H} rx={1.5} />
              <text className="bar-count" x={barX + barW + 6} y={middle}>
                {sign}
                {formatCount(step.count)}
              </text>
            </g>
          );
        })}
      </svg>
      {activeRow ? (
        <div
          id={TOOLTIP_ID}
          role="tooltip"
          className="tooltip"
          style={{ top: `${((activeRow.y + activeRow.h) / height) * 100}%`, left: `${(Math.min(scale(Math.min(activeRow.step.from, activeRow.step.to)), WIDTH - 330) / WIDTH) * 100}%` }}
        >
          <strong>
            {labelStep(activeRow.step, recon)}: {formatCount(activeRow.step.count)}
          </strong>
          <span>{describeBucket(activeRow.step, recon, report, contract)}</span>
          <span className="tooltip-hint">Click or press Enter to list these records.</span>
        </div>
      ) : null}
    </div>
  );
}
