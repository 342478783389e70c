// Imports a delimited text export (.csv/.tsv/.txt): sniffed in Node, bulk-loaded by DuckDB, every line accounted for.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { DroppedRow } from '../../../shared/reportTypes';
import type { ProgressFigures } from '../createProgressMeter';
import type { Database } from '../openDatabase';
import { quoteIdent } from '../openDatabase';
import { UserError } from '../UserError';
import { countLines } from './countLines';
import { bomLength, detectEncoding, type SourceEncoding } from './detectEncoding';
import { describeBinaryFile } from './describeBinaryFile';
import type { ImportedTable, ImportOptions } from './importFile';
import { loadCsvTable, type CsvLoad } from './loadCsvTable';
import { listRejectedLines } from './listRejectedLines';
import { makeColumnNames } from './makeColumnNames';
import { planCsvImport, type CsvPlan } from './planCsvImport';
import { readSample, type FileSample } from './readSample';
import { writeNormalizedCopy, type CopyResult } from './writeNormalizedCopy';

interface Attempt {
  encoding: SourceEncoding;
  allowDirect: boolean;
}

type Outcome = Omit<ImportedTable, 'table'> | { retry: Attempt };

/**
 * Each part's share of an import, as measured on the bench's 1M-row exports: DuckDB reads, numbers and checks
 * (loadCsvTable splits its share), JavaScript copies the file that needs it and counts lines where it must.
 */
const DIRECT: Shares = { load: [0, 0.88], count: [0.88, 1] };
const COPIED: Shares = { copy: [0, 0.3], load: [0.3, 0.95], count: [0.95, 1] };
interface Shares {
  copy?: [number, number];
  load: [number, number];
  count: [number, number];
}

export async function importCsv(db: Database, filePath: string, staging: string, options: ImportOptions = {}): Promise<Omit<ImportedTable, 'table'>> {
  const sample = await readSample(filePath);
  const detected = detectEncoding(sample.head, sample.tail);
  if (sample.size <= bomLength(detected)) throw new UserError(`${filePath}: the file is empty`, 'empty_file');
  const binary = describeBinaryFile(sample.head, detected);
  if (binary) throw new UserError(`${filePath}: ${binary}`, 'unsupported_file');
  let attempt: Attempt = { encoding: detected, allowDirect: true };
  // At most: the original as is, then a normalized copy, then a copy read as Windows-1252.
  for (;;) {
    const outcome = await tryImport(db, filePath, staging, sample, attempt, options);
    if (!('retry' in outcome)) return outcome;
    await db.run(`DROP TABLE IF EXISTS ${quoteIdent(staging)}`);
    attempt = outcome.retry;
  }
}

async function tryImport(db: Database, filePath: string, staging: string, sample: FileSample, attempt: Attempt, options: ImportOptions): Promise<Outcome> {
  const plan = planCsvImport(filePath, path.extname(filePath).toLowerCase(), sample, attempt.encoding);
  const direct = plan.direct && attempt.allowDirect;
  const tempFile = direct ? null : path.join(os.tmpdir(), `recon-import-${randomUUID()}.csv`);
  try {
    const columns = makeColumnNames(plan.dialect.header.fields);
    const shares = tempFile ? COPIED : DIRECT;
    const bytesAt = (share: number): ProgressFigures => ({ bytesRead: Math.round(share * sample.size), bytesTotal: sample.size });
    if (shares.copy) options.progress?.part('copying', ...shares.copy, bytesAt);
    const copy = tempFile ? await copyBody(filePath, tempFile, plan, options) : null;
    const source = tempFile ?? filePath;
    let load: CsvLoad;
    try {
      // DuckDB reads the copy once the source is read whole: its bytes are all read then.
      const progress = options.progress && { span: options.progress.within(...shares.load), bytesAt: copy ? () => bytesAt(1) : bytesAt };
      load = await loadCsvTable(db, { file: source, delimiter: plan.dialect.delimiter, columns, lfOnly: copy !== null }, staging, progress);
    } catch (error) {
      if (direct && !options.signal?.aborted) return { retry: { encoding: attempt.encoding, allowDirect: false } };
      throw options.signal?.aborted ? error : new UserError(`${filePath}: cannot be read as delimited text (${firstLine(error)})`, 'unreadable_file');
    }
    // The head and tail looked like UTF-8 but a byte in between was not: the file is Windows-1252 after all.
    if (attempt.encoding.startsWith('utf-8') && load.rejected.some((r) => r.invalidEncoding)) {
      return { retry: { encoding: 'windows-1252', allowDirect: false } };
    }
    const needCount = !copy || load.rejected.length > 0;
    if (needCount) options.progress?.part('counting lines', ...shares.count, () => ({ ...bytesAt(1), rowsRead: load.rows }));
    const counted = needCount ? await countLines(source, load.rejected.map((r) => r.offset), options.signal, (share) => options.progress?.advance(share)) : null;
    const expected = copy ? copy.lines : (counted?.lines ?? 0);
    if (plan.dialect.header.lineCount + load.linesCovered !== expected) {
      // DuckDB skips blank lines without a word: find them in a normalized copy.
      if (!copy) return { retry: { encoding: attempt.encoding, allowDirect: false } };
      throw new UserError(`${filePath}: could not account for every line (${expected} lines, ${load.linesCovered + plan.dialect.header.lineCount} read)`, 'unreadable_file');
    }
    const sourceLine = copy ? copy.sourceLine : (line: number) => line;
    const rejected = load.rejected.flatMap((r, i) => listRejectedLines(r.text, counted?.lineAt[i] ?? 1, sourceLine));
    const footerLine = copy?.nextLine ?? 0;
    const footer: DroppedRow[] = (plan.footer?.lines ?? []).map((text, i) => ({ line: footerLine + i, reason: 'report_footer', text }));
    return {
      columns,
      rows: load.rows,
      dropped: [...plan.dialect.aboveHeader, ...(copy?.blank ?? []), ...rejected, ...footer].sort((a, b) => a.line - b.line),
      encoding: attempt.encoding,
      delimiter: plan.dialect.delimiter,
      header: { line: plan.dialect.header.line, lines: plan.dialect.header.lineCount },
      lineBreaks: load.breaks,
    };
  } catch (error) {
    await db.run(`DROP TABLE IF EXISTS ${quoteIdent(staging)}`);
    throw error;
  } finally {
    if (tempFile) fs.rmSync(tempFile, { force: true });
  }
}

function copyBody(filePath: string, target: string, plan: CsvPlan, options: ImportOptions): Promise<CopyResult> {
  return writeNormalizedCopy({
    source: filePath,
    target,
    encoding: plan.encoding,
    start: plan.bodyStart,
    end: plan.bodyEnd,
    headerLine: plan.dialect.header.line,
    delimiter: plan.dialect.delimiter,
    crOnly: plan.crOnly,
    signal: options.signal,
    // The footer left out was read with the sample: the copy's end is the file's.
    onBytes: (bytes) => options.progress?.advance((plan.bodyStart + bytes) / plan.bodyEnd),
  });
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n', 1)[0] ?? '';
}
