// The list of records a number of the metrics screens opens to: what it is, how many, the grid, and the inspector on a row.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PersonPath as Path } from '../../../shared/metricsReportTypes';
import type { TouchModel } from '../../../shared/revenueContractTypes';
import { getApi } from '../../api/getApi';
import { findDealAttribution } from '../../model/findDealAttribution';
import { formatCount } from '../../model/formatCount';
import { useContractStore } from '../../stores/useContractStore';
import { useBridgeStore } from '../../stores/useBridgeStore';
import { reportError } from '../../stores/useErrorStore';
import { useMetricsStore, type OpenMetricList } from '../../stores/useMetricsStore';
import { useRecordsStore } from '../../stores/useRecordsStore';
import { useSessionStore } from '../../stores/useSessionStore';
import { RecordInspector } from '../RecordInspector';
import { ListDecision } from '../review/ListDecision';
import { DealTouchesTimeline } from './DealTouchesTimeline';
import { MetricRecordPanel } from './MetricRecordPanel';
import { MetricRecordsGrid } from './MetricRecordsGrid';
import { PersonPath } from './PersonPath';
import { PersonTimeline } from './PersonTimeline';

export function MetricListPanel({ currency }: { currency: string | undefined }) {
  const m = useMetricsStore(
    useShallow((s) => ({
      list: s.list,
      row: s.row,
      inspection: s.inspection,
      inspected: s.inspected,
      inspectRow: s.inspectRow,
      inspectRecord: s.inspectRecord,
      closeRow: s.closeRow,
    })),
  );
  const report = useMetricsStore((s) => s.summary);
  const slas = useContractStore((s) => s.document?.contract?.revenue?.sharedMetrics?.sla);
  const funnels = useContractStore((s) => s.document?.contract?.revenue?.funnels);
  const attributions = useContractStore((s) => s.document?.contract?.revenue?.attribution);
  const zone = useBridgeStore((s) => s.report?.period.timezone ?? 'UTC');
  const openBucket = useRecordsStore((s) => s.openBucket);
  const showScreen = useSessionStore((s) => s.showScreen);
  // The columns are kept with the list they were read for: a grid never draws one list with another's columns.
  const [loaded, setLoaded] = useState<{ list: OpenMetricList; columns: string[] } | null>(null);
  // A list the report does not hold the length of: what its grid has read so far.
  const [read, setRead] = useState<{ list: OpenMetricList; rows: number; complete: boolean } | null>(null);
  const panel = useRef<HTMLElement>(null);
  // The path of the record inspected, kept with the record it was read for: never shown under another one.
  const [traced, setTraced] = useState<{ key: string; path: Path } | null>(null);
  const { list } = m;
  const inspectedId = m.row?.recordId ?? null;
  const metric = list?.metric ?? null;
  // Only a funnel's cohort record or an SLA's record has a path: no other record is asked for one.
  const hasPath = metric !== null && ((funnels ?? []).some((f) => f.cohort === metric) || (slas ?? []).some((s) => s.from === metric));
  const pathKey = `${metric ?? ''}\u0000${inspectedId ?? ''}`;
  useEffect(() => {
    if (!hasPath || metric === null || inspectedId === null) return;
    let live = true;
    // The report the screens hold has no id lists: the server places the record in its own.
    getApi()
      .tracePersonPath(metric, inspectedId)
      .then((path) => live && setTraced({ key: `${metric}\u0000${inspectedId}`, path }))
      .catch(reportError);
    return () => {
      live = false;
    };
  }, [hasPath, metric, inspectedId]);
  const onRead = useCallback((rows: number, complete: boolean) => list && setRead({ list, rows, complete }), [list]);
  useEffect(() => {
    // The numbers sit above the list: the list opened is brought into view.
    panel.current?.scrollIntoView({ block: 'nearest' });
    if (!list || list.count === 0) return;
    let live = true;
    // A one-row page tells the export's columns before the grid asks for rows.
    getApi()
      .fetchMetricRecords(list.query, { offset: 0, limit: 1 })
      .then((page) => live && setLoaded({ list, columns: page.columns }))
      .catch(reportError);
    return () => {
      live = false;
    };
  }, [list]);
  if (!list) return <p className="placeholder metric-list-empty">Choose a number above to list its records here.</p>;
  const reconciled = list.reconciled;
  const columns = loaded?.list === list ? loaded.columns : null;
  const path = hasPath && inspectedId !== null && traced?.key === pathKey ? traced.path : null;
  // Every funnel whose cohort has the record: its dated path, in the inspector.
  const funnelTimelines = path && inspectedId ? path.funnels.map((f) => <PersonTimeline key={f.name} funnel={f.name} recordId={inspectedId} currency={currency} />) : null;
  // A deal of an attribution entry: its touches, each with what every model gives it.
  const dealOf = findDealAttribution(list.query);
  const entry = dealOf === null ? undefined : report?.attribution.find((a) => a.name === dealOf);
  const dealTimeline =
    entry && inspectedId ? (
      <DealTouchesTimeline
        key={inspectedId}
        attribution={entry.name}
        recordId={inspectedId}
        currency={currency}
        models={Object.keys(entry.models).filter((model): model is TouchModel => model !== 'self_reported')}
        lookback={attributions?.find((a) => a.name === entry.name)?.lookback.text ?? 'the lookback'}
      />
    ) : null;
  const timelines = dealTimeline || funnelTimelines ? (
    <>
      {dealTimeline}
      {funnelTimelines}
    </>
  ) : null;
  const shownRead = read?.list === list ? read : null;
  const countText =
    list.count !== null
      ? `${formatCount(list.count)} record${list.count === 1 ? '' : 's'}`
      : !shownRead
        ? 'Counting the records…'
        : shownRead.complete
          ? `${formatCount(shownRead.rows)} record${shownRead.rows === 1 ? '' : 's'}`
          : `at least ${formatCount(shownRead.rows)} records (scroll to the end to count them)`;
  return (
    <section className="metric-list" ref={panel} aria-label={`Records: ${list.title}`}>
      <div className="records-toolbar">
        <div className="records-heading">
          <h3>{list.title}</h3>
          <p className="definition muted">Records of {list.source}, each once, by record id.</p>
        </div>
        <span className="record-count metric-list-count" aria-live="polite">
          {countText}
        </span>
      </div>
      <ListDecision query={list.query} title={list.title} />
      {path && inspectedId ? <PersonPath recordId={inspectedId} path={path} /> : null}
      <div className="records-body metric-list-body">
        {list.count === 0 ? (
          <div className="grid-frame placeholder">No record is in this list.</div>
        ) : columns ? (
          <div className="grid-frame">
            <MetricRecordsGrid key={JSON.stringify(list.query)} list={list} columns={columns} onInspect={m.inspectRow} onRead={onRead} />
          </div>
        ) : (
          <div className="grid-frame placeholder">Loading the records…</div>
        )}
        {m.inspection && reconciled ? (
          <RecordInspector
            inspection={m.inspection}
            inspected={m.inspected}
            reportingZone={zone}
            currency={currency}
            onClose={m.closeRow}
            onInspect={(side, id) => void m.inspectRecord(side, id)}
            onOpenBucket={(listing) => {
              void openBucket({ reconciliation: reconciled.reconciliation, ...listing });
              showScreen('records');
            }}
          >
            {timelines}
          </RecordInspector>
        ) : m.row && !reconciled ? (
          <MetricRecordPanel row={m.row} source={list.source} onClose={m.closeRow}>
            {timelines}
          </MetricRecordPanel>
        ) : null}
      </div>
    </section>
  );
}
