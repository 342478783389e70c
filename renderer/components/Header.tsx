// The header on every screen: the contract's title, version and period, the tabs between screens, and the reviewer's name.
import { useShallow } from 'zustand/react/shallow';
import type { ReconReport } from '../../shared/reportTypes';
import type { RevenueSpec } from '../../shared/revenueContractTypes';
import { useBridgeStore } from '../stores/useBridgeStore';
import { useContractStore } from '../stores/useContractStore';
import { useMetricsStore } from '../stores/useMetricsStore';
import { useReviewStore } from '../stores/useReviewStore';
import { useSessionStore, type Screen } from '../stores/useSessionStore';

const TABS: { screen: Screen; label: string }[] = [
  { screen: 'bridge', label: 'Bridge' },
  { screen: 'records', label: 'Records' },
  { screen: 'pairs', label: 'Pairs' },
  { screen: 'funnel', label: 'Funnel' },
  { screen: 'shared', label: 'Shared metrics' },
  { screen: 'attribution', label: 'Attribution' },
  { screen: 'contract', label: 'Contract' },
  { screen: 'compare', label: 'Compare' },
];

const METRICS_SCREENS: Screen[] = ['funnel', 'shared', 'attribution'];

/** Matched pairs have a screen of their own where a bridge compares fields or amounts (money.md). */
function hasPairs(report: ReconReport | null): boolean {
  return report?.reconciliations.some((r) => r.pairs !== undefined || r.value_differences !== undefined) ?? false;
}

/** Funnels, shared metrics and attribution (revenue.md) have their screens where the contract defines them. */
function isShown(screen: Screen, report: ReconReport | null, revenue: RevenueSpec | undefined): boolean {
  if (screen === 'pairs') return hasPairs(report);
  if (screen === 'funnel') return (revenue?.funnels.length ?? 0) > 0;
  if (screen === 'shared') return revenue?.sharedMetrics !== undefined;
  if (screen === 'attribution') return (revenue?.attribution.length ?? 0) > 0;
  return true;
}

export function Header() {
  const { session, screen, showScreen } = useSessionStore(useShallow((s) => ({ session: s.session, screen: s.screen, showScreen: s.showScreen })));
  const report = useBridgeStore((s) => s.report);
  const reporting = useContractStore((s) => s.document?.contract?.reporting ?? null);
  const revenue = useContractStore((s) => s.document?.contract?.revenue);
  const { reviewer, reviewLoaded, askName } = useReviewStore(useShallow((s) => ({ reviewer: s.review?.reviewer ?? null, reviewLoaded: s.review !== null, askName: s.askName })));
  // The metrics screens' numbers are computed on the server after the bridge: their tabs say so until they are on hand.
  const metricsBusy = useMetricsStore((s) => s.loading);
  const title = report?.contract.title ?? session?.title;
  const version = report?.contract.version ?? session?.version;
  const period = report?.period ?? (reporting ? { from: reporting.from, to: reporting.to, timezone: reporting.timezone } : null);
  return (
    <header className="header">
      <div className="header-identity">
        <span className="product">Recon Workbench</span>
        {session ? (
          <>
            <h1 className="contract-title" title={title}>
              {title}
            </h1>
            <p className="contract-meta">
              <span>Version {version}</span>
              {period ? (
                <span>
                  Period {period.from} to {period.to} ({period.timezone})
                </span>
              ) : (
                <span className="muted">Period loading…</span>
              )}
            </p>
          </>
        ) : (
          <h1 className="contract-title">Reconcile marketing and sales counts under one contract</h1>
        )}
      </div>
      {session ? (
        <nav className="header-nav" aria-label="Screens">
          <div role="tablist" aria-label="Investigation" className="tabs">
            {TABS.filter((tab) => isShown(tab.screen, report, revenue)).map((tab) => (
              <button
                key={tab.screen}
                type="button"
                role="tab"
                id={`tab-${tab.screen}`}
                aria-selected={screen === tab.screen}
                aria-controls="screen"
                aria-busy={metricsBusy && METRICS_SCREENS.includes(tab.screen)}
                title={metricsBusy && METRICS_SCREENS.includes(tab.screen) ? 'Computing its numbers…' : undefined}
                className="tab"
                onClick={() => showScreen(tab.screen)}
              >
                {tab.label}
              </button>
            ))}
          </div>
          {reviewLoaded ? (
            <button type="button" className="link-button reviewer-link" aria-label={reviewer ? `Change your name (${reviewer})` : 'Set your name'} onClick={askName}>
              {reviewer ? `Reviewer: ${reviewer}` : 'Set your name'}
            </button>
          ) : null}
          <button type="button" className="link-button" onClick={() => showScreen('start')} aria-pressed={screen === 'start'}>
            Investigations
          </button>
        </nav>
      ) : null}
    </header>
  );
}
