// Reads `metrics:`: each metric's source, anchor date, ordered exclusion rules and dedupe choice.
import { DEDUPE_KEEPS, type MetricSpec, type RuleSpec, type SourceSpec } from '../../../shared/contractTypes';
import type { ContractReader, Entry } from './ContractReader';
import { suggestNearest } from '../../../shared/suggestNearest';

const METRIC_KEYS = ['source', 'date', 'exclude', 'dedupe'] as const;
const REQUIRED_METRIC_KEYS = ['source', 'date'] as const;
const DEDUPE_KEYS = ['keep'] as const;

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

function readDedupe(reader: ContractReader, entry: Entry | undefined): MetricSpec['dedupe'] {
  if (!entry) return 'earliest';
  const map = reader.readFixedMap(entry.value, entry.key, entry.line, DEDUPE_KEYS, []);
  return reader.readChoice(map?.get('keep'), DEDUPE_KEEPS) ?? 'earliest';
}

/** The metric's source must be declared and its date must be one of that source's canonical fields. */
function checkMetricSource(reader: ContractReader, map: Map<string, Entry>, metric: MetricSpec, sources: SourceSpec[]): void {
  const sourceEntry = map.get('source');
  const dateEntry = map.get('date');
  if (!metric.source || !sourceEntry) return;
  const source = sources.find((candidate) => candidate.name === metric.source);
  if (!source) {
    const names = sources.map((candidate) => candidate.name);
    reader.report(sourceEntry.line, sourceEntry.key, `unknown source '${metric.source}'${suggestNearest(metric.source, names)}`);
    return;
  }
  const fields = Object.keys(source.fields);
  if (!metric.date || !dateEntry || fields.includes(metric.date)) return;
  reader.report(
    dateEntry.line,
    dateEntry.key,
    `'${metric.date}' is not a field of source '${source.name}'${suggestNearest(metric.date, fields)} (its fields: ${fields.join(', ')})`,
  );
}

function readMetric(reader: ContractReader, entry: Entry, sources: SourceSpec[]): MetricSpec {
  const metric: MetricSpec = { name: entry.name, source: '', date: '', exclude: [], dedupe: 'earliest', line: entry.line };
  if (entry.name.trim() === '') reader.report(entry.line, entry.key, 'a metric needs a name');
  const map = reader.readFixedMap(entry.value, entry.key, entry.line, METRIC_KEYS, REQUIRED_METRIC_KEYS);
  if (!map) return metric;
  metric.source = reader.readText(map.get('source')) ?? '';
  metric.date = reader.readText(map.get('date')) ?? '';
  metric.exclude = readRules(reader, map.get('exclude'));
  metric.dedupe = readDedupe(reader, map.get('dedupe'));
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
