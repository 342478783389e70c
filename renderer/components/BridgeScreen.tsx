// The bridge screen: the first line (how the two counts compare, what only each side counts), the waterfall in records or amounts, the same bridge as a table, and what was read from each export.
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Side } from '../../shared/reportTypes';
import { buildHeadline } from '../model/buildHeadline';
import type { ChartStep } from '../model/ChartStep';
import type { BucketRef } from '../model/describeBucket';
import { formatAmount } from '../model/formatAmount';
import { formatCount } from '../model/formatCount';
import { toCountChartSteps } from '../model/toCountChartSteps';
import { toValueChartSteps } from '../model/toValueChartSteps';
import { findReconciliation, useBridgeStore } from '../stores/useBridgeStore';
import { useContractStore } from '../stores/useContractStore';
import { usePairsStore, type PairFilter } from '../stores/usePairsStore';
import { prefetchColumns, useRecordsStore } from '../stores/useRecordsStore';
import { useReviewStore } from '../stores/useReviewStore';
import { useSessionStore } from '../stores/useSessionStore';
import { BridgeChart } from './BridgeChart';
import { BridgeTable } from './BridgeTable';
import { ReviewProgress } from './review/ReviewProgress';
import { SignOffBar } from './review/SignOffBar';
import { UnreadableDecisions } from './review/UnreadableDecisions';
import { SourceSummary } from './SourceSummary';

export function BridgeScreen() {
  const { report, reconciliation, selectReconciliation, measure, chooseMeasure } = useBridgeStore(
    useShallow((s) => ({ report: s.report, reconciliation: s.reconciliation, selectReconciliation: s.selectReconciliation, measure: s.measure, chooseMeasure: s.chooseMeasure })),
  );
  const contract = useContractStore((s) => s.document?.contract ?? null);
  const openBucket = useRecordsStore((s) => s.openBucket);
  const openPairs = usePairsStore((s) => s.openPairs);
  const showScreen = useSessionStore((s) => s.showScreen);
  const recon = findReconciliation(report, reconciliation);
  const reviews = useReviewStore((s) => s.review?.reconciliations);
  const review = reviews?.find((r) => r.name === recon?.name) ?? null;
  const decisionsFile = useReviewStore((s) => s.review?.file ?? '');
  const unreadable = useReviewStore((s) => s.review?.unreadable);
  useEffect(() => {
    if (recon) prefetchColumns(recon.buckets.map((b) => ({ reconciliation: recon.name, side: b.side, kind: b.kind, reason: b.reason })));
  }, [recon]);
  if (!report || !recon) return <div className="placeholder bridge-placeholder">Loading the bridge…</div>;

  // A chart step names a total apart from its kind; a table row or the first line names the listing kind itself.
  const open = (listing: BucketRef) => {
    const kind = listing.total ?? listing.kind;
    if (!kind) return;
    void openBucket({ reconciliation: recon.name, side: listing.side, kind, reason: listing.total ? undefined : listing.reason });
    showScreen('records');
  };
  const showPairs = (filter: PairFilter) => {
    void openPairs(recon.name, filter);
    showScreen('pairs');
  };
  const openStep = (step: ChartStep) => (step.target.type === 'pairs' ? showPairs({ amountChanged: true }) : open(step.target.ref));
  const valueSteps = toValueChartSteps(recon, report, contract);
  // Value is the default where the metrics have one; a count-only contract has the count bridge alone.
  const shownMeasure = valueSteps ? (measure ?? 'value') : 'count';
  const steps = shownMeasure === 'value' && valueSteps ? valueSteps : toCountChartSteps(recon, report, contract);
  const currency = report.currency;
  const matchedValue = (side: Side) => recon.buckets.filter((b) => b.side === side && b.kind === 'matched').reduce((n, b) => n + Math.round((b.value ?? 0) * 100), 0) / 100;
  const headline = buildHeadline(recon, contract);
  const [onlyFirst, onlySecond] = headline.only.map((only, i) => {
    const name = `${only.count} record${only.count === 1 ? '' : 's'} ${only.words}`;
    return (
      <>
        <button type="button" className="count-button headline-count" aria-label={name} onClick={() => open({ side: only.side, kind: 'net_unmatched' })}>
          {formatCount(only.count)}
        </button>{' '}
        {i === 0 ? `record${only.count === 1 ? '' : 's'} ` : ''}
        {only.words}
      </>
    );
  });

  return (
    <div className="bridge-screen">
      <div className="screen-heading">
        <div>
          <div className="bridge-title-row">
            <h2>{recon.name}</h2>
            {review ? <SignOffBar review={review} /> : null}
          </div>
          <p className="first-line">
            <strong>{headline.comparison}</strong>: {onlyFirst}, {onlySecond}.
          </p>
          <p className="headline">
            {recon.left.metric} counts <strong>{formatCount(recon.left.net)}</strong>, {recon.right.metric} counts{' '}
            <strong>{formatCount(recon.right.net)}</strong>; both count the same <strong>{formatCount(headline.matched)}</strong>. Every other record is one of the steps below.
          </p>
          {valueSteps ? (
            <p className="headline value-headline">
              In value, {recon.left.metric} sums <strong>{formatAmount(recon.left.net_value ?? 0, currency)}</strong> and {recon.right.metric}{' '}
              <strong>{formatAmount(recon.right.net_value ?? 0, currency)}</strong>; the records both count are worth <strong>{formatAmount(matchedValue('left'), currency)}</strong> on
              the left and <strong>{formatAmount(matchedValue('right'), currency)}</strong> on the right.
            </p>
          ) : null}
          {review ? <ReviewProgress review={review} others={reviews?.filter((r) => r !== review) ?? []} onShow={selectReconciliation} /> : null}
          {unreadable ? <UnreadableDecisions file={decisionsFile} lines={unreadable} /> : null}
        </div>
        {report.reconciliations.length > 1 ? (
          <label className="field">
            <span>Reconciliation</span>
            <select value={recon.name} onChange={(e) => selectReconciliation(e.target.value)}>
              {report.reconciliations.map((r) => (
                <option key={r.name}>{r.name}</option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <div className="bridge-body">
        <section className="panel" aria-label="Bridge chart">
          {valueSteps ? (
            <fieldset className="measure-toggle">
              <legend className="visually-hidden">Show the bridge in</legend>
              {(['count', 'value'] as const).map((m) => (
                <label key={m} className={shownMeasure === m ? 'measure-chosen' : undefined}>
                  <input type="radio" name="bridge-measure" value={m} checked={shownMeasure === m} onChange={() => chooseMeasure(m)} />
                  {m === 'count' ? 'Count' : 'Value'}
                </label>
              ))}
            </fieldset>
          ) : null}
          <BridgeChart
            key={shownMeasure}
            steps={steps}
            wide={shownMeasure === 'value'}
            ariaLabel={`${shownMeasure === 'value' ? 'Value bridge' : 'Bridge'} from ${recon.left.metric} to ${recon.right.metric}`}
            onOpen={openStep}
          />
          <p className="legend" aria-hidden="true">
            <span className="swatch swatch-total" /> totals <span className="swatch swatch-removal" /> removed from the left{' '}
            <span className="swatch swatch-matched" /> matched <span className="swatch swatch-addition" /> added by the right
            {shownMeasure === 'value' ? (
              <>
                <span className="swatch swatch-differences" /> amounts that differ (higher on the right, then lower)
              </>
            ) : null}
          </p>
        </section>
        <section className="panel" aria-label="Bridge table">
          <BridgeTable recon={recon} currency={currency} review={review} onOpen={open} onOpenPairs={showPairs} />
        </section>
      </div>
      <div className="sources">
        {report.sources.map((source) => (
          <SourceSummary key={source.name} source={source} />
        ))}
      </div>
    </div>
  );
}
