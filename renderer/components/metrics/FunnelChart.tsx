// A funnel drawn with recharts: the cohort and one bar per stage (cohort records counted there), each bar opening its records.
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FunnelReport } from '../../../shared/metricsReportTypes';
import { formatCount } from '../../model/formatCount';
import { formatShare } from '../../model/formatShare';

const compact = new Intl.NumberFormat('en-US', { notation: 'compact' });

interface Props {
  funnel: FunnelReport;
  /** Bar 0 is the cohort, bar k the k-th stage. */
  onOpenBar(index: number): void;
}

interface FunnelBar {
  name: string;
  reached: number;
  /** "121 · 29.3%" above a stage's bar: its count and its share of the cohort. */
  label: string;
}

function toBars(funnel: FunnelReport): FunnelBar[] {
  return [
    { name: `${funnel.cohort.metric} (cohort)`, reached: funnel.cohort.count, label: formatCount(funnel.cohort.count) },
    ...funnel.stages.map((s) => ({ name: s.metric, reached: s.reached, label: `${formatCount(s.reached)} · ${formatShare(s.conversion_from_cohort)}` })),
  ];
}

export function FunnelChart({ funnel, onOpenBar }: Props) {
  const bars = toBars(funnel);
  const described = bars.map((b) => `${b.name} ${formatCount(b.reached)}`).join(', ');
  return (
    <figure className="funnel-chart" aria-label={`Funnel ${funnel.name}: ${described}`}>
      <ResponsiveContainer width="100%" height={250}>
        <BarChart data={bars} margin={{ top: 24, right: 12, bottom: 4, left: 4 }} barCategoryGap="18%">
          <CartesianGrid vertical={false} stroke="#eceef1" />
          <XAxis dataKey="name" tickLine={false} interval={0} tick={{ fontSize: 13, fill: '#1c2430' }} />
          {/* Short ticks (400K): a million people's grouped digits do not fit beside the bars. */}
          <YAxis allowDecimals={false} tickFormatter={(v) => compact.format(Number(v))} tick={{ fontSize: 12, fill: '#6b7280' }} width={44} />
          <Tooltip cursor={{ fill: '#e8eef5' }} formatter={(value) => [`${formatCount(Number(value))} records — click to list them`, 'Reached']} />
          <Bar dataKey="reached" cursor="pointer" onClick={(_, index) => onOpenBar(index)} isAnimationActive={false}>
            {bars.map((bar, i) => (
              <Cell key={bar.name} className={`funnel-bar funnel-bar-${i}`} fill={i === 0 ? '#8a94a3' : '#1f4e79'} />
            ))}
            <LabelList dataKey="label" position="top" className="funnel-bar-count" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
