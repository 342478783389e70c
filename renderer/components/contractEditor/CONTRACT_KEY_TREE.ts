// The shape of a contract as the editor's completion walks it: each mapping's keys (shared/CONTRACT_KEYS.ts), lists, named entries, and what each value names.
import {
  ATTRIBUTION_KEYS, COMPARE_KEYS, DEDUPE_KEYS, FUNNEL_KEYS, IDENTITY_KEYS, LINK_KEYS, LINK_NORMALIZE_KEYS, MATCH_KEYS, METRIC_KEYS,
  PERIOD_KEYS, RECONCILE_KEYS, REPORTING_KEYS, SELF_REPORTED_KEYS, SHARED_KEYS, SLA_KEYS, SLA_TO_KEYS, SOURCE_KEYS, SOURCED_KEYS,
  SPEND_KEYS, STAGE_KEYS, TIME_DECAY_KEYS, TOP_KEYS, TOUCHES_KEYS, W_SHAPED_KEYS,
} from '../../../shared/CONTRACT_KEYS';

/** What a value names, so completion can propose the names that exist. */
export type ValueKind =
  | 'source' | 'metric' | 'link' | 'attribution' | 'field' | 'column' | 'expression' | 'system' | 'timezone' | 'normalizer'
  | 'model' | 'touch_model' | 'keep' | 'dedupe_values' | 'decimal' | 'date_format' | 'people';

export interface KeyNode {
  /** A mapping with a fixed set of keys. */
  keys?: Readonly<Record<string, KeyNode>>;
  /** A mapping of names the user chooses (sources, metrics, links), each entry such a node. */
  named?: KeyNode;
  /** What the chosen names are, when they name something (a source's canonical fields, compared fields). */
  nameKind?: ValueKind;
  /** A list, each item such a node. */
  items?: KeyNode;
  value?: ValueKind;
}

const of = (value: ValueKind): KeyNode => ({ value });

function mapOf<K extends string>(keys: readonly K[], nodes: Partial<Record<K, KeyNode>> = {}): KeyNode {
  return { keys: Object.fromEntries(keys.map((key) => [key, nodes[key] ?? {}])) };
}

export const CONTRACT_KEY_TREE: KeyNode = mapOf(TOP_KEYS, {
  reporting: mapOf(REPORTING_KEYS, { timezone: of('timezone'), period: mapOf(PERIOD_KEYS) }),
  sources: {
    named: mapOf(SOURCE_KEYS, {
      system: of('system'),
      timezone: of('timezone'),
      id: of('column'),
      fields: { named: of('column'), nameKind: 'field' },
      date_format: of('date_format'),
      decimal: of('decimal'),
    }),
  },
  identity: mapOf(IDENTITY_KEYS, { key: of('field'), normalize: of('normalizer') }),
  metrics: {
    named: mapOf(METRIC_KEYS, {
      source: of('source'),
      date: of('field'),
      value: of('field'),
      exclude: { named: of('expression') },
      dedupe: mapOf(DEDUPE_KEYS, { keep: of('keep'), values: of('dedupe_values') }),
    }),
  },
  reconcile: {
    items: mapOf(RECONCILE_KEYS, {
      left: of('metric'),
      right: of('metric'),
      match: mapOf(MATCH_KEYS, { left: of('field'), right: of('field'), normalize: of('normalizer') }),
      compare: { named: mapOf(COMPARE_KEYS), nameKind: 'field' },
    }),
  },
  links: {
    named: mapOf(LINK_KEYS, {
      source: of('source'),
      from: of('field'),
      to: of('field'),
      normalize: mapOf(LINK_NORMALIZE_KEYS, { from: of('normalizer'), to: of('normalizer') }),
      primary: of('expression'),
    }),
  },
  funnels: {
    items: mapOf(FUNNEL_KEYS, { cohort: of('metric'), key: of('field'), stages: { items: mapOf(STAGE_KEYS, { metric: of('metric'), via: of('link') }) } }),
  },
  touches: mapOf(TOUCHES_KEYS, { source: of('source'), key: of('field'), date: of('field'), channel: of('field'), campaign: of('field') }),
  attribution: {
    items: mapOf(ATTRIBUTION_KEYS, {
      opportunities: of('metric'),
      via: of('link'),
      people: of('people'),
      models: of('model'),
      time_decay: mapOf(TIME_DECAY_KEYS),
      w_shaped: mapOf(W_SHAPED_KEYS, { milestone: of('metric') }),
      self_reported: mapOf(SELF_REPORTED_KEYS, { field: of('field') }),
      sourced: mapOf(SOURCED_KEYS, { crm: of('expression'), touches: of('touch_model') }),
    }),
  },
  shared_metrics: mapOf(SHARED_KEYS, {
    period_metric: of('metric'),
    lost: of('metric'),
    opportunities: of('metric'),
    sourced_by: of('attribution'),
    win_rate_by: of('field'),
    spend: mapOf(SPEND_KEYS, { source: of('source'), date: of('field'), value: of('field'), channel: of('field') }),
    sla: {
      items: mapOf(SLA_KEYS, {
        from: of('metric'),
        to: mapOf(SLA_TO_KEYS, { source: of('source'), key: of('field'), date: of('field'), where: of('expression') }),
      }),
    },
  }),
});
