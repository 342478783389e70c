// Compiles the matched pairs of a bridge (money.md): both net records of a key, each compare field's two values, the reason.
import type { CompareSpec } from '../../shared/contractTypes';
import type { CompiledMetric } from './compiledInvestigation';
import type { Database } from './openDatabase';
import { quoteIdent, quoteLiteral } from './openDatabase';
import { canonicalColumn } from './buildSourceTable';
import { amountColumns } from './money/buildAmountColumns';

export interface PairsInput {
  table: string;
  left: CompiledMetric;
  right: CompiledMetric;
  compare: readonly CompareSpec[];
}

/**
 * The pairs table's columns for the i-th compare field: both values, typed (DECIMAL, DATE or text), and whether they
 * differ. Readers show a value through pairShownSql: formatting every pair's values as the table is built cost 0.8 s
 * of CPU at 660k pairs, where a page or the report's differing pairs need a few of them.
 */
export function pairColumns(index: number): { left: string; right: string; differs: string } {
  return { left: `l_${index}`, right: `r_${index}`, differs: `d_${index}` };
}

/** A compare field's value (a column of pairColumns) as the report shows it: amounts as cents text, dates YYYY-MM-DD, text as written (trimmed). */
export function pairShownSql(spec: CompareSpec, column: string): string {
  if (spec.kind === 'date') return `strftime(${column}, '%Y-%m-%d')`;
  return `CAST(${column} AS VARCHAR)`;
}

/** Typed value of a compare field over the steps row `s` and its source row `f`; NULL when empty. */
function buildValueSql(spec: CompareSpec): string {
  // The metric's value is the bridge's (a summed group's total), not the row's own amount.
  if (spec.field === 'value') return 'CASE WHEN s.__value_empty THEN NULL ELSE s.__value END';
  if (spec.kind === 'amount') return `f.${quoteIdent(amountColumns(spec.field).cents)}`;
  const column = `f.${quoteIdent(canonicalColumn(spec.field))}`;
  // Date fields hold the wall time in the reporting zone (buildSourceTable): its calendar date is the one compared.
  if (spec.kind === 'date') return `CAST(${column} AS DATE)`;
  return `nullif(trim(CAST(${column} AS VARCHAR)), '')`;
}

/** Whether two typed values differ under the field's rule: two empties agree, an empty and a value differ. */
function buildDiffersSql(spec: CompareSpec, l: string, r: string): string {
  let differs: string;
  if (spec.kind === 'amount') {
    const tolerance = 'absolute' in spec.tolerance ? spec.tolerance.absolute : `(${spec.tolerance.percent} / 100.0 * greatest(abs(${l}), abs(${r})))`;
    differs = `abs(${l} - ${r}) > ${tolerance}`;
  } else if (spec.kind === 'date') {
    differs = `abs(date_diff('day', ${l}, ${r})) > ${spec.days}`;
  } else {
    // Map keys were folded (trim, lower case) when the contract was read; a left value not in the map stays itself.
    // Both values are trimmed already (buildValueSql); each mapped name is folded once, as a constant.
    const cases = Object.entries(spec.map).map(([from, to]) => `WHEN ${quoteLiteral(from)} THEN lower(trim(${quoteLiteral(to)}))`);
    const mapped = cases.length ? `(CASE lower(${l}) ${cases.join(' ')} ELSE lower(${l}) END)` : `lower(${l})`;
    differs = `${mapped} <> lower(${r})`;
  }
  return `CASE WHEN ${l} IS NULL AND ${r} IS NULL THEN false WHEN ${l} IS NULL OR ${r} IS NULL THEN true ELSE ${differs} END`;
}

/**
 * One row per matched pair: a key with a net record on both sides (dedupe leaves at most one per side). `delta`
 * is right value minus left value as the bridge adds them up (0 for a missing amount), so the value bridge's
 * differences step is exactly the difference of the two matched totals.
 */
export async function buildPairs(db: Database, input: PairsInput): Promise<void> {
  const values = input.compare.map((spec, i) => `, ${buildValueSql(spec)} AS v_${i}`).join('');
  const side = (metric: CompiledMetric) => `SELECT s.__row_no, s.__id, s.__key, s.__value${values}
      FROM ${quoteIdent(metric.table)} s JOIN ${quoteIdent(metric.source.table)} f ON f.__row_no = s.__row_no
      WHERE s.step = 'net' AND s.__key IS NOT NULL`;
  const fields = input.compare.map((spec, i) => {
    const c = pairColumns(i);
    const l = `l.v_${i}`;
    const r = `r.v_${i}`;
    return { spec, c, shown: `${l} AS ${c.left}, ${r} AS ${c.right}`, differs: `${buildDiffersSql(spec, l, r)} AS ${c.differs}` };
  });
  const reason = fields.length
    ? `CASE ${fields.map((f) => `WHEN ${f.c.differs} THEN ${quoteLiteral(`${f.spec.field}_differs`)}`).join(' ')} ELSE 'matched' END`
    : `'matched'`;
  const hasValue = input.left.spec.value !== undefined;
  // In no particular order: every reader sorts (by the difference, or by ids) or joins on row numbers.
  await db.run(`CREATE OR REPLACE TABLE ${quoteIdent(input.table)} AS
    SELECT *, ${reason} AS reason FROM (
      SELECT l.__row_no AS left_row, r.__row_no AS right_row, l.__id AS left_id, r.__id AS right_id,
        ${hasValue ? 'r.__value - l.__value' : 'CAST(NULL AS DECIMAL(38, 2))'} AS delta
        ${fields.map((f) => `, ${f.shown}, ${f.differs}`).join('')}
      FROM (${side(input.left)}) l JOIN (${side(input.right)}) r ON l.__key = r.__key
    )`);
}
