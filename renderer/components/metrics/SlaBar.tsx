// An SLA's population as one stacked recharts bar: met, breached and never touched, each part opening its records.
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SlaList, SlaReport } from '../../../shared/metricsReportTypes';
import { formatCount } from '../../model/formatCount';

const PARTS: { list: SlaList; label: string; colour: string }[] = [
  { list: 'met', label: 'Met', colour: '#1a7f37' },
  { list: 'breached', label: 'Breached', colour: '#b42318' },
  { list: 'never', label: 'Never touched', colour: '#8a94a3' },
];

export function SlaBar({ sla, onOpen }: { sla: SlaReport; onOpen(list: SlaList): void }) {
  const row = { name: sla.name, met: sla.met.count, breached: sla.breached.count, never: sla.never.count };
  return (
    <figure className="sla-bar" aria-label={`${sla.name}: ${PARTS.map((p) => `${p.label} ${formatCount(sla[p.list].count)}`).join(', ')}`}>
      <ResponsiveContainer width="100%" height={64}>
        <BarChart data={[row]} layout="vertical" margin={{ top: 4, right: 8, bottom: 4, left: 8 }}>
          <XAxis type="number" hide domain={[0, 'dataMax']} />
          <YAxis type="category" dataKey="name" hide />
          <Tooltip cursor={false} formatter={(value, name) => [`${formatCount(Number(value))} records`, PARTS.find((p) => p.list === name)?.label ?? String(name)]} />
          {PARTS.map((p) => (
            <Bar key={p.list} dataKey={p.list} stackId="sla" fill={p.colour} className={`sla-part sla-part-${p.list}`} cursor="pointer" onClick={() => onOpen(p.list)} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="sla-legend">
        {PARTS.map((p) => (
          <span key={p.list}>
            <span className="swatch" style={{ background: p.colour }} /> {p.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
