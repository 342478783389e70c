// The Compare screen: two contracts (revisions, the open one, a pilot file) over the same exports, line by line, the records that moved, and the texts as a diff.
import { useCallback, useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ListingKind, Side } from '../../../shared/reportTypes';
import type { ComparedContract, ContractRef } from '../../../shared/reviewTypes';
import { findUnchangedVersion } from '../../model/findUnchangedVersion';
import { formatCount } from '../../model/formatCount';
import { labelBucket } from '../../model/labelBucket';
import { labelContractRef } from '../../model/labelContractRef';
import { useBridgeStore } from '../../stores/useBridgeStore';
import { useCompareStore } from '../../stores/useCompareStore';
import { useRecordsStore } from '../../stores/useRecordsStore';
import { useSessionStore } from '../../stores/useSessionStore';
import { RecordInspector } from '../RecordInspector';
import { ContractDiffView } from '../review/ContractDiffView';
import { ComparedLinesTable } from './ComparedLinesTable';
import { ContractRefPicker } from './ContractRefPicker';
import { MovedRecordsGrid } from './MovedRecordsGrid';
import { MovesTable } from './MovesTable';

const sameRef = (x: ContractRef | null, y: ContractRef | null) => JSON.stringify(x) === JSON.stringify(y);

/** One compared contract in a line: "Revision 2 (version 7) · sha256 3f2a9c1b5e0d… · Acme Q3 2026 …" (the full hash on hover). */
function ContractIdentity({ side, label, contract }: { side: string; label: string; contract: ComparedContract }) {
  return (
    <p>
      <strong>{side}</strong> {label} · <span title={contract.sha256}>sha256 {contract.sha256.slice(0, 12)}…</span> · <span className="muted">{contract.title}</span>
    </p>
  );
}

export function CompareScreen() {
  const state = useCompareStore(
    useShallow((s) => ({
      revisions: s.revisions,
      a: s.a,
      b: s.b,
      comparison: s.comparison,
      compared: s.compared,
      comparing: s.comparing,
      move: s.move,
      inspection: s.inspection,
      inspected: s.inspected,
      inspecting: s.inspecting,
      loadRevisions: s.loadRevisions,
      chooseA: s.chooseA,
      chooseB: s.chooseB,
      compare: s.compare,
      openMove: s.openMove,
      closeMove: s.closeMove,
      inspectRecord: s.inspectRecord,
      closeInspector: s.closeInspector,
    })),
  );
  const report = useBridgeStore((s) => s.report);
  const { loadRevisions, inspectRecord, move, comparison, compared } = state;
  // Revisions are read each time the screen is shown: an apply since the last visit kept a new one.
  useEffect(() => {
    void loadRevisions();
  }, [loadRevisions]);
  const side = move?.query.side;
  const onInspect = useCallback((recordId: string) => side && void inspectRecord(side, recordId), [side, inspectRecord]);
  const moveSection = useRef<HTMLElement>(null);
  // The records of a move open below the tables: brought into view, so the click visibly did something. (Braces: recent
  // Chromium returns a promise from scrollIntoView, which React would take for the effect's clean-up.)
  useEffect(() => {
    moveSection.current?.scrollIntoView({ block: 'nearest' });
  }, [move?.query]);

  const revisions = state.revisions ?? [];
  const stale = compared !== null && (!sameRef(compared.a, state.a) || !sameRef(compared.b, state.b));
  const aLabel = compared && comparison ? labelContractRef(compared.a, comparison.a) : 'A';
  const bLabel = compared && comparison ? labelContractRef(compared.b, comparison.b) : 'B';
  const unchangedVersion = comparison ? findUnchangedVersion(comparison.a, comparison.b) : null;
  // A counterpart's bucket opens on the Records screen, as from any inspector.
  const openBucket = (listing: { side: Side; kind: ListingKind; reason: string }) => {
    if (!move) return;
    void useRecordsStore.getState().openBucket({ reconciliation: move.query.reconciliation, ...listing });
    useSessionStore.getState().showScreen('records');
  };

  return (
    <div className="compare-screen">
      <section className="panel compare-choice" aria-label="Contracts to compare">
        <ContractRefPicker side="A" value={state.a} revisions={revisions} onChoose={state.chooseA} />
        <ContractRefPicker side="B" value={state.b} revisions={revisions} onChoose={state.chooseB} />
        <div className="compare-go">
          <button type="button" className="primary" disabled={!state.a || !state.b || state.comparing} onClick={() => void state.compare()}>
            {state.comparing ? 'Comparing…' : 'Compare'}
          </button>
          <p className="muted">
            Both contracts are applied to the same exports; a pilot file must name the same export files and id columns as the open contract.
          </p>
        </div>
      </section>
      {state.revisions && state.revisions.length < 2 && !comparison ? (
        <p className="muted">Every contract applied in the workbench is kept as a revision: apply an edit on the Contract screen to compare it with this one, or compare a pilot file.</p>
      ) : null}
      {comparison ? (
        <>
          <div className="compare-identity" role="group" aria-label="Compared contracts">
            <ContractIdentity side="A" label={aLabel} contract={comparison.a} />
            <ContractIdentity side="B" label={bLabel} contract={comparison.b} />
            {unchangedVersion !== null ? (
              <p className="note" aria-live="polite">
                Definitions changed, version still {unchangedVersion}.
              </p>
            ) : null}
            {comparison.a.sha256 === comparison.b.sha256 ? <p className="muted">The two contract texts are the same.</p> : null}
            {stale ? <p className="note">The contracts chosen above changed since: Compare again to see them.</p> : null}
          </div>
          <div className="compare-body">
            <div className="compare-results">
              {comparison.reconciliations.map((recon) => (
                <section key={recon.name} className="panel compare-recon" aria-label={`Comparison of ${recon.name}`}>
                  <h2>{recon.name}</h2>
                  <ComparedLinesTable name={recon.name} lines={recon.lines} aLabel={aLabel} bLabel={bLabel} currency={report?.currency} />
                  <h3>Records that moved</h3>
                  <MovesTable reconciliation={recon.name} moves={recon.moved} open={move?.query ?? null} onOpen={(query, count) => void state.openMove(query, count)} />
                </section>
              ))}
            </div>
            <section className="panel compare-diff" aria-label="Contract texts">
              <h2>The two contract texts</h2>
              <ContractDiffView aLabel={`A: ${aLabel}`} aText={comparison.aText} bLabel={`B: ${bLabel}`} bText={comparison.bText} />
            </section>
          </div>
          {move ? (
            <section ref={moveSection} className="panel compare-moved" aria-label="Moved records">
              <div className="compare-moved-head">
                <h2>
                  {formatCount(move.count)} record{move.count === 1 ? '' : 's'} of the {move.query.side} side: {labelBucket(move.query.from.kind, move.query.from.reason)} under A,{' '}
                  {labelBucket(move.query.to.kind, move.query.to.reason)} under B
                </h2>
                <button type="button" onClick={state.closeMove}>
                  Close the moved records
                </button>
              </div>
              <p className="muted">The inspector shows each record as the open contract reads it.</p>
              <div className="records-body">
                {move.columns ? (
                  <div className="grid-frame">
                    <MovedRecordsGrid key={JSON.stringify(move.query)} move={move} columns={move.columns} onInspect={onInspect} />
                  </div>
                ) : (
                  <div className="grid-frame placeholder">Loading the records…</div>
                )}
                {state.inspection && report ? (
                  <RecordInspector
                    inspection={state.inspection}
                    inspected={state.inspected}
                    reportingZone={report.period.timezone}
                    currency={report.currency}
                    onClose={state.closeInspector}
                    onInspect={(s, id) => void inspectRecord(s, id)}
                    onOpenBucket={openBucket}
                  />
                ) : null}
                {state.inspecting && !state.inspection ? <div className="inspector inspector-loading">Loading record {state.inspecting}…</div> : null}
              </div>
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
