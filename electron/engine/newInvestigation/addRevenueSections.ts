// revenue.md's part of a new contract (extra sources and metrics, links, funnels, touches, attribution, shared metrics with SLAs and spend), with comments saying what each declares.
import path from 'node:path';
import { isCollection, isMap, isScalar, isSeq, type Document } from 'yaml';
import type { AttributionDraft, DurationDraft, ExtraMetricDraft, ExtraSourceDraft, FunnelDraft, NewInvestigation, RevenueDraft, RevenueExportKind, SlaDraft, TouchesDraft } from '../../../shared/api';
import { ATTRIBUTION_MODEL_WORDS } from '../../../shared/ATTRIBUTION_MODEL_WORDS';

/** What each recognised export is, for the comment above its source. */
const KIND_WORDS: Record<RevenueExportKind, string> = {
  contact_roles: ' Who is on which deal: one row per person on an opportunity (contact roles).',
  lead_conversions: ' Leads with their conversion: the opportunity each converted lead became.',
  tasks: ' Sales activities (calls, e-mails...): the SLA looks for the first one after each record it starts from.',
  spend: ' Marketing spend, one row per month and channel: CAC divides it by the deals won.',
  touches: ' Marketing touches (campaign responses, form submissions, touchpoints): attribution credits their channels.',
};

function describeExtraSource(draft: ExtraSourceDraft, contractDir: string): Record<string, unknown> {
  const fields = Object.fromEntries(Object.entries(draft.fields).filter(([, column]) => column.trim() !== ''));
  return {
    system: draft.system,
    file: path.relative(contractDir, path.resolve(draft.file)).split(path.sep).join('/'),
    ...(draft.sheet ? { sheet: draft.sheet } : {}),
    timezone: draft.timezone,
    ...(draft.id ? { id: draft.id } : {}),
    fields,
  };
}

function describeExtraMetric(draft: ExtraMetricDraft): Record<string, unknown> {
  const exclude = Object.fromEntries((draft.exclude ?? []).filter((rule) => rule.expression.trim() !== '').map((rule) => [rule.name, rule.expression]));
  return { source: draft.source, date: draft.date, ...(draft.value ? { value: draft.value } : {}), ...(Object.keys(exclude).length > 0 ? { exclude } : {}) };
}

function describeFunnel(funnel: FunnelDraft): Record<string, unknown> {
  const window = funnel.window.trim();
  return {
    name: funnel.name,
    cohort: funnel.cohort,
    key: funnel.key,
    stages: funnel.stages.map((stage) => ({ metric: stage.metric, ...(stage.via ? { via: stage.via } : {}) })),
    ...(window ? { window: `${window} days` } : {}),
  };
}

function describeSla(sla: SlaDraft): Record<string, unknown> {
  const where = sla.where?.trim();
  return { name: sla.name, from: sla.from, to: { source: sla.source, key: sla.key, date: sla.date, ...(where ? { where } : {}) }, within: `${sla.within.trim()} ${sla.unit}` };
}

function describeTouches(touches: TouchesDraft): Record<string, unknown> {
  const channels = touches.marketingChannels.filter((c) => c.trim() !== '');
  return {
    source: touches.source,
    key: touches.key,
    date: touches.date,
    channel: touches.channel,
    ...(touches.campaign ? { campaign: touches.campaign } : {}),
    ...(channels.length > 0 ? { marketing_channels: channels } : {}),
  };
}

function writeDuration(duration: DurationDraft): string {
  return `${duration.amount.trim()} ${duration.unit}`;
}

/** A model's settings are written when the model is listed or decides `sourced.touches`, and only then. */
function describeAttribution(entry: AttributionDraft): Record<string, unknown> {
  const uses = (model: string) => entry.models.some((m) => m === model) || entry.sourcedTouches === model;
  const map = Object.entries(entry.selfReportedMap ?? {}).filter(([answer, channel]) => answer.trim() !== '' && channel.trim() !== '');
  const crm = entry.sourcedCrm?.trim();
  const sourced = { ...(crm ? { crm } : {}), ...(entry.sourcedTouches ? { touches: entry.sourcedTouches } : {}) };
  return {
    name: entry.name,
    opportunities: entry.opportunities,
    ...(entry.via ? { via: entry.via } : {}),
    people: entry.people,
    ...(entry.lookback.amount.trim() ? { lookback: writeDuration(entry.lookback) } : {}),
    models: entry.models,
    ...(uses('time_decay') ? { time_decay: { half_life: writeDuration(entry.halfLife) } } : {}),
    ...(uses('w_shaped') ? { w_shaped: { milestone: entry.milestone ?? '' } } : {}),
    ...(uses('self_reported') ? { self_reported: { field: entry.selfReportedField ?? '', ...(map.length > 0 ? { map: Object.fromEntries(map) } : {}) } } : {}),
    ...(Object.keys(sourced).length > 0 ? { sourced } : {}),
  };
}

/** shared_metrics when the form declares anything it holds: the won metric is required there, so its absence is the parser's to say. */
function describeSharedMetrics(revenue: RevenueDraft): Record<string, unknown> | undefined {
  if (!revenue.wonMetric && revenue.sla.length === 0 && !revenue.spend) return undefined;
  const spend = revenue.spend;
  return {
    ...(revenue.wonMetric ? { period_metric: revenue.wonMetric } : {}),
    ...(revenue.lostMetric ? { lost: revenue.lostMetric } : {}),
    ...(revenue.opportunityMetric ? { opportunities: revenue.opportunityMetric } : {}),
    ...(revenue.winRateBy ? { win_rate_by: revenue.winRateBy } : {}),
    ...(spend ? { spend: { source: spend.source, date: spend.date, value: spend.value, ...(spend.channel ? { channel: spend.channel } : {}) } } : {}),
    ...(revenue.sla.length > 0 ? { sla: revenue.sla.map(describeSla) } : {}),
  };
}

function sayTouches(touches: TouchesDraft): string {
  const campaign = touches.campaign ? `, and per campaign (${touches.campaign})` : '';
  const channels = touches.marketingChannels.filter((c) => c.trim() !== '');
  const marketing = channels.length > 0 ? `Marketing channels (influenced, sourced): ${channels.join(', ')}.` : 'Every channel counts as marketing (influenced, sourced).';
  return [
    ` Touches: the rows of ${touches.source} with a channel, each the touch of the person its ${touches.key} names, at its ${touches.date}.`,
    ` Credit goes to the channel (${touches.channel})${campaign}. ${marketing}`,
  ].join('\n');
}

function sayAttribution(entry: AttributionDraft, touchKey: string): string {
  const people = entry.via ? `the ${entry.people === 'primary' ? 'primary people' : 'people'} link ${entry.via} names on each` : `the ${touchKey} on each`;
  const lookback = entry.lookback.amount.trim() ? writeDuration(entry.lookback) : '365 days';
  return [
    ` Credits each ${entry.opportunities} record of the period with the touches of ${people}, up to ${lookback} before its date;`,
    ' a deal with no touch gives its value to No touch. Per model:',
    ...entry.models.map((model) => `   ${model}: ${ATTRIBUTION_MODEL_WORDS[model]}`),
  ].join('\n');
}

function commentPair(map: unknown, key: string, comment: string): void {
  if (!isMap(map)) return;
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
  if (!pair || !isScalar(pair.key)) return;
  pair.key.commentBefore = comment;
  pair.key.spaceBefore = true;
}

/** A comment above a list item (`- name: ...`), not inside it. */
function commentItem(item: unknown, comment: string): void {
  if (isMap(item)) item.commentBefore = comment;
}

function sayFunnel(funnel: FunnelDraft): string {
  const stages = funnel.stages.map((s) => (s.via ? `${s.metric} (through ${s.via})` : s.metric)).join(', then ');
  const days = funnel.window.trim() || '365';
  return ` Of the period's ${funnel.cohort} records, who reached ${stages}, each within ${days} days of the ${funnel.cohort} date (same ${funnel.key}).`;
}

function saySla(sla: SlaDraft): string {
  const where = sla.where?.trim() ? ` where ${sla.where.trim()}` : '';
  return ` Each ${sla.from} record's first ${sla.source} row${where} (same ${sla.key}) after it: met within ${sla.within.trim()} ${sla.unit}.`;
}

/** Appends the declarations of `spec.revenue` to the document buildNewContractText made; nothing when the form declared none. */
export function addRevenueSections(doc: Document, spec: NewInvestigation, contractDir: string): void {
  const revenue = spec.revenue;
  if (!revenue) return;
  const sources = doc.get('sources', true);
  const metrics = doc.get('metrics', true);
  const top = doc.contents;
  if (!isMap(sources) || !isMap(metrics) || !isMap(top)) throw new Error('the new contract has no sources and metrics mappings');
  // Pairs made with createPair keep their key a node, which carries the comment written above it.
  for (const source of revenue.sources) sources.add(doc.createPair(source.name, describeExtraSource(source, contractDir)));
  for (const metric of revenue.metrics) metrics.add(doc.createPair(metric.name, describeExtraMetric(metric)));
  if (revenue.links.length > 0) {
    const links = Object.fromEntries(
      revenue.links.map((link) => [
        link.name,
        { source: link.source, from: link.from, to: link.to, ...(link.salesforceIds ? { normalize: { from: ['trim', 'salesforce_id'] } } : {}), ...(link.primary?.trim() ? { primary: link.primary.trim() } : {}) },
      ]),
    );
    top.add(doc.createPair('links', links));
  }
  if (revenue.funnels.length > 0) top.add(doc.createPair('funnels', revenue.funnels.map(describeFunnel)));
  const attribution = revenue.attribution ?? [];
  if (revenue.touches) top.add(doc.createPair('touches', describeTouches(revenue.touches)));
  if (attribution.length > 0) top.add(doc.createPair('attribution', attribution.map(describeAttribution)));
  const shared = describeSharedMetrics(revenue);
  if (shared) top.add(doc.createPair('shared_metrics', shared));
  // Short lists and pairs on one line, as people write them by hand.
  const compact = [
    ...revenue.links.map((link) => ['links', link.name, 'normalize']),
    ...revenue.funnels.flatMap((funnel, i) => funnel.stages.map((_, k) => ['funnels', i, 'stages', k])),
    ['touches', 'marketing_channels'],
    ...attribution.flatMap((_, i) => ['models', 'time_decay', 'w_shaped', 'self_reported'].map((key) => ['attribution', i, key])),
    ['shared_metrics', 'spend'],
    ...revenue.sla.map((_, i) => ['shared_metrics', 'sla', i, 'to']),
  ];
  for (const at of compact) {
    const node = doc.getIn(at, true);
    if (isCollection(node)) node.flow = true;
  }
  for (const source of revenue.sources) {
    commentPair(sources, source.name, `${source.kind ? KIND_WORDS[source.kind] : ' Another export of the investigation.'} Read beside the two compared above.`);
  }
  const first = revenue.metrics[0];
  if (first) commentPair(metrics, first.name, ' Metrics of the other exports: funnel stages, SLA starts and shared metrics count them. Stages are read without their period.');
  commentPair(top, 'links', ' Pairs connecting records of different grain: from a record id (an opportunity) to the person key of each person on it.');
  commentPair(top, 'funnels', ' Funnels: a cohort of the period, and the stages its records reach in order, within the window.');
  const funnels = doc.get('funnels', true);
  if (isSeq(funnels)) funnels.items.forEach((item, i) => commentItem(item, sayFunnel(revenue.funnels[i] as FunnelDraft)));
  if (revenue.touches) commentPair(top, 'touches', sayTouches(revenue.touches));
  commentPair(top, 'attribution', ' Attribution: which channels the deals of the period are credited to, under each model side by side.');
  const entries = doc.get('attribution', true);
  if (isSeq(entries)) entries.items.forEach((item, i) => commentItem(item, sayAttribution(attribution[i] as AttributionDraft, revenue.touches?.key ?? 'key')));
  commentPair(top, 'shared_metrics', ' Metrics both teams own: won deals of the period (period_metric), win rate, velocity, CAC from the spend sheet, and the SLAs.');
  const sla = doc.getIn(['shared_metrics', 'sla'], true);
  if (isSeq(sla)) sla.items.forEach((item, i) => commentItem(item, saySla(revenue.sla[i] as SlaDraft)));
}
