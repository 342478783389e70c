// The record inspector's data: every row of both exports that carries one identity key, with its step.
import type { IdentityInspection, IdentityRow } from '../../shared/api';
import type { Side } from '../../shared/reportTypes';
import type { CompiledReconcile } from './compiledInvestigation';
import type { Database } from './openDatabase';
import { quoteIdent } from './openDatabase';
import { UserError } from './UserError';

interface ListedRow {
  [column: string]: unknown;
  __row_no: string;
  record_id: string;
  kind: IdentityRow['kind'];
  reason: string;
  anchor_exported: string | null;
  anchor_reporting: string | null;
  other_record_id: string | null;
  __other_is_own_side: boolean | null;
}

export async function inspectIdentityKey(db: Database, r: CompiledReconcile, key: string): Promise<IdentityInspection> {
  const rows: IdentityRow[] = [];
  for (const side of ['left', 'right'] as const) {
    const own = side === 'left' ? r.left : r.right;
    const listed = await db.all<ListedRow>(`SELECT * FROM ${quoteIdent(r.listings[side].view)} WHERE identity_key = $1 ORDER BY __row_no`, [key]);
    for (const row of listed) rows.push(toIdentityRow(side, own.source.spec.name, own.source.fileColumns, row));
  }
  return { reconciliation: r.spec.name, key, rows };
}

/** Opens the inspector from one listed record: its key's rows, or the record alone when it has no key. */
export async function inspectRecord(db: Database, r: CompiledReconcile, side: Side, recordId: string): Promise<IdentityInspection> {
  const listed = await db.all<ListedRow>(`SELECT * FROM ${quoteIdent(r.listings[side].view)} WHERE record_id = $1`, [recordId]);
  const [row] = listed;
  if (!row) throw new UserError(`no record '${recordId}' on the ${side} side of '${r.spec.name}'`);
  if (typeof row.identity_key === 'string') return inspectIdentityKey(db, r, row.identity_key);
  const own = side === 'left' ? r.left : r.right;
  return { reconciliation: r.spec.name, key: '', rows: [toIdentityRow(side, own.source.spec.name, own.source.fileColumns, row)] };
}

function toIdentityRow(side: Side, source: string, fileColumns: string[], row: ListedRow): IdentityRow {
  const values: Record<string, string | null> = {};
  for (const column of fileColumns) values[column] = (row[column] ?? row[`${column} (file)`] ?? null) as string | null;
  return {
    side,
    source,
    id: row.record_id,
    rowNo: Number(row.__row_no),
    ...(typeof row.source_file === 'string' ? { file: row.source_file, line: Number(row.source_line) } : {}),
    kind: row.kind,
    reason: row.reason,
    dateExported: row.anchor_exported,
    dateReporting: row.anchor_reporting,
    values,
    ...('value' in row ? { value: (row.value ?? null) as string | null } : {}),
    ...(row.other_record_id === null ? {} : { counterpart: { side: row.__other_is_own_side ? side : otherSide(side), id: row.other_record_id } }),
  };
}

function otherSide(side: Side): Side {
  return side === 'left' ? 'right' : 'left';
}
