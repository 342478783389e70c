// Reads `shared_metrics:` (revenue.md): the won, lost and opportunity metrics both teams own, spend for CAC, and the SLAs.
import type { AttributionSpec, SharedMetricsSpec, SpendSpec } from '../../../shared/revenueContractTypes';
import type { ContractReader, Entry } from './ContractReader';
import { parseSla } from './parseSla';
import { describeMissingField, readFieldName, readMetricName, readReference, readSourceName } from './readReferences';
import { findMetricSource, type RevenueContext } from './RevenueContext';
import { SHARED_KEYS, SPEND_KEYS } from '../../../shared/CONTRACT_KEYS';

const REQUIRED_SPEND_KEYS = ['source', 'date', 'value'] as const;

function readSpend(reader: ContractReader, entry: Entry, context: RevenueContext): SpendSpec {
  const spend: SpendSpec = { source: '', date: '', value: '', line: entry.line };
  const map = reader.readFixedMap(entry.value, entry.key, entry.line, SPEND_KEYS, REQUIRED_SPEND_KEYS);
  if (!map) return spend;
  const { name, source } = readSourceName(reader, map.get('source'), context.sources);
  spend.source = name;
  spend.date = readFieldName(reader, map.get('date'), source);
  spend.value = readFieldName(reader, map.get('value'), source);
  const channelEntry = map.get('channel');
  if (channelEntry) spend.channel = readFieldName(reader, channelEntry, source);
  return spend;
}

/** Win rates group won and lost deals alike, so the field must exist in the sources of both metrics. */
function readWinRateBy(reader: ContractReader, entry: Entry | undefined, metrics: string[], context: RevenueContext): string | undefined {
  const field = reader.readText(entry);
  if (field === undefined || !entry) return undefined;
  const checked = new Set<string>();
  for (const metric of metrics) {
    const source = findMetricSource(context, metric);
    if (!source || checked.has(source.name)) continue;
    checked.add(source.name);
    if (!(field in source.fields)) reader.report(entry.line, entry.key, `metric '${metric}' cannot be grouped by it: ${describeMissingField(field, source)}`);
  }
  return field;
}

export function parseSharedMetrics(
  reader: ContractReader,
  entry: Entry | undefined,
  context: RevenueContext,
  attribution: AttributionSpec[],
): SharedMetricsSpec | undefined {
  if (!entry) return undefined;
  const shared: SharedMetricsSpec = { periodMetric: '', sla: [], line: entry.line };
  const map = reader.readFixedMap(entry.value, entry.key, entry.line, SHARED_KEYS, ['period_metric']);
  if (!map) return shared;
  shared.periodMetric = readMetricName(reader, map.get('period_metric'), context.metrics);
  const lost = readMetricName(reader, map.get('lost'), context.metrics);
  if (lost) shared.lost = lost;
  const opportunities = readMetricName(reader, map.get('opportunities'), context.metrics);
  if (opportunities) shared.opportunities = opportunities;
  const sourcedByEntry = map.get('sourced_by');
  const entryNames = attribution.map((spec) => spec.name);
  if (sourcedByEntry) shared.sourcedBy = readReference(reader, sourcedByEntry, entryNames, 'attribution entry', "the contract has no 'attribution'");
  const grouped = lost ? [shared.periodMetric, lost] : [shared.periodMetric];
  const winRateBy = readWinRateBy(reader, map.get('win_rate_by'), grouped, context);
  if (winRateBy !== undefined) shared.winRateBy = winRateBy;
  const spendEntry = map.get('spend');
  if (spendEntry) shared.spend = readSpend(reader, spendEntry, context);
  shared.sla = parseSla(reader, map.get('sla'), context);
  return shared;
}
