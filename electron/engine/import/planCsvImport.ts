// Decides from the head and tail of a delimited file how to load it: dialect, footer, and whether DuckDB can read it as is.
import { UserError } from '../UserError';
import { bomLength, byteLengthIn, decoderLabel, type SourceEncoding } from './detectEncoding';
import { detectFooter, type Footer } from './detectFooter';
import type { FileSample } from './readSample';
import { sniffDialect, type Dialect } from './sniffDialect';

export interface CsvPlan {
  encoding: SourceEncoding;
  dialect: Dialect;
  footer: Footer | null;
  bodyStart: number; // first byte after the BOM
  bodyEnd: number; // first byte of the footer, or the file size
  /** Old Mac line breaks (CR alone), as Excel for Mac's "CSV (Macintosh)" still writes. */
  crOnly: boolean;
  /** UTF-8, header on line 1, no footer: DuckDB may read the original file. */
  direct: boolean;
}

export function planCsvImport(filePath: string, extension: string, sample: FileSample, encoding: SourceEncoding): CsvPlan {
  const bodyStart = bomLength(encoding);
  const wholeFile = sample.head.length === sample.size;
  const label = decoderLabel(encoding);
  const decoded = new TextDecoder(label).decode(sample.head.subarray(bodyStart), { stream: !wholeFile });
  const crOnly = decoded.includes('\r') && !decoded.includes('\n');
  // A CR for an LF keeps every length, in characters and in bytes.
  const asLf = (text: string) => (crOnly ? text.replaceAll('\r', '\n') : text);
  const headText = asLf(decoded);
  const dialect = sniffDialect(headText, wholeFile, extension);
  if (!dialect) throw new UserError(`${filePath}: no header row found (the file holds only blank lines)`, 'no_header');
  const tailText = wholeFile ? headText : asLf(new TextDecoder(label).decode(sample.tail));
  let footer = detectFooter(tailText, dialect.delimiter, dialect.columnCount);
  let bodyEnd = sample.size;
  if (footer) {
    const footerStart = sample.size - byteLengthIn(encoding, footer.text);
    const headerEnd = bodyStart + byteLengthIn(encoding, headText.slice(0, endOfLine(headText, dialect.header.line + dialect.header.lineCount - 1)));
    if (footerStart >= headerEnd) bodyEnd = footerStart;
    else footer = null;
  }
  return {
    encoding,
    dialect,
    footer,
    bodyStart,
    bodyEnd,
    crOnly,
    direct: encoding.startsWith('utf-8') && dialect.header.line === 1 && !footer && !crOnly,
  };
}

// Index just past the line break that ends 1-based line `line` (or the text's end).
function endOfLine(text: string, line: number): number {
  let at = -1;
  for (let n = 0; n < line; n++) {
    at = text.indexOf('\n', at + 1);
    if (at === -1) return text.length;
  }
  return at + 1;
}
