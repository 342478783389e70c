// The names a contract text defines (sources and their canonical fields, metrics, links, attribution entries), read leniently from the text as typed.
import { parseDocument } from 'yaml';

export interface ContractVocabulary {
  sources: string[];
  /** Source name -> its canonical field names. */
  fields: Record<string, string[]>;
  metrics: string[];
  /** Metric name -> the source it counts. */
  metricSources: Record<string, string>;
  links: string[];
  attributions: string[];
  /** The text as plain data, to find which source a field written at some place belongs to. */
  data: Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readNames(value: unknown): string[] {
  return isRecord(value) ? Object.keys(value) : [];
}

export function readContractVocabulary(text: string): ContractVocabulary {
  let data: Record<string, unknown> = {};
  try {
    // A half-typed text still yields what it holds: the reader keeps every entry it could read.
    const value: unknown = parseDocument(text, { uniqueKeys: false, prettyErrors: false }).toJS({ maxAliasCount: 0 });
    if (isRecord(value)) data = value;
  } catch {
    data = {};
  }
  const sources = isRecord(data.sources) ? data.sources : {};
  const metrics = isRecord(data.metrics) ? data.metrics : {};
  const fields: Record<string, string[]> = {};
  for (const [name, source] of Object.entries(sources)) fields[name] = isRecord(source) ? readNames(source.fields) : [];
  const metricSources: Record<string, string> = {};
  for (const [name, metric] of Object.entries(metrics)) {
    if (isRecord(metric) && typeof metric.source === 'string') metricSources[name] = metric.source;
  }
  const attributions = Array.isArray(data.attribution)
    ? data.attribution.flatMap((entry: unknown) => (isRecord(entry) && typeof entry.name === 'string' ? [entry.name] : []))
    : [];
  return { sources: Object.keys(sources), fields, metrics: Object.keys(metrics), metricSources, links: readNames(data.links), attributions, data };
}
