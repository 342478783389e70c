// The bridge screen: the first line (how the two counts compare, what only each side counts), the waterfall, the same bridge as a table, and what was read from each export.
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ListingKind, Side } from '../../shared/reportTypes';
import { buildHeadline } from '../model/buildHeadline';
import { formatCount } from '../model/formatCount';
import { findReconciliation, useBridgeStore } from '../stores/useBridgeStore';
import { useContractStore } from '../stores/useContractStore';
import { prefetchColumns, useRecordsStore } from '../stores/useRecordsStore';
import { useSessionStore } from '../stores/useSessionStore';
import { BridgeChart } from './BridgeChart';
import { BridgeTable } from './BridgeTable';
import { SourceSummary } from './SourceSummary';

export function BridgeScreen() {
  const { report, reconciliation, selectReconciliation } = useBridgeStore(
    useShallow((s) => ({ report: s.report, reconciliation: s.reconciliation, selectReconciliation: s.selectReconciliation })),
  );
  const contract = useContractStore((s) => s.document?.contract ?? null);
  const openBucket = useRecordsStore((s) => s.openBucket);
  const showScreen = useSessionStore((s) => s.showScreen);
  const recon = findReconciliation(report, reconciliation);
  useEffect(() => {
    if (recon) prefetchColumns(recon.buckets.map((b) => ({ reconciliation: recon.name, side: b.side, kind: b.kind, reason: b.reason })));
  }, [recon]);
  if (!report || !recon) return <div className="placeholder bridge-placeholder">Loading the bridge…</div>;

  // A chart step names a total apart from its kind; a table row or the first line names the listing kind itself.
  const open = (listing: { side: Side; kind?: ListingKind; reason?: string; total?: 'gross' | 'net' }) => {
    const kind = listing.total ?? listing.kind;
    if (!kind) return;
    void openBucket({ reconciliation: recon.name, side: listing.side, kind, reason: listing.total ? undefined : listing.reason });
    showScreen('records');
  };
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
          <h2>{recon.name}</h2>
          <p className="first-line">
            <strong>{headline.comparison}</strong>: {onlyFirst}, {onlySecond}.
          </p>
          <p className="headline">
            {recon.left.metric} counts <strong>{formatCount(recon.left.net)}</strong>, {recon.right.metric} counts{' '}
            <strong>{formatCount(recon.right.net)}</strong>; both count the same <strong>{formatCount(headline.matched)}</strong>. Every other record is one of the steps below.
          </p>
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
          <BridgeChart recon={recon} report={report} contract={contract} onOpen={open} />
          <p className="legend" aria-hidden="true">
            <span className="swatch swatch-total" /> totals <span className="swatch swatch-removal" /> removed from the left{' '}
            <span className="swatch swatch-matched" /> matched <span className="swatch swatch-addition" /> added by the right
          </p>
        </section>
        <section className="panel" aria-label="Bridge table">
          <BridgeTable recon={recon} onOpen={open} />
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
