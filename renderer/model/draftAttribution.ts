// A new attribution entry as the form proposes it: the opportunities metric and the link reaching their people, three models, a year's lookback.
import type { AttributionDraft, RevenueDraft } from '../../shared/api';
import { FIRST_MODELS } from '../../shared/ATTRIBUTION_MODEL_WORDS';

/**
 * The opportunities are the declared opportunity metric (else the won deals); their people are reached through a
 * contact-roles link (one from an opportunity id) when there is one, else through the opportunity's own key.
 */
export function draftAttribution(revenue: RevenueDraft): AttributionDraft {
  const opportunities = revenue.opportunityMetric ?? revenue.wonMetric ?? '';
  const roles = revenue.links.find((link) => link.from === 'opportunity_id') ?? revenue.links[0];
  const n = (revenue.attribution ?? []).length + 1;
  return {
    name: n === 1 ? `${opportunities || 'Pipeline'} by channel` : `Attribution ${n}`,
    opportunities,
    ...(roles ? { via: roles.name } : {}),
    people: 'all',
    lookback: { amount: '365', unit: 'days' },
    models: [...FIRST_MODELS],
    halfLife: { amount: '7', unit: 'days' },
  };
}
