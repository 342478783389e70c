// The keys a contract's mappings may hold, level by level (contract.md, money.md, revenue.md): the engine reads only these, the editor proposes them.

export const REVENUE_KEYS = ['links', 'funnels', 'touches', 'attribution', 'shared_metrics'] as const;
export const TOP_KEYS = ['contract', 'version', 'owner', 'signed_off_by', 'reporting', 'sources', 'identity', 'metrics', 'reconcile', ...REVENUE_KEYS] as const;
export const REPORTING_KEYS = ['timezone', 'period', 'currency', 'rates'] as const;
export const PERIOD_KEYS = ['from', 'to'] as const;
export const IDENTITY_KEYS = ['key', 'normalize'] as const;
export const SOURCE_KEYS = ['system', 'file', 'sheet', 'timezone', 'id', 'fields', 'date_format', 'decimal'] as const;
export const METRIC_KEYS = ['source', 'date', 'value', 'exclude', 'dedupe'] as const;
export const DEDUPE_KEYS = ['keep', 'values'] as const;
export const RECONCILE_KEYS = ['name', 'left', 'right', 'match', 'compare'] as const;
export const MATCH_KEYS = ['left', 'right', 'normalize'] as const;
export const COMPARE_KEYS = ['tolerance', 'map'] as const;
export const LINK_KEYS = ['source', 'from', 'to', 'normalize', 'primary'] as const;
export const LINK_NORMALIZE_KEYS = ['from', 'to'] as const;
export const FUNNEL_KEYS = ['name', 'cohort', 'key', 'stages', 'window'] as const;
export const STAGE_KEYS = ['metric', 'via'] as const;
export const TOUCHES_KEYS = ['source', 'key', 'date', 'channel', 'campaign', 'marketing_channels'] as const;
export const ATTRIBUTION_KEYS = ['name', 'opportunities', 'via', 'people', 'lookback', 'models', 'time_decay', 'w_shaped', 'self_reported', 'sourced'] as const;
export const SOURCED_KEYS = ['crm', 'touches'] as const;
export const TIME_DECAY_KEYS = ['half_life'] as const;
export const W_SHAPED_KEYS = ['milestone'] as const;
export const SELF_REPORTED_KEYS = ['field', 'map'] as const;
export const SHARED_KEYS = ['period_metric', 'lost', 'opportunities', 'sourced_by', 'win_rate_by', 'spend', 'sla'] as const;
export const SPEND_KEYS = ['source', 'date', 'value', 'channel'] as const;
export const SLA_KEYS = ['name', 'from', 'to', 'within'] as const;
export const SLA_TO_KEYS = ['source', 'key', 'date', 'where'] as const;
