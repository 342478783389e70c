// Reads a reconcile entry's `compare:` (money.md): ordered fields, each with its tolerance or value map.
import { isScalar } from 'yaml';
import type { CompareSpec, SourceSpec } from '../../../shared/contractTypes';
import type { ContractReader, Entry } from './ContractReader';
import { readValueMap } from './readValueMap';
import { COMPARE_KEYS } from '../../../shared/CONTRACT_KEYS';

/** Both sides' sources, and whether their metrics have a value (`value` is then a comparable field). */
export interface CompareSides {
  left: { metric: string; source: SourceSpec | undefined; hasValue: boolean };
  right: { metric: string; source: SourceSpec | undefined; hasValue: boolean };
}

type Tolerance = { absolute: string } | { percent: string } | { days: number };

/** `0.01` or `"0.01"` (absolute), `"1%"` (of the larger amount), `"3 days"` / `0 days` (dates). */
function readTolerance(reader: ContractReader, entry: Entry): Tolerance | undefined {
  const node = entry.value;
  const text = isScalar(node) && (typeof node.value === 'number' || typeof node.value === 'string') ? String(node.source ?? node.value).trim() : undefined;
  const days = text === undefined ? null : /^(\d+)\s*days?$/i.exec(text);
  if (days?.[1] !== undefined) return { days: Number(days[1]) };
  const percent = text === undefined ? null : /^(\d+(?:\.\d+)?)\s*%$/.exec(text);
  if (percent?.[1] !== undefined) return { percent: percent[1] };
  if (text !== undefined && /^\d+(?:\.\d+)?$/.test(text)) return { absolute: text };
  reader.report(entry.line, entry.key, `'${text ?? ''}' is no tolerance: write an amount (0.01), a percentage ("1%") or days (0 days, "3 days")`);
  return undefined;
}

/** A compared field must exist on both sides: `value` when both metrics have one, else a canonical field of both sources. */
function checkFieldOnBothSides(reader: ContractReader, entry: Entry, sides: CompareSides): void {
  for (const side of ['left', 'right'] as const) {
    const { metric, source, hasValue } = sides[side];
    if (!source) continue;
    if (entry.name === 'value') {
      if (!hasValue) reader.report(entry.line, entry.key, `'value' compares the metrics' amounts, but metric '${metric}' (${side}) has no 'value'`);
      continue;
    }
    if (!(entry.name in source.fields)) {
      const fields = Object.keys(source.fields).join(', ');
      reader.report(entry.line, entry.key, `'${entry.name}' is not a field of source '${source.name}' (${side}: metric '${metric}'), so it cannot be compared (its fields: ${fields})`);
    }
  }
}

function readCompareField(reader: ContractReader, entry: Entry, sides: CompareSides): CompareSpec {
  checkFieldOnBothSides(reader, entry, sides);
  const options = reader.readFixedMap(entry.value, entry.key, entry.line, COMPARE_KEYS, []) ?? new Map<string, Entry>();
  const toleranceEntry = options.get('tolerance');
  const mapEntry = options.get('map');
  const tolerance = toleranceEntry ? readTolerance(reader, toleranceEntry) : undefined;
  const line = entry.line;
  if (tolerance && 'days' in tolerance) {
    if (entry.name === 'value') reader.report(toleranceEntry?.line ?? line, `${entry.key}.tolerance`, "'value' is an amount: its tolerance is an amount (0.01) or a percentage (\"1%\"), not days");
    if (mapEntry) reader.report(mapEntry.line, mapEntry.key, 'a map translates text values; a field with a tolerance in days is compared as a date');
    return { field: entry.name, kind: 'date', days: tolerance.days, line };
  }
  if (tolerance || entry.name === 'value') {
    if (mapEntry) reader.report(mapEntry.line, mapEntry.key, 'a map translates text values; a field with an amount tolerance is compared as an amount');
    return { field: entry.name, kind: 'amount', tolerance: tolerance ?? { absolute: '0.005' }, line };
  }
  return { field: entry.name, kind: 'text', map: mapEntry ? readValueMap(reader, mapEntry) : {}, line };
}

export function parseCompare(reader: ContractReader, entry: Entry | undefined, sides: CompareSides): CompareSpec[] {
  if (!entry) return [];
  return (reader.readEntries(entry.value, entry.key, entry.line) ?? []).map((field) => readCompareField(reader, field, sides));
}
