// Writes the bridge report as the text JSON.stringify(report, null, 2) gives, in pieces, never holding its ids all at once.
import { randomUUID } from 'node:crypto';
import type { Contract } from '../../shared/contractTypes';
import type { Bucket, Pair, SourceReport } from '../../shared/reportTypes';
import { idOrderSql } from './buildSourceTable';
import type { CompiledReconcile } from './compiledInvestigation';
import type { Database } from './openDatabase';
import { quoteIdent } from './openDatabase';
import { buildPairRowsSql, readReport, toPair } from './readReport';

/**
 * The report without its lists is laid out by JSON.stringify with a placeholder where each list goes; each
 * bucket's ids then stream from DuckDB, already written as JSON strings, and go to `write` a chunk (2,048 ids) at a
 * time, `write` awaited before the next (backpressure). At 10M rows a side the report is some 550 MB of ids: only
 * one chunk of them is ever held as JavaScript strings.
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
  let at = 0;
  for (const match of text.matchAll(placeholder)) {
    await write(text.slice(at, match.index));
    at = match.index + match[0].length;
    const indent = /^ */.exec(text.slice(text.lastIndexOf('\n', match.index) + 1))?.[0].length ?? 0;
    const r = reconciles[Number(match[2])];
    if (!r) throw new Error(`no reconciliation ${match[2]}`);
    if (match[1] === 'pairs') {
      await writePairs(db, r, indent, write);
      continue;
    }
    const bucket = report.reconciliations[Number(match[2])]?.buckets[Number(match[3])];
    if (!bucket) throw new Error(`no bucket ${match[3]}`);
    await writeBucketIds(db, r, bucket, indent, write);
  }
  await write(text.slice(at));
}

/** One bucket's ids as JSON.stringify(ids, null, 2) lays them out at `indent`, streamed in report order. */
async function writeBucketIds(db: Database, r: CompiledReconcile, bucket: Bucket, indent: number, write: (text: string) => Promise<void>): Promise<void> {
  const separator = `,\n${' '.repeat(indent + 2)}`;
  let opened = false;
  // A plain sort, which DuckDB spills to disk under its memory limit. Numbering the ids with a window and joining them
  // 128 to a text with an ordered string_agg cost less CPU but ran out of DuckDB's 2 GB at 10M rows a side.
  const texts = db.streamTexts(
    `SELECT ${jsonStringSql('__id')} FROM ${quoteIdent(r.table)} WHERE side = $1 AND kind = $2 AND reason = $3 ORDER BY ${idOrderSql('__id')}`,
    [bucket.side, bucket.kind, bucket.reason],
  );
  for await (const chunk of texts) {
    const items = chunk.join(separator);
    await write(opened ? `${separator}${items}` : `[\n${' '.repeat(indent + 2)}${items}`);
    opened = true;
  }
  await write(opened ? `\n${' '.repeat(indent)}]` : '[]');
}

/**
 * The pairs as JSON.stringify(pairs, null, 2) lays them out at `indent`, streamed in report order: 200,000 pairs
 * held at once as one JSON text, then as objects, then as the indented text added some 300 MB to the CLI's peak.
 */
async function writePairs(db: Database, r: CompiledReconcile, indent: number, write: (text: string) => Promise<void>): Promise<void> {
  const inner = `\n${' '.repeat(indent + 2)}`;
  let opened = false;
  const rows = buildPairRowsSql(r);
  for await (const chunk of db.streamTexts(`SELECT CAST(to_json(p) AS VARCHAR) FROM ${rows.from} ORDER BY ${rows.order}`)) {
    if (chunk.length === 0) continue;
    const items = chunk.map((text) => formatPair(toPair(r, JSON.parse(text ?? '{}') as Record<string, string | boolean | null>), inner));
    await write(`${opened ? ',' : '['}${inner}${items.join(`,${inner}`)}`);
    opened = true;
  }
  await write(opened ? `\n${' '.repeat(indent)}]` : '[]');
}

/**
 * JSON.stringify(pair, null, 2) with each line break followed by `at`, written out: at 200,000 pairs the generic
 * stringify and a replaceAll on its text took some 1.7 s of the main thread (the value bench's CPU profile).
 * writeReportJson.test.ts holds the output to JSON.stringify's, byte for byte.
 */
function formatPair(pair: Pair, at: string): string {
  const [one, two, three] = [`${at}  `, `${at}    `, `${at}      `];
  const fields = Object.entries(pair.differs).map(([field, [left, right]]) => `${two}${JSON.stringify(field)}: [${three}${JSON.stringify(left)},${three}${JSON.stringify(right)}${two}]`);
  const differs = fields.length === 0 ? '{}' : `{${fields.join(',')}${one}}`;
  return `{${one}"left_id": ${JSON.stringify(pair.left_id)},${one}"right_id": ${JSON.stringify(pair.right_id)},${one}"reason": ${JSON.stringify(pair.reason)},${one}"differs": ${differs}${at}}`;
}

/**
 * SQL giving a text column's value as JSON.stringify writes it. DuckDB's to_json does the same but for control
 * characters other than \b \t \n \f \r, which it writes in capitals (`\u001F` for `\u001f`); an id whose JSON
 * holds such an escape (rare) is escaped character by character instead, with JSON.stringify's own escapes.
 */
function jsonStringSql(column: string): string {
  const json = `CAST(to_json(${column}) AS VARCHAR)`;
  let escaped = `replace(replace(${column}, '\\', '\\\\'), '"', '\\"')`;
  for (let code = 0; code < 0x20; code++) escaped = `replace(${escaped}, chr(${code}), '${JSON.stringify(String.fromCharCode(code)).slice(1, -1)}')`;
  return `CASE WHEN contains(${json}, '\\u00') THEN '"' || ${escaped} || '"' ELSE ${json} END`;
}
