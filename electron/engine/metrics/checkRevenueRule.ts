// Refuses a revenue rule (a link's primary, sourced.crm, an SLA's where) that is not one safe true/false condition over its source's row.
import { buildRuleContextSql, checkRuleBinds } from '../buildMetricSteps';
import type { CompiledSource } from '../compiledInvestigation';
import { checkRuleText, type RuleText } from '../contract/checkRuleExpression';
import type { Database } from '../openDatabase';

/** The rule context of a source: its canonical fields by name and its file's own columns in double quotes. */
export function buildSourceRuleContextSql(source: CompiledSource): string {
  return buildRuleContextSql({ sourceTable: source.table, fileColumns: source.fileColumns, fields: Object.keys(source.fields) });
}

/** The same checks as exclude rules: parsed only (nothing run), then bound against the source's real columns. */
export async function checkRevenueRule(db: Database, source: CompiledSource, rule: RuleText, contractLabel: string): Promise<void> {
  await checkRuleText(db, rule, [...Object.keys(source.fields), ...source.fileColumns], contractLabel);
  await checkRuleBinds(db, rule.expression, buildSourceRuleContextSql(source), `${contractLabel}:${rule.line}: ${rule.key}`);
}
