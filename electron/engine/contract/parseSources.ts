// Reads `sources:`: each source's export file (or files: a list or a glob), its system, zone, sheet and canonical fields.
import { isScalar, isSeq } from 'yaml';
import { DECIMAL_MARKS, SYSTEMS, type DateOrder, type SourceSpec } from '../../../shared/contractTypes';
import type { ContractReader, Entry } from './ContractReader';
import { describeTimeZoneProblem } from '../../../shared/describeTimeZoneProblem';
import { SOURCE_KEYS } from '../../../shared/CONTRACT_KEYS';

const REQUIRED_SOURCE_KEYS = ['system', 'file', 'fields'] as const;
const FILE_TYPES = ['.csv', '.tsv', '.txt', '.xlsx'];
const DATE_FORMATS: Record<string, DateOrder> = { 'MM/DD/YYYY': 'MDY', 'DD/MM/YYYY': 'DMY' };

export function readTimeZone(reader: ContractReader, entry: Entry | undefined): string | undefined {
  const zone = reader.readText(entry);
  if (zone === undefined || !entry) return undefined;
  const problem = describeTimeZoneProblem(zone);
  if (problem === undefined) return zone;
  reader.report(reader.lineOf(entry.value, entry.line), entry.key, problem);
  return undefined;
}

/**
 * A `file:` with `*` or `?` is a glob (then also `[...]` and `{a,b}`, picomatch's syntax): a source of every file it
 * matches. Brackets and braces alone do not make one, so a file named `leads [1].csv` still reads as itself.
 */
export function isSourceGlob(file: string): boolean {
  return /[*?]/.test(file);
}

function checkFileType(reader: ContractReader, entry: Entry, file: string): boolean {
  const extension = /\.[^./\\]+$/.exec(file)?.[0].toLowerCase() ?? '';
  if (FILE_TYPES.includes(extension)) return true;
  reader.report(entry.line, entry.key, `'${file}' is not a file type the workbench reads (${FILE_TYPES.join(', ')})`);
  return false;
}

/** `file:` as one path, a glob, or a list of paths and globs; `files` only when it is not one plain path. */
function readFiles(reader: ContractReader, entry: Entry | undefined): { file: string; files?: string[] } | undefined {
  if (!entry) return undefined;
  if (!isSeq(entry.value)) {
    const file = reader.readText(entry);
    if (file === undefined || !checkFileType(reader, entry, file)) return undefined;
    return isSourceGlob(file) ? { file, files: [file] } : { file };
  }
  const items = reader.readItems(entry.value, entry.key, entry.line) ?? [];
  if (items.length === 0) {
    reader.report(entry.line, entry.key, 'needs at least one file');
    return undefined;
  }
  const files = items.map((item) => {
    const file = reader.readText(item);
    return file !== undefined && checkFileType(reader, item, file) ? file : undefined;
  });
  if (!files.every((file) => file !== undefined)) return undefined;
  const workbooks = files.filter((file) => file.toLowerCase().endsWith('.xlsx')).length;
  if (workbooks > 0 && workbooks < files.length) {
    reader.report(entry.line, entry.key, 'the files of one source are all workbooks (.xlsx) or all delimited text, not a mix');
    return undefined;
  }
  return { file: files.join(', '), files };
}

// The spec's own example names a sheet for a .csv file, so a sheet is simply unused outside .xlsx.
function readSheet(reader: ContractReader, entry: Entry | undefined): string | number | undefined {
  const node = entry?.value;
  if (!entry || !isScalar(node) || typeof node.value !== 'number') return reader.readText(entry);
  if (Number.isInteger(node.value) && node.value >= 1) return node.value;
  reader.report(entry.line, entry.key, 'a sheet number counts from 1');
  return undefined;
}

function readFields(reader: ContractReader, entry: Entry, fieldLines: Record<string, number>): Record<string, string> {
  const fields: Record<string, string> = {};
  const entries = reader.readEntries(entry.value, entry.key, entry.line) ?? [];
  if (entries.length === 0) reader.report(entry.line, entry.key, 'needs at least one field (canonical name: column header)');
  const byLowerName = new Map<string, string>();
  for (const field of entries) {
    const clash = byLowerName.get(field.name.toLowerCase());
    if (clash !== undefined) {
      reader.report(field.line, field.key, `field '${field.name}' clashes with '${clash}' (field names are compared ignoring case)`);
      continue;
    }
    byLowerName.set(field.name.toLowerCase(), field.name);
    fieldLines[field.name] = field.line;
    fields[field.name] = reader.readText(field) ?? '';
  }
  return fields;
}

function readSource(reader: ContractReader, entry: Entry, defaultZone: string): SourceSpec {
  const source: SourceSpec = { name: entry.name, system: 'other', file: '', timezone: defaultZone, fields: {}, line: entry.line };
  if (!/^[\p{L}\p{N}_ ]+$/u.test(entry.name) || entry.name.trim() === '') {
    reader.report(entry.line, entry.key, `source name '${entry.name}' may only hold letters, digits, _ and spaces`);
  }
  const map = reader.readFixedMap(entry.value, entry.key, entry.line, SOURCE_KEYS, REQUIRED_SOURCE_KEYS);
  if (!map) return source;
  source.system = reader.readChoice(map.get('system'), SYSTEMS) ?? source.system;
  const files = readFiles(reader, map.get('file'));
  source.file = files?.file ?? '';
  if (files?.files) source.files = files.files;
  const fileEntry = map.get('file');
  if (fileEntry) source.fileLine = fileEntry.line;
  const sheet = readSheet(reader, map.get('sheet'));
  if (sheet !== undefined) source.sheet = sheet;
  source.timezone = readTimeZone(reader, map.get('timezone')) ?? defaultZone;
  const id = map.get('id');
  const idColumn = reader.readText(id);
  if (id && idColumn !== undefined) {
    source.id = idColumn;
    source.idLine = id.line;
  }
  const fields = map.get('fields');
  if (fields) {
    source.fieldLines = {};
    source.fields = readFields(reader, fields, source.fieldLines);
  }
  const dateFormat = reader.readChoice(map.get('date_format'), Object.keys(DATE_FORMATS));
  if (dateFormat !== undefined) source.dateFormat = DATE_FORMATS[dateFormat];
  const decimal = reader.readChoice(map.get('decimal'), DECIMAL_MARKS);
  if (decimal !== undefined) source.decimal = decimal;
  return source;
}

export function parseSources(reader: ContractReader, entry: Entry | undefined, defaultZone: string): SourceSpec[] {
  if (!entry) return [];
  const entries = reader.readEntries(entry.value, entry.key, entry.line);
  if (!entries) return [];
  if (entries.length === 0) reader.report(entry.line, entry.key, 'needs at least one source (one per export file)');
  return entries.map((sourceEntry) => readSource(reader, sourceEntry, defaultZone));
}
