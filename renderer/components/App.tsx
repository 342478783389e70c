// The app shell: header with the contract and tabs, progress of long work, errors, and the screen shown.
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useContractStore } from '../stores/useContractStore';
import { useMetricsStore } from '../stores/useMetricsStore';
import { useSessionStore } from '../stores/useSessionStore';
import { BridgeScreen } from './BridgeScreen';
import { ErrorBanner } from './ErrorBanner';
import { GridWarmUp } from './GridWarmUp';
import { Header } from './Header';
import { loadOnFirstUse } from './loadOnFirstUse';
import { ProgressBar } from './ProgressBar';
import { PairsScreen } from './pairs/PairsScreen';
import { RecordsScreen } from './RecordsScreen';
import { ReviewerNameDialog } from './review/ReviewerNameDialog';
import { ScreenErrorBoundary } from './ScreenErrorBoundary';
import { StartScreen } from './StartScreen';

const screenPending = <p className="placeholder">Loading the screen…</p>;
// The metrics screens and their charting library load when first shown: the bridge's first paint does not wait for them.
const FunnelScreen = loadOnFirstUse(async () => (await import('./metrics/FunnelScreen')).FunnelScreen, screenPending);
const SharedMetricsScreen = loadOnFirstUse(async () => (await import('./metrics/SharedMetricsScreen')).SharedMetricsScreen, screenPending);
// The comparison screen carries the contract diff's editor code: loaded when first shown too.
const CompareScreen = loadOnFirstUse(async () => (await import('./compare/CompareScreen')).CompareScreen, screenPending);
const AttributionScreen = loadOnFirstUse(async () => (await import('./metrics/AttributionScreen')).AttributionScreen, screenPending);
// The contract screens carry the code editor (CodeMirror): it loads when a contract is first edited.
const ContractScreen = loadOnFirstUse(async () => (await import('./ContractScreen')).ContractScreen, screenPending);
const ContractRepairScreen = loadOnFirstUse(async () => (await import('./ContractRepairScreen')).ContractRepairScreen, screenPending);

export function App() {
  const { screen, hasSession, ready, loadSession } = useSessionStore(
    useShallow((s) => ({ screen: s.screen, hasSession: s.session !== null, ready: s.ready, loadSession: s.loadSession })),
  );
  useEffect(() => {
    void loadSession();
  }, [loadSession]);
  // A contract being fixed shows with or without an open investigation.
  const shown = screen === 'repair' ? 'repair' : hasSession ? screen : 'start';
  // Each screen starts at its top, whatever the previous one was scrolled to.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [shown]);
  // The server computes the metrics once the bridge is ready: asked for at once, they are on hand when the tab is chosen.
  const contractPath = useSessionStore((s) => s.session?.contractPath ?? null);
  const hasMetrics = useContractStore((s) => {
    const revenue = s.document?.contract?.revenue;
    return revenue !== undefined && (revenue.funnels.length > 0 || revenue.sharedMetrics !== undefined || revenue.attribution.length > 0);
  });
  useEffect(() => {
    if (ready && contractPath && hasMetrics && !useMetricsStore.getState().summary) void useMetricsStore.getState().loadSummary();
  }, [ready, contractPath, hasMetrics]);
  return (
    <div className="app">
      <Header />
      <ProgressBar />
      <ErrorBanner />
      <main className="screen" id="screen" role={hasSession && shown !== 'start' && shown !== 'repair' ? 'tabpanel' : undefined} aria-label={shown}>
        <ScreenErrorBoundary screen={shown}>
          {!ready ? <p className="placeholder">Loading…</p> : null}
          {ready && shown === 'start' ? <StartScreen /> : null}
          {ready && shown === 'bridge' ? <BridgeScreen /> : null}
          {ready && shown === 'records' ? <RecordsScreen /> : null}
          {ready && shown === 'pairs' ? <PairsScreen /> : null}
          {ready && shown === 'funnel' ? <FunnelScreen /> : null}
          {ready && shown === 'shared' ? <SharedMetricsScreen /> : null}
          {ready && shown === 'attribution' ? <AttributionScreen /> : null}
          {ready && shown === 'compare' ? <CompareScreen /> : null}
          {ready && shown === 'contract' ? <ContractScreen /> : null}
          {ready && shown === 'repair' ? <ContractRepairScreen /> : null}
        </ScreenErrorBoundary>
      </main>
      <ReviewerNameDialog />
      {/* Only behind the bridge, where a click opens a bucket's records: never beside a grid of records on screen. */}
      {ready && shown === 'bridge' ? <GridWarmUp /> : null}
    </div>
  );
}
