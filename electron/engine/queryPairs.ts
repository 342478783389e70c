// Counts and pages a reconciliation's matched pairs (the pairs grid): both sides' compared values, largest difference first.
import { MAX_PAGE_ROWS, type PageRequest, type PairPage, type PairQuery, type PairRow, type RowPage } from '../../shared/api';
import type { CompiledReconcile } from './compiledInvestigation';
import type { Database, SqlParam } from './openDatabase';
import { quoteIdent } from './openDatabase';
import { idOrderSql } from './buildSourceTable';
import { pairColumns, pairShownSql } from './buildPairs';
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
  const columns = r.spec.compare.flatMap((spec, i) => {
    const c = pairColumns(i);
    return [`${pairShownSql(spec, quoteIdent(c.left))} AS ${quoteIdent(c.left)}`, `${pairShownSql(spec, quoteIdent(c.right))} AS ${quoteIdent(c.right)}`, quoteIdent(c.differs)];
  });
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

/**
 * Pairs with both records' listed columns side by side (`recon drill --kind matched`): the pair's reason and
 * difference, each compare field's two values, then every column of the left record and of the right one.
 */
export async function fetchPairRows(db: Database, r: CompiledReconcile, reason: string | undefined, page: PageRequest): Promise<RowPage> {
  const own = (side: 'left' | 'right') => r.listings[side].columns.map((c) => ({ sql: `${side[0]}.${quoteIdent(c)}`, name: `${side} ${c}` }));
  const columns = [
    { sql: 'p.reason', name: 'reason' },
    { sql: 'CAST(p.delta AS VARCHAR)', name: 'value_difference' },
    ...r.spec.compare.flatMap((spec, i) => [
      { sql: pairShownSql(spec, `p.${pairColumns(i).left}`), name: `${spec.field} (left)` },
      { sql: pairShownSql(spec, `p.${pairColumns(i).right}`), name: `${spec.field} (right)` },
    ]),
    ...own('left'),
    ...own('right'),
  ];
  const params: SqlParam[] = [];
  if (reason !== undefined) params.push(reason);
  const rows = await db.all<Record<string, string | null>>(
    `SELECT ${columns.map((c, i) => `${c.sql} AS c${i}`).join(', ')}
     FROM ${quoteIdent(r.pairs)} p
     JOIN ${quoteIdent(r.listings.left.view)} l ON l.__row_no = p.left_row
     JOIN ${quoteIdent(r.listings.right.view)} r ON r.__row_no = p.right_row
     ${reason !== undefined ? 'WHERE p.reason = $1' : ''}
     ORDER BY abs(p.delta) DESC NULLS LAST, ${idOrderSql('p.left_id')}, ${idOrderSql('p.right_id')}
     LIMIT ${Math.min(page.limit, MAX_PAGE_ROWS)} OFFSET ${Math.max(0, page.offset)}`,
    params,
  );
  return { columns: columns.map((c) => c.name), rows: rows.map((row) => columns.map((_, i) => row[`c${i}`] ?? null)) };
}
