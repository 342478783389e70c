// Lists the rule texts of revenue.md's keys (a link's primary, sourced.crm, an SLA's where) with the source each reads.
import type { Contract } from '../../../shared/contractTypes';
import type { RuleText } from './checkRuleExpression';

/** A rule text, where it is written, and the source whose row it is evaluated on (its columns are the allowed ones). */
export interface RevenueRule extends RuleText {
  source: string;
}

/** Checked like exclude rules, with checkRuleText and the source's fields and file columns, before anything runs. */
export function listRevenueRules(contract: Contract): RevenueRule[] {
  const revenue = contract.revenue;
  if (!revenue) return [];
  const rules: RevenueRule[] = [];
  for (const link of revenue.links) {
    if (link.primary === undefined) continue;
    const subject = `the primary rule of link '${link.name}'`;
    rules.push({ expression: link.primary, line: link.primaryLine ?? link.line, key: `links.${link.name}.primary`, subject, source: link.source });
  }
  revenue.attribution.forEach((entry, index) => {
    const crm = entry.sourced?.crm;
    const source = contract.metrics.find((metric) => metric.name === entry.opportunities)?.source;
    if (crm === undefined || source === undefined) return;
    const subject = `the sourced.crm rule of attribution '${entry.name}'`;
    rules.push({ expression: crm, line: entry.sourced?.crmLine ?? entry.line, key: `attribution[${index}].sourced.crm`, subject, source });
  });
  revenue.sharedMetrics?.sla.forEach((sla, index) => {
    if (sla.to.where === undefined) return;
    const subject = `the where rule of SLA '${sla.name}'`;
    rules.push({ expression: sla.to.where, line: sla.to.whereLine ?? sla.line, key: `shared_metrics.sla[${index}].to.where`, subject, source: sla.to.source });
  });
  return rules;
}
