// review.md's comparison of two contracts over the same exports: each record's bucket under A joined in DuckDB to its bucket under B.
import path from 'node:path';
import type { Progress } from '../../../shared/api';
import type { Contract } from '../../../shared/contractTypes';
import type { ReconciliationReport, Side } from '../../../shared/reportTypes';
import type { ComparedContract, ComparedReconciliation, ContractComparison, Move } from '../../../shared/reviewTypes';
import { idOrderSql } from '../buildSourceTable';
import { compileInvestigation } from '../compileInvestigation';
import type { CompiledModel, CompiledReconcile, CompiledSource } from '../compiledInvestigation';
import { quoteIdent, type Database } from '../openDatabase';
import { readReport } from '../readReport';
import { UserError } from '../UserError';
import { checkSameFiles } from './checkSameFiles';
import { mergeComparedLines, type ComparedBuckets } from './mergeComparedLines';

/** One side of a comparison: a contract text and where it is read from. */
export interface ComparedText {
  contract: Contract;
  text: string;
  /** Absolute path of the contract file its sources are relative to. */
  path: string;
  /** Names the contract in messages ("A.yaml", "acme.recon.yaml (revision 3)"). */
  label: string;
  sha256: string;
}

export interface CompareOptions {
  /** Complete id lists in every move (the CLI's JSON); without them the screen pages moves with fetchMovedRows. */
  withIds: boolean;
  /** Source tables of an earlier comparison still in `db`. */
  reusable?: readonly CompiledSource[];
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
}

/** Where one paired reconciliation's moved records are: one row per moved record, with each side's source table to list their columns. */
export interface MovedRecords {
  table: string;
  sources: Record<Side, CompiledSource>;
}

export interface ComparisonRun {
  comparison: ContractComparison;
  /** By reconciliation name; unpaired reconciliations have none. */
  moved: Map<string, MovedRecords>;
  /** Every source table both compiles used: a later comparison may reuse them. */
  sources: CompiledSource[];
}

interface MoveRow {
  side: Side;
  from_kind: Move['from']['kind'];
  from_reason: string;
  to_kind: Move['to']['kind'];
  to_reason: string;
  n: string;
  ids: string;
}

async function compile(db: Database, side: ComparedText, options: CompareOptions, reusable: readonly CompiledSource[], previous?: CompiledModel): Promise<CompiledModel> {
  return compileInvestigation(db, side.contract, { contractDir: path.dirname(side.path), contractLabel: side.label, onProgress: options.onProgress, signal: options.signal, reusable, previous });
}

async function readBuckets(db: Database, side: ComparedText, model: CompiledModel): Promise<Map<string, ReconciliationReport>> {
  const report = await readReport(db, side.contract, model.sources.map((s) => s.report), model.reconciles, false);
  return new Map(report.reconciliations.map((r) => [r.name, r]));
}

/** A record is its side and its data row: both contracts' sides of a paired reconciliation must read one file. */
function checkSameSides(name: string, a: CompiledReconcile, b: CompiledReconcile): void {
  for (const side of ['left', 'right'] as const) {
    const was = a[side].source;
    const is = b[side].source;
    if (was.file !== is.file || was.spec.sheet !== is.spec.sheet || was.spec.id !== is.spec.id) {
      throw new UserError(`reconciliation '${name}': its ${side} side reads source '${is.spec.name}' (${is.file}) under B and '${was.spec.name}' (${was.file}) under A; a comparison needs the same records on each side`);
    }
  }
}

const describe = (side: ComparedText): ComparedContract => ({ title: side.contract.title, version: side.contract.version, sha256: side.sha256 });
const valuedOf = (r: ReconciliationReport | undefined): ComparedBuckets | null => (r ? { buckets: r.buckets, valued: r.left.gross_value !== undefined } : null);

/**
 * Compiles A, keeps each bridge's (side, row, bucket) aside, compiles B over the same database (unchanged sources are
 * reused, so each export is read once), then groups the rows whose bucket differs. No report's ids pass through JavaScript.
 */
export async function compareContracts(db: Database, a: ComparedText, b: ComparedText, options: CompareOptions): Promise<ComparisonRun> {
  checkSameFiles(a, b);
  const aModel = await compile(db, a, options, options.reusable ?? []);
  for (const [i, r] of aModel.reconciles.entries()) {
    await db.run(`CREATE OR REPLACE TABLE ${quoteIdent(`cmp_a_${i}`)} AS SELECT side, __row_no, __id, kind, reason FROM ${quoteIdent(r.table)}`);
  }
  const aReports = await readBuckets(db, a, aModel);
  // B reuses A's metric steps and bridges where its definitions are A's (their tables are named after them).
  const bModel = await compile(db, b, options, [...(options.reusable ?? []), ...aModel.sources], aModel);
  const bReports = await readBuckets(db, b, bModel);
  const moved = new Map<string, MovedRecords>();
  const reconciliations: ComparedReconciliation[] = [];
  const names = [...new Set([...aModel.reconciles, ...bModel.reconciles].map((r) => r.spec.name))];
  for (const name of names) {
    const aIndex = aModel.reconciles.findIndex((r) => r.spec.name === name);
    const bReconcile = bModel.reconciles.find((r) => r.spec.name === name);
    const aReport = aReports.get(name);
    const bReport = bReports.get(name);
    const lines = mergeComparedLines(valuedOf(aReport), valuedOf(bReport));
    if (aIndex < 0 || !bReconcile || !aReport || !bReport) {
      reconciliations.push({ name, lines, moved: null });
      continue;
    }
    checkSameSides(name, aModel.reconciles[aIndex] as CompiledReconcile, bReconcile);
    const table = `cmp_moved_${moved.size}`;
    // Each move's records are numbered once in report.md's id order (__pos), so a page is a range of numbers, not a sort.
    await db.run(`CREATE OR REPLACE TABLE ${quoteIdent(table)} AS
      SELECT *, row_number() OVER (PARTITION BY side, from_kind, from_reason, to_kind, to_reason ORDER BY ${idOrderSql('__id')}) AS __pos FROM (
        SELECT a.side, a.__row_no, a.__id, a.kind AS from_kind, a.reason AS from_reason, b.kind AS to_kind, b.reason AS to_reason
        FROM ${quoteIdent(`cmp_a_${aIndex}`)} a JOIN ${quoteIdent(bReconcile.table)} b ON b.side = a.side AND b.__row_no = a.__row_no
        WHERE a.kind <> b.kind OR a.reason <> b.reason)
      ORDER BY side, from_kind, from_reason, to_kind, to_reason, __pos`);
    moved.set(name, { table, sources: { left: bReconcile.left.source, right: bReconcile.right.source } });
    reconciliations.push({ name, lines, moved: await readMoves(db, table, aReport, bReport, options.withIds) });
  }
  for (const i of aModel.reconciles.keys()) await db.run(`DROP TABLE ${quoteIdent(`cmp_a_${i}`)}`);
  const sources = [...new Map([...aModel.sources, ...bModel.sources].map((s) => [s.table, s])).values()];
  return { comparison: { a: describe(a), b: describe(b), reconciliations }, moved, sources };
}

/** Moves ordered by side (left first), then A's bridge order of `from`, then B's of `to` (review.md). */
async function readMoves(db: Database, table: string, aReport: ReconciliationReport, bReport: ReconciliationReport, withIds: boolean): Promise<Move[]> {
  const ids = withIds ? `CAST(to_json(list(__id ORDER BY __pos)) AS VARCHAR)` : `'[]'`;
  const rows = await db.all<MoveRow>(`SELECT side, from_kind, from_reason, to_kind, to_reason, count(*) AS n, ${ids} AS ids FROM ${quoteIdent(table)} GROUP BY ALL`);
  const position = (report: ReconciliationReport, side: Side, kind: string, reason: string) =>
    report.buckets.findIndex((x) => x.side === side && x.kind === kind && x.reason === reason);
  const ranked = rows.map((row) => ({
    row,
    rank: [row.side === 'left' ? 0 : 1, position(aReport, row.side, row.from_kind, row.from_reason), position(bReport, row.side, row.to_kind, row.to_reason)],
  }));
  ranked.sort((x, y) => x.rank.map((v, i) => v - (y.rank[i] ?? 0)).find((d) => d !== 0) ?? 0);
  return ranked.map(({ row }) => ({
    side: row.side,
    from: { kind: row.from_kind, reason: row.from_reason },
    to: { kind: row.to_kind, reason: row.to_reason },
    count: Number(row.n),
    ids: JSON.parse(row.ids) as string[],
  }));
}
