// Refuses a revenue rule (an SLA's `where`, `sourced.crm`) that is not one safe true/false condition over its source's row.
import { buildRuleContextSql, checkRuleBinds } from '../buildMetricSteps';
import type { CompiledSource } from '../compiledInvestigation';
import { checkRuleExpression } from '../contract/checkRuleExpression';
import { ContractError } from '../contract/ContractError';
import type { MetricsContext } from './MetricsContext';

export interface RevenueRule {
  expression: string;
  /** The key the contract writes it under, e.g. `shared_metrics.sla.Speed to lead.to.where`. */
  key: string;
  line: number;
}

/** The rule context of a source: its canonical fields by name and its file's own columns in double quotes. */
export function buildSourceRuleContextSql(source: CompiledSource): string {
  return buildRuleContextSql({ sourceTable: source.table, fileColumns: source.fileColumns, fields: Object.keys(source.fields) });
}

/** The same checks as exclude rules (parsed only, then bound against the real columns), named by the rule's own key. */
export async function checkRevenueRule(ctx: MetricsContext, source: CompiledSource, rule: RevenueRule): Promise<void> {
  const columns = [...Object.keys(source.fields), ...source.fileColumns];
  try {
    await checkRuleExpression(ctx.db, { name: rule.key, expression: rule.expression, line: rule.line }, '', columns, ctx.contractLabel);
  } catch (error) {
    if (!(error instanceof ContractError)) throw error;
    // checkRuleExpression words its message for exclude rules; the reason and position are what matter here.
    const issues = error.issues.map((i) => ({ ...i, key: rule.key, message: i.message.replace(/^rule '.*?' of metric '.*?' is refused: /, 'the rule is refused: ') }));
    throw new ContractError(ctx.contractLabel, issues);
  }
  await checkRuleBinds(ctx.db, rule.expression, buildSourceRuleContextSql(source), `${ctx.contractLabel}:${rule.line}: ${rule.key}`);
}
