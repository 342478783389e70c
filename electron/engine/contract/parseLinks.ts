// Reads `links:` (revenue.md): pairs connecting records of different grain, e.g. an opportunity and the people on it.
import type { SourceSpec } from '../../../shared/contractTypes';
import type { LinkSpec } from '../../../shared/revenueContractTypes';
import type { ContractReader, Entry } from './ContractReader';
import { readNormalizers } from './readNormalizers';
import { readFieldName, readSourceName } from './readReferences';
import { LINK_KEYS, LINK_NORMALIZE_KEYS } from '../../../shared/CONTRACT_KEYS';

const REQUIRED_LINK_KEYS = ['source', 'from', 'to'] as const;

function readLink(reader: ContractReader, entry: Entry, sources: SourceSpec[]): LinkSpec {
  const link: LinkSpec = { name: entry.name, source: '', from: '', to: '', normalizeFrom: ['trim'], line: entry.line };
  const map = reader.readFixedMap(entry.value, entry.key, entry.line, LINK_KEYS, REQUIRED_LINK_KEYS);
  if (!map) return link;
  const { name, source } = readSourceName(reader, map.get('source'), sources);
  link.source = name;
  link.from = readFieldName(reader, map.get('from'), source);
  link.to = readFieldName(reader, map.get('to'), source);
  const normalize = map.get('normalize');
  if (normalize) {
    const sides = reader.readFixedMap(normalize.value, normalize.key, normalize.line, LINK_NORMALIZE_KEYS, []);
    link.normalizeFrom = readNormalizers(reader, sides?.get('from'), ['trim']);
    const to = sides?.get('to');
    if (to) link.normalizeTo = readNormalizers(reader, to);
  }
  const primaryEntry = map.get('primary');
  const primary = reader.readText(primaryEntry);
  if (primary !== undefined && primaryEntry) {
    link.primary = primary;
    link.primaryLine = primaryEntry.line;
  }
  return link;
}

export function parseLinks(reader: ContractReader, entry: Entry | undefined, sources: SourceSpec[]): LinkSpec[] {
  if (!entry) return [];
  const entries = reader.readEntries(entry.value, entry.key, entry.line);
  if (!entries) return [];
  if (entries.length === 0) reader.report(entry.line, entry.key, 'needs at least one link (name: source, from, to), or leave the key out');
  return entries.map((linkEntry) => readLink(reader, linkEntry, sources));
}
