// The checks of the form's revenue part that need no disk: names given and unique, the fields each declaration needs chosen.
import type { AttributionDraft, DurationDraft, FieldProblem, NewInvestigation, RevenueDraft } from './api';

const NAME = /^[\p{L}\p{N}_ ]+$/u;
const WHOLE = /^\d+$/;

/** A whole number of days or hours, above 0 when `positive`; undefined when sound. */
function describeDurationProblem(duration: DurationDraft, what: string, positive: boolean): string | undefined {
  const amount = duration.amount.trim();
  if (!WHOLE.test(amount)) return `the ${what} is a whole number of ${duration.unit}${amount ? `, not '${amount}'` : ''}`;
  if (positive && Number(amount) === 0) return `the ${what} must be more than 0 ${duration.unit}`;
  return undefined;
}

/** touches: needed by any attribution entry, and then its four fields. */
function checkTouchesForm(revenue: RevenueDraft): FieldProblem[] {
  const touches = revenue.touches;
  if (!touches) return (revenue.attribution ?? []).length > 0 ? [{ field: 'revenue.touches', message: 'attribution credits touches: choose the export holding them' }] : [];
  const missing = (['key', 'date', 'channel'] as const).filter((field) => touches[field] === '');
  if (touches.source === '') return [{ field: 'revenue.touches', message: 'choose the export holding the touches' }];
  if (missing.length > 0) return [{ field: 'revenue.touches', message: `choose the touches' ${missing.join(', ')} (who was touched, when, and the channel credit goes to)` }];
  return [];
}

/** One attribution entry, each problem on the control that fixes it (`revenue.attribution.0.lookback`...). */
function checkAttributionForm(entry: AttributionDraft, at: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field: `${at}.${field}`, message });
  if (entry.name.trim() === '') add('name', 'name this attribution');
  if (entry.opportunities === '') add('opportunities', 'choose the metric of the opportunities credited (its date ends the lookback)');
  if (entry.people === 'primary' && !entry.via) add('people', "'primary' picks the primary pairs of a link: choose the link, or all people");
  const lookback = entry.lookback.amount.trim() === '' ? undefined : describeDurationProblem(entry.lookback, 'lookback', false);
  if (lookback) add('lookback', lookback);
  if (entry.models.length === 0) add('models', 'check at least one model');
  const uses = (model: string) => entry.models.some((m) => m === model) || entry.sourcedTouches === model;
  const halfLife = uses('time_decay') ? describeDurationProblem(entry.halfLife, 'half-life', true) : undefined;
  if (halfLife) add('halfLife', halfLife);
  if (uses('w_shaped') && !entry.milestone) add('milestone', 'W-shaped needs its milestone: choose the metric dating it (MQL, SQL...)');
  if (uses('self_reported') && !entry.selfReportedField) add('selfReported', "self-reported needs the opportunities' field holding the answer (how did you hear about us)");
  return problems;
}

/** revenue.md's declarations as the form holds them, by field path (`revenue.sources.0`, `revenue.funnels.1`...). */
export function checkRevenueForm(spec: NewInvestigation): FieldProblem[] {
  const revenue = spec.revenue;
  if (!revenue) return [];
  const problems: FieldProblem[] = [];
  const at = (field: string, message: string) => problems.push({ field, message });
  // A second source or metric of one name would silently replace the first in the contract written.
  const sourceNames = [spec.left.name, spec.right.name].map((n) => n.trim().toLowerCase());
  revenue.sources.forEach((source, i) => {
    const name = source.name.trim();
    if (name === '') at(`revenue.sources.${i}`, 'name this source');
    else if (!NAME.test(name)) at(`revenue.sources.${i}`, `source name '${name}' may only hold letters, digits, _ and spaces`);
    else if (sourceNames.includes(name.toLowerCase())) at(`revenue.sources.${i}`, `another source is already named '${name}': rename this one`);
    sourceNames.push(name.toLowerCase());
  });
  const metricNames = [spec.left.metric, spec.right.metric].map((n) => n.trim());
  revenue.metrics.forEach((metric, i) => {
    const name = metric.name.trim();
    if (name === '') at(`revenue.metrics.${i}`, 'name this metric');
    else if (metricNames.includes(name)) at(`revenue.metrics.${i}`, `another metric is already named '${name}': rename this one`);
    else if (!metric.date) at(`revenue.metrics.${i}`, `choose the date that counts for ${name}`);
    metricNames.push(name);
  });
  revenue.links.forEach((link, i) => {
    if (link.name.trim() === '') at(`revenue.links.${i}`, 'name this link');
    else if (!link.from || !link.to) at(`revenue.links.${i}`, `choose both fields of the link '${link.name}' (the record id it starts from and the person key)`);
  });
  revenue.funnels.forEach((funnel, i) => {
    if (funnel.name.trim() === '') at(`revenue.funnels.${i}`, 'name this funnel');
    else if (funnel.stages.length === 0) at(`revenue.funnels.${i}`, `add at least one stage to the funnel '${funnel.name}'`);
    else if (funnel.window.trim() !== '' && !WHOLE.test(funnel.window.trim())) at(`revenue.funnels.${i}`, `the window is a whole number of days, not '${funnel.window}'`);
  });
  revenue.sla.forEach((sla, i) => {
    if (sla.name.trim() === '') at(`revenue.sla.${i}`, 'name this SLA');
    else if (!WHOLE.test(sla.within.trim()) || Number(sla.within) === 0) at(`revenue.sla.${i}`, `say within how many ${sla.unit} the SLA '${sla.name}' is met (a whole number above 0)`);
  });
  problems.push(...checkTouchesForm(revenue), ...(revenue.attribution ?? []).flatMap((entry, i) => checkAttributionForm(entry, `revenue.attribution.${i}`)));
  if ((revenue.sla.length > 0 || revenue.spend) && !revenue.wonMetric) at('revenue.wonMetric', 'SLAs and spend belong to the shared metrics: choose the metric of the won deals of the period');
  return problems;
}
