// What the revenue part's selects offer: every metric and source of the investigation, and each source's canonical fields.
import type { NewInvestigation, RevenueDraft, SourceDraft } from '../../shared/api';

export interface RevenueChoices {
  metrics: string[];
  sources: string[];
  /** Canonical fields of a source (its person key `key` included when chosen). */
  fieldsOf(source: string): string[];
  /** The source a metric counts. */
  sourceOf(metric: string): string | undefined;
  /** A source as the value lists read it (listColumnValues): a bridge side, or an extra export with no metric of its own. */
  draftOf(source: string): SourceDraft | undefined;
}

function listSideFields(draft: SourceDraft): string[] {
  return Object.entries(draft.fields)
    .filter(([, column]) => column !== '')
    .map(([name]) => name);
}

export function listRevenueChoices(spec: Pick<NewInvestigation, 'left' | 'right'>, revenue: RevenueDraft): RevenueChoices {
  const sides = [spec.left, spec.right].filter((d) => d.name !== '');
  const fields = new Map<string, string[]>([...sides.map((d) => [d.name, listSideFields(d)] as const), ...revenue.sources.map((s) => [s.name, Object.keys(s.fields).filter((f) => s.fields[f] !== '')] as const)]);
  const metricSources = new Map<string, string>([...sides.filter((d) => d.metric !== '').map((d) => [d.metric, d.name] as const), ...revenue.metrics.map((m) => [m.name, m.source] as const)]);
  return {
    metrics: [...metricSources.keys()],
    sources: [...fields.keys()],
    fieldsOf: (source) => fields.get(source) ?? [],
    sourceOf: (metric) => metricSources.get(metric),
    draftOf: (source) => {
      const side = sides.find((d) => d.name === source);
      const extra = revenue.sources.find((s) => s.name === source);
      return side ?? (extra ? { name: extra.name, system: extra.system, file: extra.file, sheet: extra.sheet, timezone: extra.timezone, id: extra.id, fields: extra.fields, metric: '', dateField: '' } : undefined);
    },
  };
}
