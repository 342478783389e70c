// The matched pairs of a reconciliation: a filter by what differs (with counts), the pairs grid, and both records of a pair.
import { useCallback, useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { labelDiffers } from '../../../shared/labelStep';
import type { ReconciliationReport } from '../../../shared/reportTypes';
import { formatCount } from '../../model/formatCount';
import { findReconciliation, useBridgeStore } from '../../stores/useBridgeStore';
import { useContractStore } from '../../stores/useContractStore';
import { usePairsStore, type PairCounts, type PairFilter } from '../../stores/usePairsStore';
import { useRecordsStore } from '../../stores/useRecordsStore';
import { useSessionStore } from '../../stores/useSessionStore';
import { RecordInspector } from '../RecordInspector';
import { PairsGrid } from './PairsGrid';

interface FilterChoice {
  filter: PairFilter;
  label: string;
  count: number;
}

const filterKey = (filter: PairFilter) => `${filter.differs ?? ''}|${filter.amountChanged ? 'amount' : ''}`;

function listChoices(fields: string[], counts: PairCounts, valued: boolean): FilterChoice[] {
  return [
    { filter: {}, label: 'All matched pairs', count: counts.all },
    ...(valued ? [{ filter: { amountChanged: true }, label: 'Amounts not equal', count: counts.amountChanged }] : []),
    ...fields.map((field) => ({ filter: { differs: field }, label: labelDiffers(field), count: counts.differs[field] ?? 0 })),
  ];
}

/** What the pairs shown are, in a sentence. */
function describeFilter(filter: PairFilter, recon: ReconciliationReport): string {
  const both = `records both ${recon.left.metric} and ${recon.right.metric} count`;
  if (filter.amountChanged) return `Matched ${both}, whose two amounts are not equal (within the contract's tolerance or not): the value bridge's differences step. The largest difference first.`;
  if (filter.differs) return `Matched ${both}, whose ${filter.differs} differs under the contract's compare rule. The largest amount difference first.`;
  return `Every pair of matched ${both}, with each compared field on both sides; cells that differ are marked. The largest amount difference first.`;
}

export function PairsScreen() {
  const pairs = usePairsStore(
    useShallow((s) => ({
      reconciliation: s.reconciliation,
      filter: s.filter,
      fields: s.fields,
      counts: s.counts,
      inspection: s.inspection,
      inspected: s.inspected,
      inspecting: s.inspecting,
      openPairs: s.openPairs,
      chooseFilter: s.chooseFilter,
      inspectRecord: s.inspectRecord,
      closeInspector: s.closeInspector,
    })),
  );
  const { report, selected } = useBridgeStore(useShallow((s) => ({ report: s.report, selected: s.reconciliation })));
  const contract = useContractStore((s) => s.document?.contract ?? null);
  const openBucket = useRecordsStore((s) => s.openBucket);
  const showScreen = useSessionStore((s) => s.showScreen);
  // The pairs of the reconciliation the bridge shows: choosing another one there brings its pairs here.
  const recon = findReconciliation(report, selected);
  const { openPairs, inspectRecord } = pairs;
  // Counted anew whenever the report changes (a contract edit): the filters' counts follow the bridge.
  useEffect(() => {
    if (!recon) return;
    const shown = usePairsStore.getState();
    // Another reconciliation compares other fields: its pairs open unfiltered.
    void openPairs(recon.name, shown.reconciliation === recon.name ? shown.filter : {});
  }, [recon, openPairs]);
  const onInspect = useCallback((leftId: string) => void inspectRecord('left', leftId), [inspectRecord]);
  const query = useMemo(() => (recon ? { reconciliation: recon.name, ...pairs.filter } : null), [recon, pairs.filter]);
  const kinds = useMemo(
    () => Object.fromEntries(contract?.reconcile.find((r) => r.name === recon?.name)?.compare.map((c) => [c.field, c.kind]) ?? []),
    [contract, recon?.name],
  );
  if (!report || !recon || !query) return <div className="placeholder">Loading the bridge…</div>;
  const valued = recon.left.gross_value !== undefined;
  const choices = pairs.fields && pairs.counts ? listChoices(pairs.fields, pairs.counts, valued) : [];
  const shown = choices.find((c) => filterKey(c.filter) === filterKey(pairs.filter));

  return (
    <div className="records-screen pairs-screen">
      <div className="records-toolbar">
        <div className="records-heading">
          <h2>
            Matched pairs · {recon.name}{' '}
            <span className="muted">
              {recon.left.metric} ({recon.left.source}) and {recon.right.metric} ({recon.right.source})
            </span>
          </h2>
          <p className="definition">{describeFilter(pairs.filter, recon)}</p>
        </div>
        <span className="record-count pair-count" aria-live="polite">
          {shown ? `${formatCount(shown.count)} pair${shown.count === 1 ? '' : 's'}` : 'Counting…'}
        </span>
      </div>
      <div className="pair-filters" role="group" aria-label="Which pairs">
        {choices.map((choice) => (
          <button
            key={filterKey(choice.filter)}
            type="button"
            className="pair-filter"
            aria-pressed={filterKey(choice.filter) === filterKey(pairs.filter)}
            onClick={() => pairs.chooseFilter(choice.filter)}
          >
            {choice.label} ({formatCount(choice.count)})
          </button>
        ))}
      </div>
      <div className="records-body">
        {pairs.fields ? (
          <div className="grid-frame">
            <PairsGrid
              key={`${recon.name}|${filterKey(pairs.filter)}`}
              query={query}
              fields={pairs.fields}
              kinds={kinds}
              currency={report.currency}
              valued={valued}
              leftName={recon.left.metric}
              rightName={recon.right.metric}
              onInspect={onInspect}
            />
          </div>
        ) : (
          <div className="grid-frame placeholder">Loading the pairs…</div>
        )}
        {pairs.inspection ? (
          <RecordInspector
            inspection={pairs.inspection}
            inspected={pairs.inspected}
            reportingZone={report.period.timezone}
            currency={report.currency}
            onClose={pairs.closeInspector}
            onInspect={(side, id) => void inspectRecord(side, id)}
            onOpenBucket={(listing) => {
              void openBucket({ reconciliation: recon.name, ...listing });
              showScreen('records');
            }}
          />
        ) : null}
        {pairs.inspecting && !pairs.inspection ? <div className="inspector inspector-loading">Loading record {pairs.inspecting}…</div> : null}
      </div>
    </div>
  );
}
