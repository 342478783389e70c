// The sentence an Apply ends with: what the recompute redid, how long it took, and what it reused as it was.
import type { BuildSummary } from '../../shared/api';

function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

function countOf(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function formatSeconds(ms: number): string {
  return ms < 100 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function describeRecompute(build: BuildSummary): string {
  const done = [
    ...(build.imported.length ? [`read ${joinNames(build.imported)} from ${build.imported.length === 1 ? 'its export' : 'their exports'} again`] : []),
    ...(build.metrics.length ? [`recomputed ${joinNames(build.metrics)}`] : []),
    ...(build.reconciliations.length ? [`${build.metrics.length ? 'rebuilt' : 'recomputed'} the ${build.reconciliations.length === 1 ? 'bridge' : 'bridges'} ${joinNames(build.reconciliations)}`] : []),
  ];
  const { sources, metrics, reconciliations } = build.reused;
  const reused = [
    ...(sources ? [countOf(sources, 'source', 'sources')] : []),
    ...(metrics ? [countOf(metrics, build.metrics.length ? 'other metric' : 'metric', build.metrics.length ? 'other metrics' : 'metrics')] : []),
    ...(reconciliations ? [countOf(reconciliations, build.reconciliations.length ? 'other bridge' : 'bridge', build.reconciliations.length ? 'other bridges' : 'bridges')] : []),
  ];
  const took = formatSeconds(build.ms);
  if (done.length === 0) return `Nothing to recompute (${took}): every source, metric and bridge reused as it was.`;
  const sentence = joinNames(done);
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)} in ${took}${reused.length ? `; ${joinNames(reused)} reused` : ''}.`;
}
