// What an extra export's preset suggests declaring: contact roles a link, conversions a link, tasks an SLA, spend the CAC's spend, opportunities their metrics, touches the touches and an attribution.
import type { ExportPreview, ExtraMetricDraft, ExtraSourceDraft, RevenueDraft } from '../../shared/api';
import { draftAttribution } from './draftAttribution';

/** `base`, else `base 2`, `base 3`... (`base_2` with `_`: link names are written like source names). */
function pickFreeName(base: string, taken: readonly string[], separator = ' '): string {
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) if (!taken.includes(`${base}${separator}${n}`)) return `${base}${separator}${n}`;
}

/**
 * `cohort`: the metric the SLA starts from (the bridge's left metric, usually MQLs). Nothing already declared is
 * changed: proposals are only added, and only where the export has the fields they read.
 */
export function proposeRevenueDeclarations(revenue: RevenueDraft, source: ExtraSourceDraft, preview: ExportPreview, cohort: string): RevenueDraft {
  const has = (field: string) => Boolean(source.fields[field]);
  const salesforce = preview.preset === 'salesforce_report' || preview.preset === 'salesforce_data_loader';
  const person = has('key') ? 'key' : has('contact_id') ? 'contact_id' : '';
  const next: RevenueDraft = { ...revenue };
  if (source.kind === 'contact_roles' && has('opportunity_id')) {
    const name = pickFreeName('opportunity_people', revenue.links.map((l) => l.name), '_');
    // Report exports write Primary as 1 or 0, Data Loader as true or false.
    const primary = has('is_primary') ? "lower(is_primary) IN ('1', 'true')" : undefined;
    next.links = [...revenue.links, { name, source: source.name, from: 'opportunity_id', to: person, ...(salesforce ? { salesforceIds: true } : {}), ...(primary ? { primary } : {}) }];
  }
  if (source.kind === 'lead_conversions' && has('converted_opportunity_id')) {
    const name = pickFreeName('lead_conversions', revenue.links.map((l) => l.name), '_');
    next.links = [...revenue.links, { name, source: source.name, from: 'converted_opportunity_id', to: person, ...(salesforce ? { salesforceIds: true } : {}) }];
  }
  if (source.kind === 'tasks' && has('done_at') && cohort !== '') {
    const name = pickFreeName('Speed to lead', revenue.sla.map((s) => s.name));
    const where = has('type') ? "type IN ('Call', 'Email')" : '';
    next.sla = [...revenue.sla, { name, from: cohort, source: source.name, key: person, date: 'done_at', where, within: '24', unit: 'hours' }];
  }
  if (source.kind === 'spend' && !revenue.spend && has('month') && has('amount')) {
    next.spend = { source: source.name, date: 'month', value: 'amount', ...(has('channel') ? { channel: 'channel' } : {}) };
  }
  if (preview.records === 'opportunities' && preview.dateField) {
    const taken = revenue.metrics.map((m) => m.name);
    const value = has('amount') ? 'amount' : undefined;
    const opportunity = pickFreeName('Opportunity', taken);
    const metrics: ExtraMetricDraft[] = [{ name: opportunity, source: source.name, date: preview.dateField, ...(value ? { value } : {}) }];
    // Won and lost deals count on their close date, told apart by the stage.
    if (has('stage') && has('close_date')) {
      const won = pickFreeName('Won', taken);
      const lost = pickFreeName('Lost', taken);
      metrics.push(
        { name: won, source: source.name, date: 'close_date', ...(value ? { value } : {}), exclude: [{ name: 'not_won', expression: "stage <> 'Closed Won'" }] },
        { name: lost, source: source.name, date: 'close_date', ...(value ? { value } : {}), exclude: [{ name: 'not_lost', expression: "stage <> 'Closed Lost'" }] },
      );
      next.wonMetric ??= won;
      next.lostMetric ??= lost;
      // Win rate by lead source is the question both teams ask first.
      if (has('lead_source')) next.winRateBy ??= 'lead_source';
    }
    next.opportunityMetric ??= opportunity;
    next.metrics = [...revenue.metrics, ...metrics];
  }
  if (source.kind === 'touches' && !revenue.touches && has('touched_at')) {
    // Campaign members and touchpoints name people by e-mail, else by their lead or contact id.
    const key = ['key', 'lead_or_contact_id', 'contact_id', 'lead_id'].find(has) ?? '';
    next.touches = { source: source.name, key, date: 'touched_at', channel: has('channel') ? 'channel' : '', ...(has('campaign') ? { campaign: 'campaign' } : {}), marketingChannels: [] };
  }
  // Touches and opportunities, read in either order, make the first attribution.
  if (next.touches && (next.attribution ?? []).length === 0 && (next.opportunityMetric ?? next.wonMetric)) next.attribution = [draftAttribution(next)];
  return next;
}
