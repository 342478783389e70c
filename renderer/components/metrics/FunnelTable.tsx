// A funnel's numbers per stage: reached, conversions, value, days, and every list (stage records, dropped, skipped, outside the cohort) as a count that opens its records.
import type { FunnelList, FunnelReport } from '../../../shared/metricsReportTypes';
import { countStageList } from '../../model/countStageList';
import { formatAmount } from '../../model/formatAmount';
import { formatCount } from '../../model/formatCount';
import { formatDays } from '../../model/formatDays';
import { formatShare } from '../../model/formatShare';
import { Moved } from './Moved';

interface Props {
  funnel: FunnelReport;
  /** The same funnel before the last applied contract edit, when there was one. */
  previous: FunnelReport | undefined;
  currency: string | undefined;
  /** stage 0 with `cohort`: the cohort. */
  onOpen(stage: number, list: FunnelList): void;
}

const showCount = (n: number | null) => (n === null ? '' : formatCount(n));
const LISTS: { list: Exclude<FunnelList, 'cohort' | 'reached'>; label: string }[] = [
  { list: 'ids', label: 'Stage records' },
  { list: 'dropped', label: 'Dropped' },
  { list: 'skipped', label: 'Skipped' },
  { list: 'outside_cohort', label: 'Outside the cohort' },
];

function CountButton({ count, name, onClick }: { count: number; name: string; onClick(): void }) {
  return (
    <button type="button" className="count-button" aria-label={`${name}: ${count} record${count === 1 ? '' : 's'}`} onClick={onClick}>
      {formatCount(count)}
    </button>
  );
}

export function FunnelTable({ funnel, previous, currency, onOpen }: Props) {
  const money = (value: number | null) => (value === null ? 'no value' : formatAmount(value, currency));
  const metricOf = (i: number) => (i === 0 ? funnel.cohort.metric : (funnel.stages[i - 1]?.metric ?? ''));
  return (
    <table className="funnel-table" aria-label={`Stages of ${funnel.name}`}>
      <thead>
        <tr>
          <th scope="col">Stage</th>
          <th scope="col" className="num">Reached</th>
          <th scope="col" className="num">From previous</th>
          <th scope="col" className="num">From cohort</th>
          <th scope="col" className="num">Value</th>
          <th scope="col" className="num">Median days</th>
          <th scope="col" className="num">p90 days</th>
          {LISTS.map((l) => (
            <th key={l.list} scope="col" className="num">
              {l.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">{funnel.cohort.metric} (cohort)</th>
          <td className="num">
            <CountButton count={funnel.cohort.count} name={`The cohort, ${funnel.cohort.metric}`} onClick={() => onOpen(0, 'cohort')} />
            <Moved before={previous?.cohort.count} after={funnel.cohort.count} format={showCount} />
          </td>
          <td colSpan={5 + LISTS.length} className="muted">
            Every net {funnel.cohort.metric} record of the period starts the funnel.
          </td>
        </tr>
        {funnel.stages.map((stage, i) => {
          const before = previous?.stages[i]?.metric === stage.metric ? previous.stages[i] : undefined;
          const k = i + 1;
          return (
            <tr key={`${k}-${stage.metric}`}>
              <th scope="row">{stage.metric}</th>
              <td className="num">
                <CountButton count={stage.reached} name={`Reached ${stage.metric}`} onClick={() => onOpen(k, 'reached')} />
                <Moved before={before?.reached} after={stage.reached} format={showCount} />
              </td>
              <td className="num">
                {formatShare(stage.conversion_from_previous)}
                <Moved before={before?.conversion_from_previous} after={stage.conversion_from_previous} format={formatShare} />
              </td>
              <td className="num">
                {formatShare(stage.conversion_from_cohort)}
                <Moved before={before?.conversion_from_cohort} after={stage.conversion_from_cohort} format={formatShare} />
              </td>
              <td className="num">
                {money(stage.value)}
                <Moved before={before?.value} after={stage.value} format={money} />
              </td>
              <td className="num">
                {formatDays(stage.median_days)}
                <Moved before={before?.median_days} after={stage.median_days} format={formatDays} />
              </td>
              <td className="num">
                {formatDays(stage.p90_days)}
                <Moved before={before?.p90_days} after={stage.p90_days} format={formatDays} />
              </td>
              {LISTS.map((l) => (
                <td key={l.list} className="num">
                  <CountButton
                    count={countStageList(stage, l.list)}
                    name={l.list === 'ids' ? `${stage.metric} records reached` : `${l.label} at ${stage.metric}${l.list === 'outside_cohort' ? '' : ` (from ${metricOf(i)})`}`}
                    onClick={() => onOpen(k, l.list)}
                  />
                  <Moved before={before ? countStageList(before, l.list) : undefined} after={countStageList(stage, l.list)} format={showCount} />
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
