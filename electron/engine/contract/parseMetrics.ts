// Reads `metrics:`: each metric's source, anchor date, ordered exclusion rules and dedupe choice.
import { DEDUPE_KEEPS, DEDUPE_VALUES, type MetricSpec, type RuleSpec, type SourceSpec } from '../../../shared/contractTypes';
import type { ContractReader, Entry } from './ContractReader';
import { suggestNearest } from '../../../shared/suggestNearest';
import { DEDUPE_KEYS, METRIC_KEYS } from '../../../shared/CONTRACT_KEYS';

const REQUIRED_METRIC_KEYS = ['source', 'date'] as const;

function readRules(reader: ContractReader, entry: Entry | undefined): RuleSpec[] {
  if (!entry) return [];
  const rules: RuleSpec[] = [];
  const byLowerName = new Map<string, string>();
  for (const rule of reader.readEntries(entry.value, entry.key, entry.line) ?? []) {
    const clash = byLowerName.get(rule.name.toLowerCase());
    if (clash !== undefined) {
      reader.report(rule.line, rule.key, `rule name '${rule.name}' repeats '${clash}' (rule names are compared ignoring case)`);
      continue;
    }
    byLowerName.set(rule.name.toLowerCase(), rule.name);
    const expression = reader.readText(rule);
    if (expression !== undefined) rules.push({ name: rule.name, expression, line: rule.line });
  }
  return rules;
}

function readDedupe(reader: ContractReader, entry: Entry | undefined): Pick<MetricSpec, 'dedupe' | 'dedupeValues'> {
  if (!entry) return { dedupe: 'earliest', dedupeValues: 'survivor' };
  const map = reader.readFixedMap(entry.value, entry.key, entry.line, DEDUPE_KEYS, []);
  return {
    dedupe: reader.readChoice(map?.get('keep'), DEDUPE_KEEPS) ?? 'earliest',
    dedupeValues: reader.readChoice(map?.get('values'), DEDUPE_VALUES) ?? 'survivor',
  };
}

/** The metric's source must be declared and its date and value must be canonical fields of that source. */
function checkMetricSource(reader: ContractReader, map: Map<string, Entry>, metric: MetricSpec, sources: SourceSpec[]): void {
  const sourceEntry = map.get('source');
  if (!metric.source || !sourceEntry) return;
  const source = sources.find((candidate) => candidate.name === metric.source);
  if (!source) {
    const names = sources.map((candidate) => candidate.name);
    reader.report(sourceEntry.line, sourceEntry.key, `unknown source '${metric.source}'${suggestNearest(metric.source, names)}`);
    return;
  }
  const fields = Object.keys(source.fields);
  for (const [key, field] of [['date', metric.date], ['value', metric.value]] as const) {
    const fieldEntry = map.get(key);
    if (!field || !fieldEntry || fields.includes(field)) continue;
    reader.report(
      fieldEntry.line,
      fieldEntry.key,
      `'${field}' is not a field of source '${source.name}'${suggestNearest(field, fields)} (its fields: ${fields.join(', ')})`,
    );
  }
}

function readMetric(reader: ContractReader, entry: Entry, sources: SourceSpec[]): MetricSpec {
  const metric: MetricSpec = { name: entry.name, source: '', date: '', exclude: [], dedupe: 'earliest', dedupeValues: 'survivor', line: entry.line };
  if (entry.name.trim() === '') reader.report(entry.line, entry.key, 'a metric needs a name');
  const map = reader.readFixedMap(entry.value, entry.key, entry.line, METRIC_KEYS, REQUIRED_METRIC_KEYS);
  if (!map) return metric;
  metric.source = reader.readText(map.get('source')) ?? '';
  metric.date = reader.readText(map.get('date')) ?? '';
  const value = reader.readText(map.get('value'));
  if (value !== undefined) metric.value = value;
  metric.exclude = readRules(reader, map.get('exclude'));
  Object.assign(metric, readDedupe(reader, map.get('dedupe')));
  if (metric.dedupeValues === 'sum' && metric.value === undefined) {
    const dedupe = map.get('dedupe');
    reader.report(dedupe?.line ?? entry.line, `${entry.key}.dedupe.values`, "'sum' adds up the metric's value, but the metric has no 'value'");
  }
  checkMetricSource(reader, map, metric, sources);
  return metric;
}

export function parseMetrics(reader: ContractReader, entry: Entry | undefined, sources: SourceSpec[]): MetricSpec[] {
  if (!entry) return [];
  const entries = reader.readEntries(entry.value, entry.key, entry.line);
  if (!entries) return [];
  if (entries.length === 0) reader.report(entry.line, entry.key, 'needs at least one metric');
  return entries.map((metricEntry) => readMetric(reader, metricEntry, sources));
}
