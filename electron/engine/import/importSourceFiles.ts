// Imports the files of a source of several files as one table: rows numbered across the files, each keeping its file and line.
import path from 'node:path';
import type { SourceSpec } from '../../../shared/contractTypes';
import type { DroppedRow, SourceFileReport } from '../../../shared/reportTypes';
import { resolveSourceColumns, type ResolvedColumns } from '../contract/resolveSourceColumns';
import type { SourceFile } from '../contract/resolveSourceFiles';
import type { ProgressSpan } from '../createProgressMeter';
import type { Database } from '../openDatabase';
import { quoteIdent } from '../openDatabase';
import { importFile, type ImportedTable } from './importFile';
import { ROW_NO } from './makeColumnNames';

/** The source table's columns saying where a row comes from: the file's place in the list (from 0) and the physical line. */
export const FILE_NO_COLUMN = '__file_no';
export const LINE_COLUMN = '__line';

export interface ImportedSource {
  /** A view over the files' tables: copying 1M rows once more into one table cost as much CPU as importing them. */
  table: string;
  /** The files' own tables, to drop with the view once the source table is built (dropImportedSource). */
  parts: string[];
  /** The first file's columns in its order, then each column another file adds, in the order they appear. */
  columns: string[];
  rows: number;
  dropped: DroppedRow[];
  files: SourceFileReport[];
  /** Resolved against the first file: a later file whose header writes a mapped column another way is read under this name. */
  resolved: ResolvedColumns;
}

export interface SourceImportOptions {
  contractLabel: string;
  sheet?: string | number;
  signal?: AbortSignal;
  /** The import's share of the long work under way: each file takes an equal part of it. */
  progress?: ProgressSpan;
}

interface Landed {
  file: SourceFile;
  imported: ImportedTable;
  resolved: ResolvedColumns;
  firstRow: number;
}

/**
 * Imports every file (importFile, as for one file), checks each file's header against the contract (a mapped column
 * missing from one file names that file and the contract's line), then makes `table` a view that reads like the table
 * importFile makes of one file: row_no 1..n in file order then row order, plus FILE_NO_COLUMN and LINE_COLUMN.
 * Nothing is left behind on failure.
 */
export async function importSourceFiles(db: Database, spec: SourceSpec, files: readonly SourceFile[], table: string, options: SourceImportOptions): Promise<ImportedSource> {
  const landed: Landed[] = [];
  let rows = 0;
  let done = false;
  try {
    for (const [i, file] of files.entries()) {
      const firstRow = rows;
      const imported = await importFile(db, file.path, `${table}_${i}`, {
        sheet: options.sheet,
        signal: options.signal,
        progress: options.progress?.within(i / files.length, (i + 1) / files.length),
      });
      landed.push({ file, imported, firstRow, resolved: resolveSourceColumns({ ...spec, file: file.name }, imported.columns, options.contractLabel) });
      rows += imported.rows;
    }
    const columns = listColumns(landed);
    const text = !landed.some((l) => path.extname(l.file.path).toLowerCase() === '.xlsx');
    const branches = landed.map((l, i) => buildFileSql(l, i, columns, landed[0]?.resolved ?? l.resolved, text));
    // Temporary, as the files' tables it reads (importFile stages them as temporary tables).
    await db.run(`CREATE OR REPLACE TEMP VIEW ${quoteIdent(table)} AS ${branches.join(' UNION ALL ')}`);
    done = true;
  } finally {
    if (!done) for (const l of landed) await db.run(`DROP TABLE IF EXISTS ${quoteIdent(l.imported.table)}`);
  }
  const [first] = landed;
  if (!first) throw new Error('a source of several files resolved to none');
  return {
    table,
    parts: landed.map((l) => l.imported.table),
    columns: listColumns(landed),
    rows,
    dropped: landed.flatMap((l) => l.imported.dropped.map((d) => ({ ...d, file: l.file.name }))),
    files: landed.map((l) => ({ file: l.file.name, rows: l.imported.rows, dropped: l.imported.dropped.length })),
    resolved: first.resolved,
  };
}

/** A mapped column is named as in the first file; every other column by its own header. */
function renameMapped(l: Landed, first: ResolvedColumns): Map<string, string> {
  const names = new Map<string, string>();
  for (const [field, column] of Object.entries(l.resolved.fields)) names.set(column, first.fields[field] ?? column);
  if (l.resolved.id !== undefined && first.id !== undefined) names.set(l.resolved.id, first.id);
  return names;
}

function listColumns(landed: readonly Landed[]): string[] {
  const first = landed[0]?.resolved ?? { fields: {} };
  const columns = new Set<string>();
  for (const l of landed) {
    const names = renameMapped(l, first);
    for (const column of l.imported.columns) columns.add(names.get(column) ?? column);
  }
  return [...columns];
}

/** One file's rows under the source's columns (NULL where the file lacks one), numbered after the files before it. */
function buildFileSql(l: Landed, index: number, columns: readonly string[], first: ResolvedColumns, text: boolean): string {
  const names = renameMapped(l, first);
  const own = new Map<string, string>();
  for (const column of l.imported.columns) own.set(names.get(column) ?? column, column);
  const select = columns.map((c) => {
    const from = own.get(c);
    return `${from === undefined ? 'CAST(NULL AS VARCHAR)' : `r.${quoteIdent(from)}`} AS ${quoteIdent(c)}`;
  });
  const line = buildLineSql(l.imported, text);
  return `SELECT r.${ROW_NO} + ${l.firstRow} AS ${ROW_NO}, ${select.join(', ')}, CAST(${index} AS SMALLINT) AS ${FILE_NO_COLUMN}, CAST(${line.expression} AS BIGINT) AS ${LINE_COLUMN}
    FROM ${line.from}`;
}

interface Gap {
  /** Lines taken by rows before the gap. */
  after: number;
  /** Lines of every gap up to and including this one. */
  through: number;
}

/**
 * A row's physical line: 1 + the lines of the rows before it + the lines of everything not loaded before it (the
 * header, title lines, blank and rejected lines). In the plain file (values without line breaks, nothing dropped after
 * the header) that is row_no + the header's last line, a constant; otherwise a running sum of the line breaks, and the
 * lines dropped before each row found by an ASOF join on a small table of gaps.
 */
function buildLineSql(imported: ImportedTable, text: boolean): { expression: string; from: string } {
  const raw = quoteIdent(imported.table);
  const breaks = text && imported.lineBreaks > 0;
  // Footer lines and blank lines after the last row move no row.
  const rowLines = imported.rows + (breaks ? imported.lineBreaks : 0);
  const gaps = listGaps(imported, text).filter((g) => g.after < rowLines);
  const before = breaks
    ? `r.${ROW_NO} - 1 + coalesce(sum(${buildBreaksSql(imported.columns)}) OVER (ORDER BY r.${ROW_NO} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)`
    : `r.${ROW_NO} - 1`;
  const leading = gaps.filter((g) => g.after === 0).at(-1)?.through ?? 0;
  if (gaps.every((g) => g.after === 0) && !breaks) return { expression: `r.${ROW_NO} + ${leading}`, from: `${raw} r` };
  const values = gaps.map((g) => `(${g.after}, ${g.through})`).join(', ');
  const positioned = `(SELECT r.*, ${before} AS __before FROM ${raw} r)`;
  return {
    expression: `1 + r.__before + coalesce(g.through, 0)`,
    from: `${positioned} r ASOF LEFT JOIN (VALUES ${values}) g(after, through) ON r.__before >= g.after`,
  };
}

function listGaps(imported: ImportedTable, text: boolean): Gap[] {
  const spans = [{ line: imported.header.line, lines: imported.header.lines }, ...imported.dropped.map((d) => ({ line: d.line, lines: text ? countLines(d.text) : 1 }))];
  spans.sort((a, b) => a.line - b.line);
  let through = 0;
  const gaps: Gap[] = [];
  for (const span of spans) {
    const after = span.line - 1 - through;
    through += span.lines;
    // Gaps next to each other (a rejected line, then a blank one) are one: the ASOF join must not pick between them.
    if (gaps.at(-1)?.after === after) gaps.pop();
    gaps.push({ after, through });
  }
  return gaps;
}

function countLines(text: string): number {
  return text.split('\n').length;
}

/** Line breaks in one row's values: the sum over its columns. */
function buildBreaksSql(columns: readonly string[]): string {
  return columns.map((c) => `coalesce(strlen(r.${quoteIdent(c)}) - strlen(replace(r.${quoteIdent(c)}, chr(10), '')), 0)`).join(' + ');
}

/** Drops the view importSourceFiles made and the files' tables under it. */
export async function dropImportedSource(db: Database, imported: ImportedSource): Promise<void> {
  await db.run(`DROP VIEW IF EXISTS ${quoteIdent(imported.table)}`);
  for (const part of imported.parts) await db.run(`DROP TABLE IF EXISTS ${quoteIdent(part)}`);
}
