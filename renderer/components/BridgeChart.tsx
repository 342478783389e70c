// A waterfall (count or value) from the left export's gross to the right export's gross: hand-made SVG, one bar per step.
import { useMemo, useState } from 'react';
import type { ChartStep } from '../model/ChartStep';
import { wrapLabel } from '../model/wrapLabel';

interface Props {
  steps: ChartStep[];
  ariaLabel: string;
  /** Shorter bars, for room after them for longer figures (amounts and their record counts). */
  wide?: boolean;
  onOpen(step: ChartStep): void;
}

const WIDTH = 760;
const BAR_X = 262;
const BAR_W = 410;
/** The value chart's bars give up this much for an amount and its record count after them; the text keeps its size. */
const WIDE_ROOM = 150;
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

type Row = { type: 'group'; label: string; y: number } | { type: 'step'; step: ChartStep; y: number; h: number; lines: string[] };

function layOutRows(steps: ChartStep[], linesOf: (step: ChartStep) => string[]): { rows: Row[]; height: number } {
  const rows: Row[] = [];
  let y = 4;
  let group = '';
  for (const step of steps) {
    if (step.group !== group) {
      group = step.group;
      rows.push({ type: 'group', label: group, y });
      y += GROUP_H;
    }
    const lines = linesOf(step);
    const h = ROW_H + (lines.length - 1) * LINE_H;
    rows.push({ type: 'step', step, y, h, lines });
    y += h;
  }
  return { rows, height: y + 6 };
}

/** Text widths in the chart's font, for cutting long labels; about 7.5 units a character where no canvas can measure. */
function makeMeasure(bold: boolean): (text: string) => number {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return (text) => text.length * 7.5;
  context.font = `${bold ? 700 : 400} ${LABEL_FONT_PX}px ${getComputedStyle(document.body).fontFamily}`;
  return (text) => context.measureText(text).width;
}

export function BridgeChart({ steps, ariaLabel, wide = false, onOpen }: Props) {
  const [active, setActive] = useState<string | null>(null);
  const measure = useMemo(() => ({ plain: makeMeasure(false), bold: makeMeasure(true) }), []);
  const barWidth = BAR_W - (wide ? WIDE_ROOM : 0);
  const linesOf = (step: ChartStep) => wrapLabel(step.label, LABEL_ROOM, step.type === 'total' || step.type === 'matched' ? measure.bold : measure.plain, LABEL_LINES);
  const { rows, height } = layOutRows(steps, linesOf);
  // Amounts may be negative (credit notes): the axis spans from the lowest running figure, or 0, to the highest.
  const min = Math.min(0, ...steps.flatMap((s) => [s.from, s.to]));
  const max = Math.max(min + 1, ...steps.flatMap((s) => [s.from, s.to]));
  const scale = (n: number) => BAR_X + ((n - min) / (max - min)) * barWidth;
  const activeRow = rows.find((r): r is Extract<Row, { type: 'step' }> => r.type === 'step' && r.step.id === active);
  const stepRows = rows.filter((r): r is Extract<Row, { type: 'step' }> => r.type === 'step');

  return (
    <div className="bridge-chart" onMouseLeave={() => setActive(null)}>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="group" aria-label={ariaLabel}>
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
          const barX = scale(Math.min(step.from, step.to));
          const barW = Math.max(1.5, scale(Math.max(step.from, step.to)) - barX);
          const top = y + (h - BAR_H) / 2;
          const end = Math.max(barX + barW, ...(step.segments ?? []).map((s) => scale(Math.max(s.from, s.to))));
          const focus = () => setActive(step.id);
          return (
            <g
              key={step.id}
              className={`bar bar-${step.type} bar-interactive${active === step.id ? ' bar-active' : ''}`}
              role="button"
              tabIndex={0}
              aria-label={step.name}
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
              <title>{step.title}</title>
              <rect className="bar-hit" x={0} y={y + 1} width={WIDTH} height={h - 2} rx={3} />
              <text className="bar-label" x={LABEL_X} y={middle - ((lines.length - 1) * LINE_H) / 2}>
                {lines.map((line, i) => (
                  <tspan key={i} x={LABEL_X} dy={i === 0 ? 0 : LINE_H}>
                    {line}
                  </tspan>
                ))}
              </text>
              {step.segments ? (
                step.segments.map((segment, i) => {
                  const x = scale(Math.min(segment.from, segment.to));
                  return (
                    <rect
                      key={segment.type}
                      className={`bar-fill bar-segment-${segment.type}`}
                      x={x}
                      y={top + (i * BAR_H) / 2}
                      width={Math.max(1.5, scale(Math.max(segment.from, segment.to)) - x)}
                      height={BAR_H / 2}
                      rx={1}
                    />
                  );
                })
              ) : (
                <rect className="bar-fill" x={barX} y={top} width={barW} height={BAR_H} rx={1.5} />
              )}
              <text className="bar-count" x={end + 6} y={middle}>
                {step.shown}
                {step.detail ? <tspan className="bar-detail">{` · ${step.detail}`}</tspan> : null}
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
          <strong>{activeRow.step.title}</strong>
          <span>{activeRow.step.description}</span>
          <span className="tooltip-hint">{activeRow.step.target.type === 'pairs' ? 'Click or press Enter to list these pairs.' : 'Click or press Enter to list these records.'}</span>
        </div>
      ) : null}
    </div>
  );
}
