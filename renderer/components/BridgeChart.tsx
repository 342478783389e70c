// The waterfall from the left export's gross to the right export's gross: hand-made SVG, one bar per bucket.
import { useState } from 'react';
import type { Contract } from '../../shared/contractTypes';
import type { ReconReport, ReconciliationReport } from '../../shared/reportTypes';
import type { BridgeStep } from '../model/buildBridgeSteps';
import { buildBridgeSteps } from '../model/buildBridgeSteps';
import { describeBucket } from '../model/describeBucket';
import { formatCount } from '../model/formatCount';
import { labelBucket, nameBucket } from '../model/labelBucket';

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

type Row = { type: 'group'; label: string; y: number } | { type: 'step'; step: BridgeStep; y: number };

function layOutRows(steps: BridgeStep[], recon: ReconciliationReport): { rows: Row[]; height: number } {
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
    rows.push({ type: 'step', step, y });
    y += ROW_H;
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

export function BridgeChart({ recon, report, contract, onOpen }: Props) {
  const [active, setActive] = useState<string | null>(null);
  const steps = buildBridgeSteps(recon);
  const { rows, height } = layOutRows(steps, recon);
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
          return <line key={`c-${row.step.id}`} className="connector" x1={x} x2={x} y1={previous.y + (ROW_H + BAR_H) / 2} y2={row.y + (ROW_H - BAR_H) / 2} />;
        })}
        {rows.map((row) => {
          if (row.type === 'group') {
            return (
              <text key={`g-${row.label}`} className="chart-group" x={0} y={row.y + 16}>
                {row.label}
              </text>
            );
          }
          const { step, y } = row;
          const low = Math.min(step.from, step.to);
          const barX = scale(low);
          const barW = Math.max(1.5, scale(Math.max(step.from, step.to)) - barX);
          const sign = step.type === 'removal' ? '−' : step.type === 'addition' ? '+' : '';
          const interactive = step.type !== 'total';
          const focus = () => setActive(step.id);
          return (
            <g
              key={step.id}
              className={`bar bar-${step.type}${interactive ? ' bar-interactive' : ''}${active === step.id ? ' bar-active' : ''}`}
              role={interactive ? 'button' : 'img'}
              tabIndex={interactive ? 0 : undefined}
              aria-label={nameStep(step)}
              aria-describedby={active === step.id ? TOOLTIP_ID : undefined}
              onMouseEnter={focus}
              onFocus={focus}
              onBlur={() => setActive(null)}
              onClick={interactive ? () => onOpen(step) : undefined}
              onKeyDown={(event) => {
                if (!interactive || (event.key !== 'Enter' && event.key !== ' ')) return;
                event.preventDefault();
                onOpen(step);
              }}
            >
              <rect className="bar-hit" x={0} y={y + 1} width={WIDTH} height={ROW_H - 2} rx={3} />
              <text className="bar-label" x={12} y={y + ROW_H / 2 + 4.5}>
                {labelStep(step, recon)}
              </text>
              <rect className="bar-fill" x={barX} y={y + (ROW_H - BAR_H) / 2} width={barW} height={BAR_H} rx={1.5} />
              <text className="bar-count" x={barX + barW + 6} y={y + ROW_H / 2 + 4.5}>
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
          style={{ top: `${((activeRow.y + ROW_H) / height) * 100}%`, left: `${(Math.min(scale(Math.min(activeRow.step.from, activeRow.step.to)), WIDTH - 330) / WIDTH) * 100}%` }}
        >
          <strong>
            {labelStep(activeRow.step, recon)}: {formatCount(activeRow.step.count)}
          </strong>
          <span>{describeBucket(activeRow.step, recon, report, contract)}</span>
          {activeRow.step.type !== 'total' ? <span className="tooltip-hint">Click or press Enter to list these records.</span> : null}
        </div>
      ) : null}
    </div>
  );
}
