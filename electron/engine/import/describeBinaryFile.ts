// Says in plain words why a file handed in as a text export is not one (a workbook, a PDF, other binary data).
import { bomLength, type SourceEncoding } from './detectEncoding';

const SIGNATURES: [bytes: number[], what: string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive (an Excel .xlsx workbook saved under another name? give it the .xlsx extension)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel .xls workbook (save it as .xlsx or CSV)'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x1f, 0x8b], 'a gzip archive (unpack it first)'],
];

/** Why `head` (the first bytes of a file) is not a text export, or undefined when it may be one. */
export function describeBinaryFile(head: Uint8Array, encoding: SourceEncoding): string | undefined {
  const known = SIGNATURES.find(([bytes]) => bytes.every((b, i) => head[i] === b));
  if (known) return `binary file, not a CSV or XLSX export: it is ${known[1]}`;
  // UTF-16 text is full of zero bytes; any other text export has none.
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return undefined;
  const probe = head.subarray(bomLength(encoding), 64 * 1024);
  return probe.includes(0) ? 'binary file, not a CSV or XLSX export (it holds bytes no text export has)' : undefined;
}
