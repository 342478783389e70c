// Writes the bridge report as the text JSON.stringify(report, null, 2) gives, in pieces, without its ids as JavaScript strings.
import { randomUUID } from 'node:crypto';
import type { Contract } from '../../shared/contractTypes';
import type { SourceReport } from '../../shared/reportTypes';
import { idOrderSql } from './buildSourceTable';
import type { CompiledReconcile } from './compiledInvestigation';
import type { Database } from './openDatabase';
import { quoteIdent, quoteLiteral } from './openDatabase';
import { readPairs, readReport } from './readReport';

/**
 * The report without its lists is laid out by JSON.stringify with a placeholder where each list goes; each
 * bucket's ids then come from DuckDB as one text, already written as JSON items, and go straight to `write`.
 * A report of 2M ids thus never holds 2M JavaScript strings, nor the whole text at once (1M rows a side: 120 MB).
 */
export async function writeReportJson(
  db: Database,
  contract: Contract,
  sources: SourceReport[],
  reconciles: CompiledReconcile[],
  write: (text: string) => Promise<void>,
): Promise<void> {
  const report = await readReport(db, contract, sources, reconciles, false);
  // A random nonce: the placeholders cannot be confused with a name or a reason of the contract.
  const mark = randomUUID();
  report.reconciliations.forEach((r, i) => {
    r.buckets.forEach((b, j) => Object.assign(b, { ids: `${mark} ids ${i} ${j}` }));
    if (r.pairs) Object.assign(r, { pairs: `${mark} pairs ${i}` });
  });
  const text = `${JSON.stringify(report, null, 2)}\n`;
  const placeholder = new RegExp(`"${mark} (ids|pairs) (\\d+)(?: (\\d+))?"`, 'g');
  const idTexts = new Map<number, Map<string, string>>();
  let at = 0;
  for (const match of text.matchAll(placeholder)) {
    await write(text.slice(at, match.index));
    at = match.index + match[0].length;
    const indent = /^ */.exec(text.slice(text.lastIndexOf('\n', match.index) + 1))?.[0].length ?? 0;
    const r = reconciles[Number(match[2])];
    if (!r) throw new Error(`no reconciliation ${match[2]}`);
    if (match[1] === 'pairs') {
      // Pairs are few beside ids (those whose reason is not `matched`); stringified alone, then indented to their place.
      await write(JSON.stringify(await readPairs(db, r, true), null, 2).replaceAll('\n', `\n${' '.repeat(indent)}`));
      continue;
    }
    const bucket = report.reconciliations[Number(match[2])]?.buckets[Number(match[3])];
    if (!bucket) throw new Error(`no bucket ${match[3]}`);
    let texts = idTexts.get(Number(match[2]));
    if (!texts) idTexts.set(Number(match[2]), (texts = await readIdTexts(db, r, indent + 2)));
    const items = texts.get(`${bucket.side} ${bucket.kind} ${bucket.reason}`);
    if (items === undefined) throw new Error(`no ids for bucket ${bucket.side} ${bucket.kind} ${bucket.reason}`);
    await write(`[\n${' '.repeat(indent + 2)}${items}\n${' '.repeat(indent)}]`);
  }
  await write(text.slice(at));
}

/**
 * Every bucket's ids in report order, as JSON items separated by a comma and a new line indented by `indent`.
 * DuckDB's to_json escapes a string as JSON.stringify does except control characters, which it writes in
 * capitals (`\u001F` for `\u001f`): a bucket holding such an id, which is rare, is written by JSON.stringify.
 */
async function readIdTexts(db: Database, r: CompiledReconcile, indent: number): Promise<Map<string, string>> {
  const separator = `,\n${' '.repeat(indent)}`;
  const rows = await db.all<{ side: string; kind: string; reason: string; items: string; controls: boolean }>(
    `SELECT side, kind, reason, bool_or(regexp_matches(__id, '[\\x00-\\x1f]')) AS controls,
       string_agg(CAST(to_json(__id) AS VARCHAR), ${quoteLiteral(separator)} ORDER BY ${idOrderSql('__id')}) AS items
     FROM ${quoteIdent(r.table)} GROUP BY side, kind, reason`,
  );
  const texts = new Map<string, string>();
  for (const row of rows) {
    let items = row.items;
    if (row.controls) {
      const [list] = await db.all<{ ids: string }>(
        `SELECT CAST(to_json(list(__id ORDER BY ${idOrderSql('__id')})) AS VARCHAR) AS ids FROM ${quoteIdent(r.table)} WHERE side = $1 AND kind = $2 AND reason = $3`,
        [row.side, row.kind, row.reason],
      );
      items = (JSON.parse(list?.ids ?? '[]') as string[]).map((id) => JSON.stringify(id)).join(separator);
    }
    texts.set(`${row.side} ${row.kind} ${row.reason}`, items);
  }
  return texts;
}
