// One line saying how an export was read: rows, encoding, delimiter, and the title and footer lines left out.
import type { ExportPreview } from '../../shared/api';
import { formatCount } from './formatCount';

const ENCODINGS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 with BOM',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252',
};

const DELIMITERS: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

function plural(count: number, word: string): string {
  return `${formatCount(count)} ${word}${count === 1 ? '' : 's'}`;
}

export function describeExportDialect(preview: ExportPreview): string {
  const { dialect } = preview;
  const parts = [`${plural(preview.rows, 'row')} read`];
  if (preview.sheet !== undefined) parts.push(`sheet "${preview.sheet}"`);
  else parts.push(ENCODINGS[dialect.encoding] ?? dialect.encoding);
  if (dialect.delimiter !== undefined) parts.push(`${DELIMITERS[dialect.delimiter] ?? `"${dialect.delimiter}"`}-separated`);
  const count = (reason: string) => dialect.dropped.filter((d) => d.reason === reason).length;
  const titles = count('title_row');
  const footers = count('report_footer');
  const unparsed = count('unparseable_row');
  const left = [titles && plural(titles, 'title line'), footers && plural(footers, 'footer line'), unparsed && plural(unparsed, 'unreadable line')].filter(Boolean);
  parts.push(left.length > 0 ? `left out ${left.join(', ')}` : 'no title or footer lines');
  return parts.join(' · ');
}
