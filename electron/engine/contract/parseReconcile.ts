// Reads `reconcile:`: the bridges, each between two declared metrics, matched on a key and comparing fields.
import type { Contract, MatchSpec, MetricSpec, Normalizer, ReconcileSpec, SourceSpec } from '../../../shared/contractTypes';
import type { ContractReader, Entry } from './ContractReader';
import { checkUniqueNames } from './checkUniqueNames';
import { parseCompare } from './parseCompare';
import { readNormalizers } from './readNormalizers';
import { readMetricName } from './readReferences';
import { suggestNearest } from '../../../shared/suggestNearest';
import { MATCH_KEYS, RECONCILE_KEYS } from '../../../shared/CONTRACT_KEYS';

const REQUIRED_RECONCILE_KEYS = ['name', 'left', 'right'] as const;

/** What the parser knows when it reads the bridges. */
export interface ReconcileContext {
  metrics: MetricSpec[];
  sources: SourceSpec[];
  identity: Contract['identity'];
  /** Where `identity` would be written, for the message when a bridge needs it and it is absent. */
  identityMissingLine: number;
  /** revenue.md: a contract with funnels or attribution may have no bridge at all. */
  mayBeEmpty: boolean;
}

/** A side's key: a canonical field of the metric's source, or `id` (the source's id column). */
function readKeyField(reader: ContractReader, entry: Entry | undefined, source: SourceSpec | undefined, side: string): string {
  const field = reader.readText(entry) ?? '';
  if (!entry || !field || !source) return field;
  if (field === 'id') {
    if (source.id === undefined) reader.report(entry.line, entry.key, `source '${source.name}' (${side}) has no 'id' column to match on`);
    return field;
  }
  const fields = Object.keys(source.fields);
  if (!fields.includes(field)) {
    reader.report(entry.line, entry.key, `'${field}' is neither 'id' nor a field of source '${source.name}' (${side})${suggestNearest(field, ['id', ...fields])}`);
  }
  return field;
}

function readMatch(reader: ContractReader, entry: Entry, sources: { left?: SourceSpec; right?: SourceSpec }): MatchSpec {
  const map = reader.readFixedMap(entry.value, entry.key, entry.line, MATCH_KEYS, ['left', 'right']);
  return {
    left: readKeyField(reader, map?.get('left'), sources.left, 'left'),
    right: readKeyField(reader, map?.get('right'), sources.right, 'right'),
    normalize: readNormalizers(reader, map?.get('normalize')),
    fromIdentity: false,
    line: entry.line,
  };
}

function sourceOf(name: string, context: ReconcileContext): SourceSpec | undefined {
  const metric = context.metrics.find((m) => m.name === name);
  return context.sources.find((s) => s.name === metric?.source);
}

function readEntry(reader: ContractReader, item: Entry, context: ReconcileContext): ReconcileSpec {
  const map = reader.readFixedMap(item.value, item.key, item.line, RECONCILE_KEYS, REQUIRED_RECONCILE_KEYS);
  const name = reader.readText(map?.get('name'), { numbers: true }) ?? '';
  const left = readMetricName(reader, map?.get('left'), context.metrics);
  const right = readMetricName(reader, map?.get('right'), context.metrics);
  const sources = { left: sourceOf(left, context), right: sourceOf(right, context) };
  const matchEntry = map?.get('match');
  let match: MatchSpec;
  if (matchEntry) match = readMatch(reader, matchEntry, sources);
  else {
    if (!context.identity) reader.report(item.line, item.key, `'${name}' has no 'match' and the contract has no 'identity': say how its records are matched`);
    const identity = context.identity ?? { key: '', normalize: [] };
    match = { left: identity.key, right: identity.key, normalize: identity.normalize, fromIdentity: true, line: context.identityMissingLine };
  }
  const leftMetric = context.metrics.find((m) => m.name === left);
  const rightMetric = context.metrics.find((m) => m.name === right);
  if (leftMetric && rightMetric && (leftMetric.value === undefined) !== (rightMetric.value === undefined)) {
    const [has, lacks] = leftMetric.value === undefined ? [rightMetric, leftMetric] : [leftMetric, rightMetric];
    reader.report(item.line, item.key, `metric '${has.name}' has a value and metric '${lacks.name}' has none: both sides of '${name}' must be counted in the same way`);
  }
  const compare = parseCompare(reader, map?.get('compare'), {
    left: { metric: left, source: sources.left, hasValue: leftMetric?.value !== undefined },
    right: { metric: right, source: sources.right, hasValue: rightMetric?.value !== undefined },
  });
  return { name, left, right, match, compare, line: item.line };
}

/** A metric's duplicates are decided on its key, so every bridge that uses a metric must key it the same way. */
function checkOneKeyPerMetric(reader: ContractReader, entries: ReconcileSpec[]): void {
  const keys = new Map<string, { entry: ReconcileSpec; field: string; normalize: Normalizer[] }>();
  for (const entry of entries) {
    for (const [metric, field] of [[entry.left, entry.match.left], [entry.right, entry.match.right]] as const) {
      if (!metric || !field) continue;
      const first = keys.get(metric);
      if (!first) {
        keys.set(metric, { entry, field, normalize: entry.match.normalize });
        continue;
      }
      if (first.field === field && first.normalize.join() === entry.match.normalize.join()) continue;
      reader.report(
        entry.line,
        `reconcile[${entries.indexOf(entry)}].match`,
        `metric '${metric}' is matched on '${field}' [${entry.match.normalize.join(', ')}] here but on '${first.field}' [${first.normalize.join(', ')}] in '${first.entry.name}' (line ${first.entry.line}); a metric's duplicates are decided on its key, so it needs one`,
      );
    }
  }
}

export function parseReconcile(reader: ContractReader, entry: Entry | undefined, context: ReconcileContext): ReconcileSpec[] {
  if (!entry) return [];
  const items = reader.readItems(entry.value, entry.key, entry.line);
  if (!items) return [];
  if (items.length === 0 && !context.mayBeEmpty) reader.report(entry.line, entry.key, 'needs at least one entry (name, left, right)');
  const entries = items.map((item) => readEntry(reader, item, context));
  checkUniqueNames(reader, entries, (index) => `${entry.key}[${index}].name`);
  checkOneKeyPerMetric(reader, entries);
  return entries;
}
