// The models compared per channel with recharts: one group of bars per channel, one bar per model, each bar opening the deals that give it credit.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AttributionReport } from '../../../shared/metricsReportTypes';
import type { AttributionModel } from '../../../shared/revenueContractTypes';
import { buildCreditRows } from '../../model/buildCreditRows';
import { MODEL_LABELS } from '../../model/describeModelWeights';
import { formatAmount } from '../../model/formatAmount';
import { MODEL_COLOURS } from '../../model/MODEL_COLOURS';

interface Props {
  entry: AttributionReport;
  currency: string | undefined;
  onOpen(model: AttributionModel, channel: string): void;
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export function AttributionChart({ entry, currency, onOpen }: Props) {
  const models = Object.keys(entry.models) as AttributionModel[];
  // The table's channel rows, in its order: the chart and the table read the same way.
  const rows = buildCreditRows(entry, undefined);
  const data = rows.map((row) => ({ name: row.channel, ...Object.fromEntries(row.cells.map((c) => [c.model, c.line?.credit ?? 0])) }));
  const described = models.map((m) => `${MODEL_LABELS[m]}: ${rows.map((r) => `${r.channel} ${formatAmount(r.cells.find((c) => c.model === m)?.line?.credit ?? 0, currency)}`).join(', ')}`).join('; ');
  return (
    <figure className="attribution-chart" aria-label={`Credit per channel under each model. ${described}`}>
      <ResponsiveContainer width="100%" height={340}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 4 }} barCategoryGap="16%" barGap={1}>
          <CartesianGrid vertical={false} stroke="#eceef1" />
          {/* Channel names are long and many: slanted, each stays readable under its group. */}
          <XAxis dataKey="name" tickLine={false} interval={0} angle={-30} textAnchor="end" height={78} tick={{ fontSize: 12, fill: '#1c2430' }} />
          <YAxis tickFormatter={(v) => compact.format(Number(v))} tick={{ fontSize: 12, fill: '#6b7280' }} width={52} />
          <Tooltip cursor={{ fill: '#e8eef5' }} formatter={(value, name) => [`${formatAmount(Number(value), currency)} — click to list its deals`, MODEL_LABELS[name as AttributionModel] ?? String(name)]} />
          {/* The models in the entry's order, as the bars stand and the table's columns read. */}
          <Legend itemSorter={null} formatter={(name) => MODEL_LABELS[name as AttributionModel] ?? String(name)} wrapperStyle={{ fontSize: 12 }} />
          {models.map((m) => (
            <Bar
              key={m}
              dataKey={m}
              fill={MODEL_COLOURS[m]}
              className={`attribution-bar attribution-bar-${m}`}
              cursor="pointer"
              isAnimationActive={false}
              onClick={(_, index) => {
                const row = rows[index];
                if (row?.cells.find((c) => c.model === m)?.line) onOpen(m, row.channel);
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
