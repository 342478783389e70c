// Says what a session build computed again and what it reused, from the tables the two models read.
import type { BuildSummary } from '../../../shared/api';
import type { CompiledModel } from '../compiledInvestigation';

/** A table of the new model that the previous one read was reused: tables are named after what they are computed from. */
export function summarizeBuild(previous: CompiledModel | null, model: CompiledModel, ms: number): BuildSummary {
  const had = new Set([...(previous?.sources ?? []).map((s) => s.table), ...(previous?.metrics ?? []).map((m) => m.table), ...(previous?.reconciles ?? []).map((r) => r.table)]);
  const imported = model.sources.filter((s) => !had.has(s.table)).map((s) => s.spec.name);
  const metrics = model.metrics.filter((m) => !had.has(m.table)).map((m) => m.spec.name);
  const reconciliations = model.reconciles.filter((r) => !had.has(r.table)).map((r) => r.spec.name);
  return {
    imported,
    metrics,
    reconciliations,
    reused: { sources: model.sources.length - imported.length, metrics: model.metrics.length - metrics.length, reconciliations: model.reconciles.length - reconciliations.length },
    ms: Math.round(ms),
  };
}
