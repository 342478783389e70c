// Streams a delimited file into a UTF-8, LF-only temp copy without title lines, footer and blank lines.
import fs from 'node:fs';
import { once } from 'node:events';
import type { DroppedRow } from '../../../shared/reportTypes';
import { decoderLabel, type SourceEncoding } from './detectEncoding';

export interface CopyPlan {
  source: string;
  target: string;
  encoding: SourceEncoding;
  start: number; // first byte after the BOM
  end: number; // byte where the footer starts, or the file size
  headerLine: number; // lines above it are left out (they were listed by the sniffer)
  delimiter: string;
  crOnly: boolean; // line breaks are CRs alone: read each as an LF
  signal?: AbortSignal;
  onBytes?: (bytesRead: number) => void;
}

export interface CopyResult {
  lines: number; // lines written to the copy
  nextLine: number; // the source line that follows the copied range (where the footer starts)
  blank: DroppedRow[]; // blank lines left out below the header
  sourceLine: (copyLine: number) => number;
}

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

export async function writeNormalizedCopy(plan: CopyPlan): Promise<CopyResult> {
  const out = fs.createWriteStream(plan.target, { flags: 'wx' });
  const decoder = plan.encoding.startsWith('utf-8') ? null : new TextDecoder(decoderLabel(plan.encoding));
  const delimiter = plan.delimiter.charCodeAt(0);
  const blank: DroppedRow[] = [];
  let line = 1;
  let written = 0;
  let lineStartsQuoted = false; // the scanner's whole state at the start of the carried partial line
  let carry: Buffer = Buffer.alloc(0);
  let bytesRead = 0;

  // Copies one physical line; `quotedAtStart` means it continues a quoted value, so it is never blank.
  const emitLine = (data: Buffer, from: number, to: number, quotedAtStart: boolean, quotedAtEnd: boolean, target: Buffer, at: number): number => {
    const current = line++;
    if (current < plan.headerLine) return at;
    if (!quotedAtStart && isWhitespace(data, from, to)) {
      blank.push({ line: current, reason: 'blank_row', text: data.toString('utf8', from, to).replace(/\r$/, '') });
      return at;
    }
    const end = !quotedAtEnd && to > from && data[to - 1] === CR ? to - 1 : to;
    at += data.copy(target, at, from, end);
    target[at++] = LF;
    written++;
    return at;
  };

  const scan = (data: Buffer, final: boolean): Buffer => {
    const target = Buffer.allocUnsafe(data.length + 1);
    let at = 0;
    let lineStart = 0;
    let quotedAtStart = lineStartsQuoted;
    let inQuotes = quotedAtStart;
    let atFieldStart = !quotedAtStart;
    let justClosed = false;
    for (let i = 0; i < data.length; i++) {
      const b = data[i];
      if (inQuotes) {
        if (b === QUOTE) {
          inQuotes = false;
          justClosed = true;
        }
      } else if (b === QUOTE && (atFieldStart || justClosed)) {
        inQuotes = true; // a doubled quote inside a quoted value reopens it here
        atFieldStart = false;
      } else if (b === LF) {
        at = emitLine(data, lineStart, i, quotedAtStart, false, target, at);
        lineStart = i + 1;
        quotedAtStart = false;
        atFieldStart = true;
        justClosed = false;
      } else {
        atFieldStart = b === delimiter;
        justClosed = false;
      }
      if (inQuotes && b === LF) {
        // A line break inside a quoted value is data: the line keeps its CR, and the next one is never blank.
        at = emitLine(data, lineStart, i, quotedAtStart, true, target, at);
        lineStart = i + 1;
        quotedAtStart = true;
      }
    }
    carry = data.subarray(lineStart);
    lineStartsQuoted = quotedAtStart;
    if (final && carry.length > 0) at = emitLine(carry, 0, carry.length, quotedAtStart, inQuotes, target, at);
    return target.subarray(0, at);
  };

  try {
    if (plan.end > plan.start) {
      const input = fs.createReadStream(plan.source, { start: plan.start, end: plan.end - 1, highWaterMark: 1 << 20 });
      for await (const chunk of input as AsyncIterable<Buffer>) {
        if (plan.signal?.aborted) throw new Error('aborted');
        bytesRead += chunk.length;
        const utf8 = decoder ? Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8') : chunk;
        if (plan.crOnly) replaceCrWithLf(utf8);
        const data = carry.length > 0 ? Buffer.concat([carry, utf8]) : utf8;
        const output = scan(data, false);
        if (output.length > 0 && !out.write(output)) await once(out, 'drain');
        plan.onBytes?.(bytesRead);
      }
    }
    const rest = decoder ? Buffer.from(decoder.decode(), 'utf8') : Buffer.alloc(0);
    if (plan.crOnly) replaceCrWithLf(rest);
    const last = scan(carry.length > 0 ? Buffer.concat([carry, rest]) : rest, true);
    if (last.length > 0) out.write(last);
  } finally {
    out.end();
    await once(out, 'close');
  }
  const blankLines = blank.map((b) => b.line);
  return { lines: written, nextLine: line, blank, sourceLine: (copyLine) => mapCopyLine(copyLine, plan.headerLine, blankLines) };
}

function replaceCrWithLf(bytes: Buffer): void {
  for (let at = bytes.indexOf(CR); at !== -1; at = bytes.indexOf(CR, at + 1)) bytes[at] = LF;
}

function isWhitespace(data: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const b = data[i];
    if (b !== 0x20 && b !== 0x09 && b !== CR) return false;
  }
  return true;
}

// Copy line k is source line headerLine - 1 + k, pushed down by every blank line left out before it.
function mapCopyLine(copyLine: number, headerLine: number, blankLines: readonly number[]): number {
  let line = headerLine - 1 + copyLine;
  for (const skipped of blankLines) {
    if (skipped > line) break;
    line++;
  }
  return line;
}
