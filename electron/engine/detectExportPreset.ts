// Recognises which system an export came from by its header, and suggests how its columns map to fields.
import type { ExportPreset } from '../../shared/api';

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

/** Canonical field -> header patterns, most specific first. */
const FIELD_PATTERNS: [string, RegExp][] = [
  ['email', /^(e-?mail( address)?|email)$/i],
  ['mql_at', /(became a marketing qualified lead|mql) ?(date|at)?/i],
  ['created_at', /^(create(d)?( ?date| ?at)?|createddate|create date)$/i],
  ['lifecycle_stage', /lifecycle ?stage/i],
  ['status', /^(lead )?status$/i],
  ['source', /^(original |lead )?source$|^leadsource$/i],
  ['company', /^(company( name)?|company \/ account|account name)$/i],
];

export interface PresetGuess {
  preset: ExportPreset | null;
  system: 'marketing' | 'sales' | 'other';
  id?: string;
  fields: Record<string, string>;
  dateField?: string;
}

export function detectExportPreset(columns: string[]): PresetGuess {
  const lower = new Map(columns.map((c) => [c.trim().toLowerCase(), c]));
  const preset = PRESETS.find((p) => p.requires.every((h) => lower.has(h)));
  const fields: Record<string, string> = {};
  for (const [field, pattern] of FIELD_PATTERNS) {
    const column = columns.find((c) => pattern.test(c.trim()) && !Object.values(fields).includes(c));
    if (column) fields[field] = column;
  }
  const id = preset?.id.map((h) => lower.get(h)).find((c) => c !== undefined);
  const dateField = preset?.system === 'marketing' && fields.mql_at ? 'mql_at' : fields.created_at ? 'created_at' : Object.keys(fields).find((f) => f.endsWith('_at'));
  return { preset: preset?.name ?? null, system: preset?.system ?? 'other', id, fields, dateField };
}
