// The rule builder's engine side: what a rule would remove from a draft source, and a column's values, on the engine's own tables.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { RuleCount, SourceDraft, ValueCount } from '../../../shared/api';
import type { SourceSpec } from '../../../shared/contractTypes';
import { listDateFields } from '../../../shared/listDateFields';
import { buildRuleContextSql, checkRuleBinds } from '../buildMetricSteps';
import { buildSourceTable } from '../buildSourceTable';
import { checkRuleExpression } from '../contract/checkRuleExpression';
import { ContractError } from '../contract/ContractError';
import { describeTimeZoneProblem } from '../../../shared/describeTimeZoneProblem';
import { resolveSourceColumns } from '../contract/resolveSourceColumns';
import { importFile } from '../import/importFile';
import type { Database } from '../openDatabase';
import { quoteIdent } from '../openDatabase';
import { UserError } from '../UserError';

/** The form has two exports: one imported table each stays in the scratch database while rules are typed. */
const KEPT_FILES = 2;

interface CachedFile {
  key: string;
  raw: string;
  columns: string[];
  /** The source table last built from this file, and what it was built from. */
  built?: { key: string; table: string; fields: string[] };
}

/** Suggestions stop here: enough to pick from, small enough to cross any transport at every keystroke. */
const MAX_VALUES = 100;

export interface RuleCounter {
  countMatches(source: SourceDraft, expression: string, reportingZone?: string): Promise<RuleCount>;
  listValues(source: SourceDraft, column: string): Promise<ValueCount[]>;
}

/** Re-throws a contract problem as the one line it says, without the contract-file position a draft does not have. */
function restate(error: unknown): never {
  if (error instanceof ContractError) throw new UserError(error.issues.map((i) => i.message).join('; '), 'invalid_rule');
  throw error;
}

/**
 * Counts on `db` (the workbench's scratch database; the caller runs one call at a time). Each file is
 * imported once per file, sheet, size and modification time, and its source table rebuilt only when the
 * mapping changes, so a count while typing is one query.
 */
export function createRuleCounter(db: Database): RuleCounter {
  const files: CachedFile[] = [];
  let serial = 0;

  async function loadFile(draft: SourceDraft): Promise<CachedFile> {
    const file = path.resolve(draft.file);
    let stats;
    try {
      stats = statSync(file);
    } catch {
      throw new UserError(`${draft.file}: file not found`, 'file_not_found');
    }
    const key = JSON.stringify([file, draft.sheet ?? null, stats.size, stats.mtimeMs]);
    const cached = files.find((f) => f.key === key);
    if (cached) {
      // The most recently used file is kept the longest.
      files.splice(files.indexOf(cached), 1);
      files.unshift(cached);
      return cached;
    }
    serial += 1;
    const raw = `rules_raw_${serial}`;
    const imported = await importFile(db, file, raw, { sheet: draft.sheet });
    const entry: CachedFile = { key, raw, columns: imported.columns };
    files.unshift(entry);
    for (const old of files.splice(KEPT_FILES)) {
      await db.run(`DROP TABLE IF EXISTS ${quoteIdent(old.raw)}`);
      if (old.built) await db.run(`DROP TABLE IF EXISTS ${quoteIdent(old.built.table)}`);
    }
    return entry;
  }

  async function buildTable(entry: CachedFile, draft: SourceDraft, reportingZone: string): Promise<{ table: string; fields: string[] }> {
    // Columns still unchosen in the form are left out; the form names them itself.
    const fields = Object.fromEntries(Object.entries(draft.fields).filter(([, column]) => column !== ''));
    const spec: SourceSpec = { name: draft.name, system: draft.system, file: draft.file, sheet: draft.sheet, timezone: draft.timezone, fields, line: 1 };
    const dateFields = listDateFields(Object.keys(fields), [draft.dateField]);
    const key = JSON.stringify([fields, draft.timezone, reportingZone, [...dateFields].sort()]);
    if (entry.built?.key === key) return entry.built;
    // Said as the contract says it, before DuckDB would in its own words.
    // The form's labels name the two zones.
    for (const [zone, what] of [[draft.timezone, 'time zone of the file'], [reportingZone, 'reporting time zone']] as const) {
      const problem = describeTimeZoneProblem(zone);
      if (problem) throw new UserError(`${what}: ${problem}`, 'invalid_argument');
    }
    let resolved;
    try {
      resolved = resolveSourceColumns(spec, entry.columns, draft.file);
    } catch (error) {
      restate(error);
    }
    const table = `${entry.raw}_src`;
    // No id column: ids play no part in a count, and a repeated id is the form's to report, not the rule's.
    await buildSourceTable(db, {
      rawTable: entry.raw,
      table,
      source: spec,
      fields: resolved.fields,
      dateFields,
      reportingZone,
      excelSerials: path.extname(draft.file).toLowerCase() === '.xlsx',
      fileLabel: draft.file,
    });
    entry.built = { key, table, fields: Object.keys(resolved.fields) };
    return entry.built;
  }

  async function loadContext(draft: SourceDraft, reportingZone: string): Promise<{ context: string; columns: string[] }> {
    const entry = await loadFile(draft);
    const built = await buildTable(entry, draft, reportingZone);
    return {
      context: buildRuleContextSql({ sourceTable: built.table, fileColumns: entry.columns, fields: built.fields }),
      columns: [...built.fields, ...entry.columns],
    };
  }

  return {
    async countMatches(draft, expression, reportingZone) {
      const { context, columns } = await loadContext(draft, reportingZone ?? draft.timezone);
      try {
        await checkRuleExpression(db, { name: 'this rule', expression, line: 1 }, draft.metric, columns, draft.file);
      } catch (error) {
        restate(error);
      }
      await checkRuleBinds(db, expression, context, `rule of metric '${draft.metric}'`);
      // Pasted only after checkRuleExpression proved it one row-level expression, as the real engine does.
      const [row] = await db.all<{ matched: string; total: string }>(`SELECT count(*) FILTER (WHERE (${expression})) AS matched, count(*) AS total FROM (${context})`);
      return { matched: Number(row?.matched ?? 0), total: Number(row?.total ?? 0) };
    },
    async listValues(draft, column) {
      const { context, columns } = await loadContext(draft, draft.timezone);
      // Names as a rule reads them: ignoring case, a canonical field before a file column of the same spelling.
      if (!columns.some((c) => c.toLowerCase() === column.toLowerCase())) {
        throw new UserError(`${draft.file}: no column or field '${column}' (columns: ${columns.join(', ')})`, 'invalid_argument');
      }
      const value = `CAST(${quoteIdent(column)} AS VARCHAR)`;
      const rows = await db.all<{ value: string; n: string }>(
        `SELECT ${value} AS value, count(*) AS n FROM (${context}) WHERE trim(coalesce(${value}, '')) <> '' GROUP BY 1 ORDER BY n DESC, value LIMIT ${MAX_VALUES}`,
      );
      return rows.map((r) => ({ value: r.value, count: Number(r.n) }));
    },
  };
}
