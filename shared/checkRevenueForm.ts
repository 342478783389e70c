// The checks of the form's revenue part that need no disk: names given and unique, the fields each declaration needs chosen.
import type { FieldProblem, NewInvestigation } from './api';

const NAME = /^[\p{L}\p{N}_ ]+$/u;
const WHOLE = /^\d+$/;

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
  if ((revenue.sla.length > 0 || revenue.spend) && !revenue.wonMetric) at('revenue.wonMetric', 'SLAs and spend belong to the shared metrics: choose the metric of the won deals of the period');
  return problems;
}
