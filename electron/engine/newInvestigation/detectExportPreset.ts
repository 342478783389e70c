// Recognises which system an export came from by its header, and suggests how its columns map to canonical fields.
import type { ExportPreset } from '../../../shared/api';
import { nameDateField } from '../../../shared/nameDateField';

interface Preset {
  name: ExportPreset;
  system: 'marketing' | 'sales';
  /** Every one of these headers (ignoring case) must be present. */
  requires: string[];
  id: string[];
}

// Headers as each system writes them in its standard exports.
const PRESETS: Preset[] = [
  { name: 'hubspot', system: 'marketing', requires: ['record id', 'lifecycle stage'], id: ['record id'] },
  { name: 'marketo', system: 'marketing', requires: ['email address', 'created at'], id: ['id', 'marketo id'] },
  { name: 'pardot', system: 'marketing', requires: ['score', 'grade'], id: ['prospect id', 'id'] },
  { name: 'salesforce_report', system: 'sales', requires: ['create date'], id: ['lead id', 'contact id', 'opportunity id'] },
  { name: 'salesforce_data_loader', system: 'sales', requires: ['id', 'createddate'], id: ['id'] },
];

/** Canonical field -> header pattern, for the columns worth carrying besides the key and the date. */
const FIELD_PATTERNS: [string, RegExp][] = [
  ['lifecycle_stage', /^lifecycle ?stage$/i],
  ['status', /^(lead )?status$/i],
  ['source', /^(original |lead )?source$|^leadsource$|^origin$/i],
  ['company', /^(company( name)?|company \/ account|account name)$/i],
];

const EMAIL = /^(e-?mail( address)?)$/i;
/** A header that names an identifier (`mql_id`, `Record ID`, `AccountId`) is never a date, whatever its words. */
const ID_LIKE = /(^|[\s_-])id$|[a-z]Id$|^id$/i;
const DATE_NAME = /date|time|stamp|(^|[\s_])(at|on)$|^created|modified/i;

export interface PresetGuess {
  preset: ExportPreset | null;
  system: 'marketing' | 'sales' | 'other';
  id?: string;
  fields: Record<string, string>;
  dateField?: string;
}

export function isIdLikeHeader(column: string): boolean {
  return ID_LIKE.test(column.trim());
}

/**
 * `dateColumns`: the columns whose values read as dates (previewExport samples them); without it the
 * header alone decides which columns may be dates.
 */
export function detectExportPreset(columns: string[], dateColumns?: readonly string[]): PresetGuess {
  const lower = new Map(columns.map((c) => [c.trim().toLowerCase(), c]));
  const preset = PRESETS.find((p) => p.requires.every((h) => lower.has(h)));
  const fields: Record<string, string> = {};
  const email = columns.find((c) => EMAIL.test(c.trim()));
  if (email) fields.key = email;
  const dates = columns.filter((c) => !isIdLikeHeader(c) && (dateColumns ? dateColumns.includes(c) : DATE_NAME.test(c)));
  // The dates whose meaning has a settled name are carried; the anchor is one of them, else the first date.
  for (const column of dates) {
    const name = nameDateField(column);
    if ((name === 'mql_date' || name === 'created_date') && !fields[name]) fields[name] = column;
  }
  const system = preset?.system ?? 'other';
  const dateField =
    (system === 'marketing' && fields.mql_date ? 'mql_date' : undefined) ?? (fields.created_date ? 'created_date' : undefined) ?? (dates[0] ? nameDateField(dates[0]) : undefined);
  if (dateField && !fields[dateField] && dates[0]) fields[dateField] = dates[0];
  for (const [field, pattern] of FIELD_PATTERNS) {
    const column = columns.find((c) => pattern.test(c.trim()) && !Object.values(fields).includes(c));
    if (column) fields[field] = column;
  }
  const id = preset?.id.map((h) => lower.get(h)).find((c) => c !== undefined);
  return { preset: preset?.name ?? null, system, id, fields, dateField };
}
