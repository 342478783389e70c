// Counts and pages a reconciliation's matched pairs (the pairs grid): both sides' compared values, largest difference first.
import { MAX_PAGE_ROWS, type PageRequest, type PairPage, type PairQuery, type PairRow } from '../../shared/api';
import type { CompiledReconcile } from './compiledInvestigation';
import type { Database } from './openDatabase';
import { quoteIdent } from './openDatabase';
import { idOrderSql } from './buildSourceTable';
import { pairColumns } from './buildPairs';
import { UserError } from './UserError';

type PairsOf = Pick<CompiledReconcile, 'spec' | 'pairs'>;

function buildWhereSql(r: PairsOf, query: PairQuery): string {
  const conditions: string[] = [];
  if (query.differs !== undefined) {
    const index = r.spec.compare.findIndex((c) => c.field === query.differs);
    if (index < 0) {
      const fields = r.spec.compare.map((c) => c.field);
      throw new UserError(`'${query.differs}' is not a compared field of '${r.spec.name}'${fields.length ? `; it compares: ${fields.join(', ')}` : ' (it compares no fields)'}`);
    }
    conditions.push(quoteIdent(pairColumns(index).differs));
  }
  if (query.amountChanged) conditions.push('delta <> 0');
  return conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
}

export async function countPairs(db: Database, r: PairsOf, query: PairQuery): Promise<number> {
  const [row] = await db.all<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdent(r.pairs)} ${buildWhereSql(r, query)}`);
  return Number(row?.n ?? 0);
}

export async function fetchPairs(db: Database, r: PairsOf, query: PairQuery, page: PageRequest): Promise<PairPage> {
  const limit = Math.min(Math.max(1, Math.floor(page.limit)), MAX_PAGE_ROWS);
  const offset = Math.max(0, Math.floor(page.offset));
  const fields = r.spec.compare.map((c) => c.field);
  const columns = fields.flatMap((_, i) => Object.values(pairColumns(i)).map(quoteIdent));
  const rows = await db.all<Record<string, string | boolean | null>>(
    `SELECT left_id, right_id, reason, CAST(delta AS VARCHAR) AS delta${columns.length ? `, ${columns.join(', ')}` : ''}
     FROM ${quoteIdent(r.pairs)} ${buildWhereSql(r, query)}
     ORDER BY abs(delta) DESC NULLS LAST, ${idOrderSql('left_id')}, ${idOrderSql('right_id')}
     LIMIT ${limit} OFFSET ${offset}`,
  );
  return {
    fields,
    rows: rows.map((row): PairRow => {
      const values: PairRow['values'] = {};
      const differs: string[] = [];
      fields.forEach((field, i) => {
        const c = pairColumns(i);
        values[field] = [row[c.left] as string | null, row[c.right] as string | null];
        if (row[c.differs] === true) differs.push(field);
      });
      return { leftId: String(row.left_id), rightId: String(row.right_id), reason: String(row.reason), values, differs, valueDelta: row.delta as string | null };
    }),
  };
}
