// Which sources a field written at a place of the contract belongs to: the nearest `source:` above it, or the source of the metric the entry names.
import type { ContractVocabulary } from './readContractVocabulary';
import type { PathSegment } from './readYamlPosition';

/** Keys whose value is a metric whose source then owns the entry's fields (a funnel's cohort, an attribution's deals). */
const METRIC_KEYS_OWNING_FIELDS = ['cohort', 'opportunities', 'period_metric'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The sources whose fields fit the value of `key` under `path`; every source when nothing says. */
export function findContextSources(vocabulary: ContractVocabulary, path: PathSegment[], key: string | null): string[] {
  if (path[0] === 'sources' && typeof path[1] === 'string') return [path[1]];
  const metricSource = (metric: unknown) => (typeof metric === 'string' ? vocabulary.metricSources[metric] : undefined);
  let found: string[] = [];
  let node: unknown = vocabulary.data;
  for (const segment of path) {
    if (segment === 'match' && isRecord(node)) {
      // A reconcile entry's match: `left` is a field of the left metric's source, `right` of the right one's.
      const sides = key === 'left' || key === 'right' ? [node[key]] : [node.left, node.right];
      found = sides.flatMap((metric) => metricSource(metric) ?? []);
    } else if (segment === 'compare' && isRecord(node)) {
      found = [node.left, node.right].flatMap((metric) => metricSource(metric) ?? []);
    }
    node = Array.isArray(node) ? node[segment as number] : isRecord(node) ? node[String(segment)] : undefined;
    if (!isRecord(node)) continue;
    if (typeof node.source === 'string') found = [node.source];
    for (const owner of METRIC_KEYS_OWNING_FIELDS) {
      const source = metricSource(node[owner]);
      if (source) found = [source];
    }
  }
  const known = found.filter((source) => vocabulary.sources.includes(source));
  return known.length > 0 ? [...new Set(known)] : vocabulary.sources;
}
