// Win rate by group drawn with recharts: one bar per value of win_rate_by (count win rate), each opening the group's won and lost records.
import { Bar, BarChart, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SharedMetricReport } from '../../../shared/metricsReportTypes';
import { formatShare } from '../../model/formatShare';

export function WinRateChart({ groups, onOpen }: { groups: SharedMetricReport[]; onOpen(group: SharedMetricReport): void }) {
  const bars = groups.map((g) => ({ name: g.by ?? '', rate: g.value ?? 0 }));
  return (
    <figure className="win-rate-chart" aria-label={`Win rate by group: ${groups.map((g) => `${g.by} ${formatShare(g.value)}`).join(', ')}`}>
      <ResponsiveContainer width="100%" height={28 * bars.length + 24}>
        <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 48, bottom: 4, left: 4 }}>
          <XAxis type="number" domain={[0, 1]} tickFormatter={(v) => `${Math.round(Number(v) * 100)}%`} tick={{ fontSize: 11, fill: '#6b7280' }} />
          <YAxis type="category" dataKey="name" width={150} tick={{ fontSize: 12, fill: '#1c2430' }} interval={0} />
          <Tooltip cursor={{ fill: '#e8eef5' }} formatter={(value) => [formatShare(Number(value)), 'Win rate (count)']} />
          <Bar dataKey="rate" cursor="pointer" onClick={(_, index) => groups[index] && onOpen(groups[index])} isAnimationActive={false}>
            {bars.map((bar) => (
              <Cell key={bar.name} className="win-rate-bar" fill="#1f4e79" />
            ))}
            <LabelList dataKey="rate" position="right" formatter={(value) => formatShare(Number(value))} fontSize={12} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
