// Reads `funnels:` (revenue.md): a cohort metric, the key its stages link on, the ordered stages and the window.
import type { FunnelSpec, FunnelStageSpec } from '../../../shared/revenueContractTypes';
import { checkUniqueNames } from './checkUniqueNames';
import type { ContractReader, Entry } from './ContractReader';
import { readDuration } from './readDuration';
import { readLinkName } from './readLinkName';
import { describeMissingField, readFieldName, readMetricName } from './readReferences';
import { findMetricSource, type RevenueContext } from './RevenueContext';
import { FUNNEL_KEYS, STAGE_KEYS } from '../../../shared/CONTRACT_KEYS';

const REQUIRED_FUNNEL_KEYS = ['name', 'cohort', 'key', 'stages'] as const;
const DEFAULT_WINDOW_DAYS = 365;

/** A stage without `via` links on the funnel's key, so its metric's source must have that field. */
function readStage(reader: ContractReader, item: Entry, key: string, context: RevenueContext): FunnelStageSpec {
  const stage: FunnelStageSpec = { metric: '', line: item.line };
  const map = reader.readFixedMap(item.value, item.key, item.line, STAGE_KEYS, ['metric']);
  if (!map) return stage;
  const metricEntry = map.get('metric');
  stage.metric = readMetricName(reader, metricEntry, context.metrics);
  const viaEntry = map.get('via');
  if (viaEntry) {
    stage.via = readLinkName(reader, viaEntry, context, stage.metric);
    return stage;
  }
  const source = findMetricSource(context, stage.metric);
  if (metricEntry && key && source && !(key in source.fields)) {
    const missing = describeMissingField(key, source);
    reader.report(metricEntry.line, metricEntry.key, `the stage has no 'via', so it links on the funnel key, but ${missing}; name the link that reaches its records in 'via'`);
  }
  return stage;
}

function readFunnel(reader: ContractReader, item: Entry, context: RevenueContext): FunnelSpec {
  const funnel: FunnelSpec = { name: '', cohort: '', key: '', stages: [], windowDays: DEFAULT_WINDOW_DAYS, windowText: `${DEFAULT_WINDOW_DAYS} days`, line: item.line };
  const map = reader.readFixedMap(item.value, item.key, item.line, FUNNEL_KEYS, REQUIRED_FUNNEL_KEYS);
  if (!map) return funnel;
  funnel.name = reader.readText(map.get('name'), { numbers: true }) ?? '';
  funnel.cohort = readMetricName(reader, map.get('cohort'), context.metrics);
  const cohortSource = findMetricSource(context, funnel.cohort);
  funnel.key = readFieldName(reader, map.get('key'), cohortSource);
  // A key already reported as no field of the cohort's source is not reported again on every stage.
  const stageKey = cohortSource && funnel.key in cohortSource.fields ? funnel.key : '';
  const stagesEntry = map.get('stages');
  if (stagesEntry) {
    const items = reader.readItems(stagesEntry.value, stagesEntry.key, stagesEntry.line) ?? [];
    if (items.length === 0) reader.report(stagesEntry.line, stagesEntry.key, 'needs at least one stage ({ metric: ... })');
    funnel.stages = items.map((stage) => readStage(reader, stage, stageKey, context));
  }
  const window = readDuration(reader, map.get('window'), { daysOnly: true });
  if (window) {
    funnel.windowDays = window.hours / 24;
    funnel.windowText = window.text;
  }
  return funnel;
}

export function parseFunnels(reader: ContractReader, entry: Entry | undefined, context: RevenueContext): FunnelSpec[] {
  if (!entry) return [];
  const items = reader.readItems(entry.value, entry.key, entry.line);
  if (!items) return [];
  if (items.length === 0) reader.report(entry.line, entry.key, 'needs at least one funnel (name, cohort, key, stages), or leave the key out');
  const funnels = items.map((item) => readFunnel(reader, item, context));
  checkUniqueNames(reader, funnels, (index) => `${entry.key}[${index}].name`);
  return funnels;
}
