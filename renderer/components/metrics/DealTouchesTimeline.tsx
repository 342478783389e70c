// The inspector's attribution timeline of one deal: every touch of its people in time order, the counted ones with each model's share and credit, the others greyed with why.
import { useEffect, useState } from 'react';
import type { DealTouch, DealTouches } from '../../../shared/metricsReportTypes';
import type { TouchModel } from '../../../shared/revenueContractTypes';
import { getApi } from '../../api/getApi';
import { MODEL_LABELS } from '../../model/describeModelWeights';
import { formatAmount } from '../../model/formatAmount';
import { formatShare } from '../../model/formatShare';
import { reportError } from '../../stores/useErrorStore';

interface Props {
  attribution: string;
  recordId: string;
  currency: string | undefined;
  /** The entry's touch models, in its order: a column each. */
  models: TouchModel[];
  /** The entry's lookback as written, to say why a touch before it does not count. */
  lookback: string;
}

/** Both instants are wall-clock times of one zone: their difference in days, to a tenth. */
function daysBetween(from: string, to: string): number {
  const at = (instant: string) => Date.parse(`${instant.replace(' ', 'T')}:00Z`);
  return Math.round((at(to) - at(from)) / 8_640_000) / 10;
}

function describeGap(touch: DealTouch, deal: string): string {
  const days = daysBetween(touch.instant, deal);
  if (days === 0) return 'at the deal';
  const n = Math.abs(days);
  return `${n} day${n === 1 ? '' : 's'} ${days > 0 ? 'before' : 'after'}`;
}

const yesNo = (flag: boolean | null, absent: string) => (flag === null ? absent : flag ? 'yes' : 'no');

export function DealTouchesTimeline({ attribution, recordId, currency, models, lookback }: Props) {
  // Kept with the deal it was read for: a timeline never shows under another record.
  const [loaded, setLoaded] = useState<{ key: string; deal: DealTouches } | null>(null);
  // A long history before the lookback would push the counted touches out of view: it is folded into one line until asked for.
  const [early, setEarly] = useState(false);
  const key = `${attribution}\u0000${recordId}`;
  useEffect(() => {
    let live = true;
    getApi()
      .traceDealTouches(attribution, recordId)
      .then((deal) => live && setLoaded({ key: `${attribution}\u0000${recordId}`, deal }))
      .catch(reportError);
    return () => {
      live = false;
    };
  }, [attribution, recordId]);
  const title = `${attribution}: touches of deal ${recordId}`;
  if (loaded?.key !== key) return <p className="deal-timeline muted">Reading the touches of deal {recordId}…</p>;
  const { deal } = loaded;
  // In time order (ties by the export's row, as attribution orders them), whatever the order the engine lists them in.
  const ordered = [...deal.touches].sort((a, b) => (a.instant === b.instant ? a.row - b.row : a.instant < b.instant ? -1 : 1));
  const folded = ordered.filter((t) => t.status === 'before_lookback').length;
  const touches = early ? ordered : ordered.filter((t) => t.status !== 'before_lookback');
  const dealAt = touches.findIndex((t) => t.instant > deal.opportunity.instant);
  const why = { after_deal: 'after the deal: not counted', before_lookback: `more than ${lookback} before the deal: not counted` } as const;
  const dealRow = (
    <tr key="deal" className="deal-row">
      <td>
        <time dateTime={deal.opportunity.instant.replace(' ', 'T')}>{deal.opportunity.instant}</time>
      </td>
      <td colSpan={1 + models.length}>
        <strong>Deal {deal.opportunity.id}</strong> · {formatAmount(deal.opportunity.value, currency)}: the lookback ends here
      </td>
    </tr>
  );
  const rows = touches.map((t) => (
    <tr key={`${t.id}\u0000${t.row}`} className={`touch-${t.status}${t.id === deal.milestone ? ' touch-milestone' : ''}`}>
      <td>
        <time dateTime={t.instant.replace(' ', 'T')}>{t.instant}</time>
        <span className="credit-sub">{describeGap(t, deal.opportunity.instant)}</span>
      </td>
      <td>
        <strong>{t.channel}</strong>
        {t.campaign === null ? null : <span className="muted"> · {t.campaign}</span>}
        <span className="credit-sub touch-who">
          {t.person} · record {t.id}
        </span>
        {t.id === deal.milestone ? <span className="milestone-badge">W-shaped milestone</span> : null}
      </td>
      {t.status === 'counted' ? (
        models.map((m) => (
          <td key={m} className="num share-cell">
            {(t.shares[m] ?? 0) > 0 ? (
              <>
                {formatShare(t.shares[m] ?? 0)}
                <span className="credit-sub">{formatAmount(t.credits[m] ?? 0, currency)}</span>
              </>
            ) : (
              // The model gives this touch nothing (first touch to the others): no share row in the engine either.
              <span className="muted">—</span>
            )}
          </td>
        ))
      ) : (
        <td colSpan={models.length} className="not-counted">
          {why[t.status]}
        </td>
      )}
    </tr>
  ));
  return (
    <section className="deal-timeline" aria-label={title}>
      <h4>{attribution}</h4>
      <dl className="deal-facts">
        <dt>People</dt>
        <dd>{deal.people.length === 0 ? 'none linked' : deal.people.join(', ')}</dd>
        {deal.selfReported ? (
          <>
            <dt>Said</dt>
            <dd>
              {deal.selfReported.answer === null ? 'no answer' : `“${deal.selfReported.answer}”`} → <strong>{deal.selfReported.channel}</strong>
            </dd>
          </>
        ) : null}
        <dt>Sourced</dt>
        <dd>
          by the CRM rule: <strong>{yesNo(deal.sourced.crm, 'no rule')}</strong> · by touches: <strong>{yesNo(deal.sourced.touches, 'no model')}</strong> · influenced:{' '}
          <strong>{deal.sourced.influenced ? 'yes' : 'no'}</strong>
        </dd>
      </dl>
      {ordered.length === 0 ? (
        <p className="muted">No touch of its people: its whole value goes to No touch under every touch model.</p>
      ) : (
        <table className="deal-touches" aria-label={title}>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Channel · campaign, person</th>
              {models.map((m) => (
                <th key={m} scope="col" className="num">
                  {MODEL_LABELS[m]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {folded > 0 ? (
              <tr className="touch-fold">
                <td colSpan={2 + models.length}>
                  <button type="button" className="link-button" aria-expanded={early} onClick={() => setEarly(!early)}>
                    {early ? 'Fold' : 'Show'} the {folded} touch{folded === 1 ? '' : 'es'} more than {lookback} before the deal (not counted)
                  </button>
                </td>
              </tr>
            ) : null}
            {dealAt === -1 ? [...rows, dealRow] : [...rows.slice(0, dealAt), dealRow, ...rows.slice(dealAt)]}
          </tbody>
        </table>
      )}
    </section>
  );
}
