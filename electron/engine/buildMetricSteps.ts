// Compiles one metric of the contract to its steps table: every row of the source with its step and reason.
import type { MetricSpec, Normalizer } from '../../shared/contractTypes';
import type { Database } from './openDatabase';
import { quoteIdent, quoteLiteral } from './openDatabase';
import { canonicalColumn } from './buildSourceTable';
import { buildIdentityKeySql } from './sql/buildIdentityKeySql';
import { amountColumns } from './money/buildAmountColumns';
import { UserError } from './UserError';

export interface MetricStepsInput {
  metric: MetricSpec;
  sourceTable: string;
  table: string;
  /** The file's own columns, usable in rules as "Column Name". */
  fileColumns: string[];
  /** Canonical fields of the metric's source, usable in rules by name. */
  fields: string[];
  /** The field the metric is matched and deduplicated on (`__id` for the source's id); null: a metric of no bridge in a contract without identity. */
  identityKey: string | null;
  normalize: readonly Normalizer[];
  period: { from: string; to: string };
  contractLabel: string;
  /** The file's column the anchor date is read from: a value there that reads as no date is unreadable, not missing. */
  anchorColumn: string;
}


/** What the rule context is made of: the source table, its file's own columns and its canonical fields. */
export type RuleContextInput = Pick<MetricStepsInput, 'sourceTable' | 'fileColumns' | 'fields'> & Partial<Pick<MetricStepsInput, 'anchorColumn'>> & { valueField?: string };

/**
 * The rule context: canonical fields by their bare names over the file's own columns. DuckDB names are
 * case-insensitive, so a file column spelled like a canonical field gives way to it (it is the same text).
 */
export function buildRuleContextSql(input: RuleContextInput): string {
  const canonicalNames = new Set(input.fields.map((f) => f.toLowerCase()));
  const seen = new Set<string>();
  const own: string[] = [];
  for (const column of input.fileColumns) {
    const lower = column.toLowerCase();
    if (canonicalNames.has(lower) || seen.has(lower)) continue;
    seen.add(lower);
    own.push(quoteIdent(column));
  }
  const canonical = input.fields.map((f) => `${quoteIdent(canonicalColumn(f))} AS ${quoteIdent(f)}`);
  // The metric's steps also need to know whether the anchor had any text (unreadable vs missing), and its value; a rule count does not.
  const given = input.anchorColumn === undefined ? [] : [`trim(coalesce(CAST(${quoteIdent(input.anchorColumn)} AS VARCHAR), '')) <> '' AS __anchor_given`];
  const value = input.valueField === undefined ? [] : [`${quoteIdent(amountColumns(input.valueField).cents)} AS __own_value`, `${quoteIdent(amountColumns(input.valueField).missing)} AS __own_missing`];
  return `SELECT __row_no, __id, ${[...given, ...value, ...own, ...canonical].join(', ')} FROM ${quoteIdent(input.sourceTable)}`;
}

function buildOrderSql(keep: MetricSpec['dedupe']): string {
  if (keep === 'first_row') return '__row_no';
  return `__anchor ${keep === 'earliest' ? 'ASC' : 'DESC'} NULLS LAST, __row_no`;
}

/**
 * Besides step and reason, the steps table holds the record's value (money.md; 0 throughout for a metric without one):
 * __value        DECIMAL(38,2), what the record adds to its bucket (0 when missing; 0 for a combined duplicate);
 * __value_empty  the record has no value to compare (its own amount missing, or every amount of its summed group);
 * __missing      its own amount is missing (empty or unreadable): what `missing_values` counts.
 * Rows are in no particular order (every reader orders or joins; sorting 1M rows here was a quarter of the step's time).
 */
export async function buildMetricSteps(db: Database, input: MetricStepsInput): Promise<void> {
  const { metric } = input;
  // Rules are pasted only after checkRuleExpression proved each to be one row-level expression.
  const excludedBy = metric.exclude.length
    ? `CASE ${metric.exclude.map((r) => `WHEN (${r.expression}) THEN ${quoteLiteral(r.name)}`).join(' ')} END`
    : 'CAST(NULL AS VARCHAR)';
  await checkRulesBind(db, input);
  const anchor = quoteIdent(metric.date);
  const key = input.identityKey === null ? 'CAST(NULL AS VARCHAR)' : buildIdentityKeySql(`CAST(${quoteIdent(input.identityKey)} AS VARCHAR)`, input.normalize);
  const from = quoteLiteral(input.period.from);
  const to = quoteLiteral(input.period.to);
  const group = 'PARTITION BY __excluded_by IS NULL, __key';
  const sum = metric.dedupeValues === 'sum';
  const own = metric.value === undefined ? { value: 'CAST(NULL AS DECIMAL(38, 2))', missing: 'false' } : { value: '__own_value', missing: '__own_missing' };
  await db.run(`CREATE OR REPLACE TABLE ${quoteIdent(input.table)} AS
    WITH base AS (
      SELECT __row_no, __id, ${key} AS __key, CAST(${anchor} AS TIMESTAMP) AS __anchor, __anchor_given, ${excludedBy} AS __excluded_by,
        ${own.value} AS __own_value, ${own.missing} AS __own_missing
      FROM (${buildRuleContextSql({ ...input, valueField: metric.value })})
    ), ranked AS (
      SELECT *, CASE WHEN __excluded_by IS NULL AND __key IS NOT NULL
        THEN row_number() OVER (${group} ORDER BY ${buildOrderSql(metric.dedupe)}) END AS __rank,
        CASE WHEN __excluded_by IS NULL AND __key IS NOT NULL
        THEN first_value(__row_no) OVER (${group} ORDER BY ${buildOrderSql(metric.dedupe)}) END AS __survivor,
        ${sum ? `sum(__own_value) OVER (${group}) AS __group_value, bool_and(__own_missing) OVER (${group}) AS __group_empty` : 'NULL AS __group_value, NULL AS __group_empty'}
      FROM base
    )
    SELECT __row_no, __id, __key, __anchor,
      CASE WHEN __excluded_by IS NOT NULL THEN 'excluded'
           WHEN __rank > 1 THEN 'duplicate'
           WHEN __anchor IS NULL OR CAST(__anchor AS DATE) NOT BETWEEN CAST(${from} AS DATE) AND CAST(${to} AS DATE) THEN 'out_of_period'
           ELSE 'net' END AS step,
      CASE WHEN __excluded_by IS NOT NULL THEN __excluded_by
           WHEN __rank > 1 THEN '${sum ? 'combined' : 'duplicate'}'
           WHEN __anchor IS NULL AND __anchor_given THEN 'unreadable_date'
           WHEN __anchor IS NULL THEN 'missing_date'
           WHEN CAST(__anchor AS DATE) NOT BETWEEN CAST(${from} AS DATE) AND CAST(${to} AS DATE) THEN 'outside_period'
           ELSE 'net' END AS reason,
      CASE WHEN __rank > 1 THEN __survivor END AS __survivor_row_no,
      ${
        // dedupe.values: sum gives the survivor the group's amounts and its combined duplicates 0 (money.md).
        sum
          ? `CASE WHEN __rank = 1 THEN coalesce(__group_value, 0) WHEN __rank > 1 THEN 0 ELSE coalesce(__own_value, 0) END AS __value,
             CASE WHEN __rank = 1 THEN __group_empty ELSE __own_missing END AS __value_empty,`
          : `coalesce(__own_value, 0) AS __value, __own_missing AS __value_empty,`
      }
      __own_missing AS __missing
    FROM ranked`);
}

/** Binds every rule against the real columns before anything is computed, so a wrong one names itself. */
async function checkRulesBind(db: Database, input: MetricStepsInput): Promise<void> {
  for (const rule of input.metric.exclude) {
    await checkRuleBinds(db, rule.expression, buildRuleContextSql(input), `${input.contractLabel}:${rule.line}: metrics.${input.metric.name}.exclude.${rule.name}`);
  }
}

/** Throws UserError (prefixed by `where`) unless `expression`, already checked safe, is a boolean over `contextSql`. */
export async function checkRuleBinds(db: Database, expression: string, contextSql: string, where: string): Promise<void> {
  let type: string | undefined;
  try {
    const [column] = await db.all<{ column_type: string }>(`DESCRIBE SELECT (${expression}) AS v FROM (${contextSql})`);
    type = column?.column_type;
  } catch (error) {
    throw new UserError(`${where}: the rule cannot be evaluated: ${(error as Error).message.split('\n')[0]}`);
  }
  if (type !== 'BOOLEAN') throw new UserError(`${where}: the rule must be a true/false condition, but it gives ${type} values`);
}
