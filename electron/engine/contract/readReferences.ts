// Reads names that refer to something declared elsewhere in the contract, naming the nearest valid one when unknown.
import type { MetricSpec, SourceSpec } from '../../../shared/contractTypes';
import type { ContractReader, Entry } from './ContractReader';
import { suggestNearest } from '../../../shared/suggestNearest';

/**
 * A name among `names` (`what` says what kind: "metric", "link"...); '' when absent or not text. An unknown
 * name is reported with the nearest declared one, or with `noneDeclared` when nothing of the kind is declared.
 */
export function readReference(reader: ContractReader, entry: Entry | undefined, names: readonly string[], what: string, noneDeclared?: string): string {
  const name = reader.readText(entry, { numbers: true });
  if (name === undefined || !entry) return '';
  if (names.includes(name)) return name;
  const reason = names.length === 0 && noneDeclared !== undefined ? `: ${noneDeclared}` : suggestNearest(name, names);
  reader.report(entry.line, entry.key, `unknown ${what} '${name}'${reason}`);
  return name;
}

export function readMetricName(reader: ContractReader, entry: Entry | undefined, metrics: MetricSpec[]): string {
  return readReference(reader, entry, metrics.map((metric) => metric.name), 'metric');
}

/** A declared source's name, and the source itself when it is declared. */
export function readSourceName(reader: ContractReader, entry: Entry | undefined, sources: SourceSpec[]): { name: string; source?: SourceSpec } {
  const name = readReference(reader, entry, sources.map((source) => source.name), 'source');
  return { name, source: sources.find((source) => source.name === name) };
}

/** The message for a field that `source` lacks, listing the fields it has. */
export function describeMissingField(field: string, source: SourceSpec): string {
  const fields = Object.keys(source.fields);
  return `'${field}' is not a field of source '${source.name}'${suggestNearest(field, fields)} (its fields: ${fields.join(', ')})`;
}

/** A canonical field of `source` (unchecked when the source itself is unknown); '' when absent or not text. */
export function readFieldName(reader: ContractReader, entry: Entry | undefined, source: SourceSpec | undefined): string {
  const field = reader.readText(entry) ?? '';
  if (entry && field && source && !(field in source.fields)) reader.report(entry.line, entry.key, describeMissingField(field, source));
  return field;
}
