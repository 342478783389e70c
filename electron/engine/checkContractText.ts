// Validates a contract text as the analyst types: parse errors, and rules checked against the open session's columns.
import type { ContractIssue } from '../../shared/api';
import type { Contract } from '../../shared/contractTypes';
import type { CompiledModel } from './compiledInvestigation';
import { checkRuleText, toRuleText } from './contract/checkRuleExpression';
import { listRevenueRules } from './contract/listRevenueRules';
import { ContractError } from './contract/ContractError';
import { parseContract } from './contract/parseContract';
import type { Database } from './openDatabase';

export interface CheckedText {
  contract: Contract | null;
  issues: ContractIssue[];
}

function toIssues(error: unknown): ContractIssue[] {
  if (error instanceof ContractError) return error.issues;
  throw error;
}

/** Rules are checked where the source is already loaded (same file), so typing never waits for an import. */
export async function checkContractText(db: Database, text: string, label: string, model: CompiledModel | null): Promise<CheckedText> {
  let contract: Contract;
  try {
    contract = parseContract(text, label);
  } catch (error) {
    return { contract: null, issues: toIssues(error) };
  }
  const issues: ContractIssue[] = [];
  const rules = [
    ...contract.metrics.flatMap((metric) => metric.exclude.map((rule) => ({ ...toRuleText(rule, metric.name), source: metric.source }))),
    ...listRevenueRules(contract),
  ];
  for (const rule of rules) {
    const spec = contract.sources.find((s) => s.name === rule.source);
    const loaded = model?.sources.find((s) => s.spec.file === spec?.file);
    if (!loaded) continue;
    const columns = [...Object.keys(spec?.fields ?? {}), ...loaded.fileColumns];
    try {
      await checkRuleText(db, rule, columns, label);
    } catch (error) {
      issues.push(...toIssues(error));
    }
  }
  return { contract: issues.length ? null : contract, issues };
}
