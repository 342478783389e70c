// Compiles one reconcile entry to its bridge table: every row of both sides with its bucket (spec/report.md).
import type { Database } from './openDatabase';
import { quoteIdent } from './openDatabase';

export interface BridgeInput {
  table: string;
  leftSteps: string;
  rightSteps: string;
  /** The matched pairs (buildPairs): a matched record's reason is its pair's. */
  pairs: string;
}

/**
 * What the other side holds for each key: whether any of its rows is net, the out-of-period survivor,
 * and the first excluded row (by row order) with its rule. Precedence is matched > timing >
 * excluded_on_other_side > unmatched, so a key's best counterpart decides.
 */
function buildSideSql(side: 'left' | 'right', own: string, other: string, pairs: string): string {
  return `SELECT '${side}' AS side, s.__row_no, s.__id, s.__key, s.step, s.__anchor, s.__value, s.__missing,
      CASE WHEN s.step <> 'net' THEN s.step
           WHEN s.__key IS NULL THEN 'unmatched'
           WHEN o.net_row IS NOT NULL THEN 'matched'
           WHEN o.late_row IS NOT NULL THEN 'timing'
           WHEN o.excluded_row IS NOT NULL THEN 'excluded_on_other_side'
           ELSE 'unmatched' END AS kind,
      CASE WHEN s.step <> 'net' THEN s.reason
           WHEN s.__key IS NULL THEN 'missing_key'
           WHEN o.net_row IS NOT NULL THEN p.reason
           WHEN o.late_row IS NOT NULL THEN 'timing'
           WHEN o.excluded_row IS NOT NULL THEN o.excluded_reason
           ELSE 'no_counterpart' END AS reason,
      CASE WHEN s.step = 'duplicate' THEN s.__survivor_row_no
           WHEN s.step <> 'net' OR s.__key IS NULL THEN NULL
           ELSE coalesce(o.net_row, o.late_row, o.excluded_row) END AS __other_row_no,
      s.step = 'duplicate' AS __other_is_own_side
    FROM ${quoteIdent(own)} s
    LEFT JOIN (
      SELECT __key,
        min(__row_no) FILTER (WHERE step = 'net') AS net_row,
        min(__row_no) FILTER (WHERE step = 'out_of_period') AS late_row,
        min(__row_no) FILTER (WHERE step = 'excluded') AS excluded_row,
        arg_min(reason, __row_no) FILTER (WHERE step = 'excluded') AS excluded_reason
      FROM ${quoteIdent(other)} WHERE __key IS NOT NULL GROUP BY __key
    ) o ON o.__key = s.__key
    LEFT JOIN ${quoteIdent(pairs)} p ON p.${side}_row = s.__row_no`;
// The join is on the key alone: a condition on the left row in a LEFT JOIN's ON stops DuckDB from
// using a hash join (quadratic time); the CASEs above ignore the counterpart of rows that are not net.
}

/**
 * Rows are stored bucket by bucket (side, then kind and reason), each in row order: a bucket is then one run of
 * rowids, so a page anywhere in it is read by rowid range (queryBucketRows) instead of sorting the bucket up to the page.
 * Buckets follow each other in the order of a hash of kind and reason, not by name: sorting 2M rows on two texts
 * cost 1.5 s of CPU at 1M rows a side, on one 64-bit number 0.5 s. Two buckets whose hashes collide would interleave;
 * findBucketRun checks each run and reads such a bucket by query instead.
 */
export async function buildBridge(db: Database, input: BridgeInput): Promise<void> {
  await db.run(`CREATE OR REPLACE TABLE ${quoteIdent(input.table)} AS
    SELECT * FROM (
      ${buildSideSql('left', input.leftSteps, input.rightSteps, input.pairs)}
      UNION ALL
      ${buildSideSql('right', input.rightSteps, input.leftSteps, input.pairs)}
    ) ORDER BY side, hash(kind, reason), __row_no`);
}
