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
import { resolveSourceFiles } from '../contract/resolveSourceFiles';
import type { CachedImport, ImportCache } from '../import/createImportCache';
import { dropImportedSource, importSourceFiles, type ImportedSource } from '../import/importSourceFiles';
import type { Database } from '../openDatabase';
import { quoteIdent } from '../openDatabase';
import { UserError } from '../UserError';

/** Suggestions stop here: enough to pick from, small enough to cross any transport at every keystroke. */
const MAX_VALUES = 100;

export interface RuleCounter {
  countMatches(source: SourceDraft, expression: string, reportingZone?: string): Promise<RuleCount>;
  listValues(source: SourceDraft, column: string): Promise<ValueCount[]>;
  /** Drops the source of several files kept (an investigation opened: what was read for counts goes, as the import cache's files do). */
  clear(): Promise<void>;
}

/** Re-throws a contract problem as the one line it says, without the contract-file position a draft does not have. */
function restate(error: unknown): never {
  if (error instanceof ContractError) throw new UserError(error.issues.map((i) => i.message).join('; '), 'invalid_rule');
  throw error;
}

/** What a count reads: one file's import (the import cache's) or a source of several files' view over theirs. */
type Imported = Pick<CachedImport, 'key' | 'table' | 'columns'> & { workbook: boolean };

const isWorkbook = (file: string) => path.extname(file).toLowerCase() === '.xlsx';

/** The draft as a contract's source; columns still unchosen in the form are left out (the form names them itself). */
function toSourceSpec(draft: SourceDraft): SourceSpec {
  const fields = Object.fromEntries(Object.entries(draft.fields).filter(([, column]) => column !== ''));
  return { name: draft.name, system: draft.system, file: draft.file, ...(draft.files ? { files: draft.files.entries } : {}), sheet: draft.sheet, timezone: draft.timezone, fields, line: 1 };
}

/**
 * Counts on `db` (the workbench's scratch database; the caller runs one call at a time). Each file is
 * imported once (the import cache, shared with the date preview), and its source table rebuilt only when
 * the mapping changes, so a count while typing is one query. A source of several files is imported as the
 * investigation imports it (importSourceFiles), and kept until another is asked for.
 */
export function createRuleCounter(db: Database, imports: ImportCache): RuleCounter {
  /** The source table last built from each cached file, and the mapping it was built from. */
  const built = new Map<string, { key: string; table: string; fields: string[] }>();
  const forget = async (key: string) => {
    const table = built.get(key)?.table;
    built.delete(key);
    if (table) await db.run(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
  };
  imports.onEvict((entry) => forget(entry.key));
  /** The one source of several files kept, with the files (and their size and time) and the mapping it was checked against. */
  let several: { key: string; imported: ImportedSource } | null = null;
  let serial = 0;

  async function dropSeveral(): Promise<void> {
    if (!several) return;
    const kept = several;
    several = null;
    await forget(kept.key);
    await dropImportedSource(db, kept.imported);
  }

  /** Imports a source of several files, or takes the one kept when its files and mapping are unchanged. */
  async function loadFiles(draft: SourceDraft, files: { folder: string; entries: string[] }): Promise<Imported> {
    const spec = toSourceSpec(draft);
    let found;
    try {
      found = resolveSourceFiles(files.folder, spec, draft.file);
    } catch (error) {
      restate(error);
    }
    // A mapped column missing from one file is found at import: the mapping is part of what was checked.
    const stamps = found.map((f) => {
      const stats = statSync(f.path);
      return [f.path, stats.size, stats.mtimeMs];
    });
    const key = JSON.stringify([stamps, draft.sheet ?? null, spec.fields]);
    if (several?.key !== key) {
      await dropSeveral();
      serial += 1;
      let imported;
      try {
        imported = await importSourceFiles(db, spec, found, `form_source_${serial}`, { contractLabel: draft.file, sheet: draft.sheet });
      } catch (error) {
        restate(error);
      }
      several = { key, imported };
    }
    // The files are all workbooks or all text (contract.md): the first says which.
    return { key, table: several.imported.table, columns: several.imported.columns, workbook: isWorkbook(found[0]?.path ?? '') };
  }

  async function buildTable(entry: Imported, draft: SourceDraft, reportingZone: string): Promise<{ table: string; fields: string[] }> {
    const spec = toSourceSpec(draft);
    const fields = spec.fields;
    const dateFields = listDateFields(Object.keys(fields), [draft.dateField]);
    const key = JSON.stringify([fields, draft.timezone, reportingZone, [...dateFields].sort()]);
    const known = built.get(entry.key);
    if (known?.key === key) return known;
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
    const table = `${entry.table}_src`;
    // No id column: ids play no part in a count, and a repeated id is the form's to report, not the rule's.
    await buildSourceTable(db, {
      rawTable: entry.table,
      table,
      source: spec,
      fields: resolved.fields,
      dateFields,
      // A rule sees the file's text and the canonical fields; amounts play no part in a count.
      amountFields: new Set<string>(),
      money: { rates: {}, where: draft.file },
      fileColumns: entry.columns,
      reportingZone,
      excelSerials: entry.workbook,
      fileLabel: draft.file,
    });
    const made = { key, table, fields: Object.keys(resolved.fields) };
    built.set(entry.key, made);
    return made;
  }

  async function loadContext(draft: SourceDraft, reportingZone: string): Promise<{ context: string; columns: string[] }> {
    const entry = draft.files ? await loadFiles(draft, draft.files) : { ...(await imports.load(path.resolve(draft.file), draft.sheet)), workbook: isWorkbook(draft.file) };
    const table = await buildTable(entry, draft, reportingZone);
    return {
      context: buildRuleContextSql({ sourceTable: table.table, fileColumns: entry.columns, fields: table.fields }),
      columns: [...table.fields, ...entry.columns],
    };
  }

  return {
    clear: dropSeveral,
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
