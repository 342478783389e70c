// Recognises which system an export came from by its header, and suggests how its columns map to canonical fields.
import type { ExportPreset, ExportRecords, RevenueExportKind } from '../../../shared/api';
import { nameDateField } from '../../../shared/nameDateField';
import { pairCurrencyColumns } from '../../../shared/pairCurrencyColumns';
import { isSpendSheet, suggestRevenueFields } from './suggestRevenueFields';

interface Preset {
  name: ExportPreset;
  system: 'marketing' | 'sales' | 'finance';
  /** Every one of these headers (ignoring case) must be present. */
  requires: string[];
  id: string[];
  /** Money records (money.md): the amount, currency, stage and close date are suggested too. */
  records?: ExportRecords;
  /** An export of revenue.md (contact roles, conversions, tasks): its own fields are suggested. */
  kind?: RevenueExportKind;
}

// Headers as each system writes them in its standard exports.
const PRESETS: Preset[] = [
  // revenue.md's exports first: a contact-roles report also carries the opportunity's name and stage, a lead report with
  // conversion fields the lead's, a task report a Create Date.
  { name: 'salesforce_report', system: 'sales', requires: ['contact role'], id: [], kind: 'contact_roles' },
  { name: 'salesforce_data_loader', system: 'sales', requires: ['opportunityid', 'contactid', 'role'], id: ['id'], kind: 'contact_roles' },
  { name: 'salesforce_report', system: 'sales', requires: ['converted', 'converted date'], id: ['lead id'], kind: 'lead_conversions' },
  { name: 'salesforce_data_loader', system: 'sales', requires: ['id', 'isconverted', 'convertedopportunityid'], id: ['id'], kind: 'lead_conversions' },
  { name: 'salesforce_report', system: 'sales', requires: ['activity id', 'subject'], id: ['activity id'], kind: 'tasks' },
  { name: 'salesforce_data_loader', system: 'sales', requires: ['id', 'whoid', 'subject'], id: ['id'], kind: 'tasks' },
  { name: 'hubspot', system: 'sales', requires: ['activity date', 'activity type'], id: ['record id', 'activity id'], kind: 'tasks' },
  // Touches: Marketo Measure (Bizible) Buyer Touchpoints as a Salesforce report or by their API names, Salesforce
  // campaign members (report, Data Loader CampaignMember), HubSpot form submissions.
  { name: 'marketo_measure', system: 'marketing', requires: ['touchpoint date', 'marketing channel'], id: ['buyer touchpoint id', 'buyer touchpoint name', 'touchpoint id', 'id'], kind: 'touches' },
  { name: 'salesforce_data_loader', system: 'marketing', requires: ['bizible2__touchpoint_date__c', 'bizible2__marketing_channel__c'], id: ['id'], kind: 'touches' },
  { name: 'salesforce_report', system: 'marketing', requires: ['campaign name', 'member status'], id: ['campaign member id'], kind: 'touches' },
  { name: 'salesforce_data_loader', system: 'marketing', requires: ['campaignid', 'status', 'hasresponded'], id: ['id'], kind: 'touches' },
  { name: 'hubspot', system: 'marketing', requires: ['conversion page'], id: ['conversion id', 'submission id'], kind: 'touches' },
  // Deals and opportunities first: their exports also carry the headers of the contact and lead presets below.
  { name: 'hubspot', system: 'marketing', requires: ['record id', 'deal name', 'deal stage'], id: ['record id'], records: 'deals' },
  { name: 'salesforce_report', system: 'sales', requires: ['opportunity name', 'stage'], id: ['opportunity id', 'id'], records: 'opportunities' },
  { name: 'salesforce_data_loader', system: 'sales', requires: ['id', 'stagename', 'createddate'], id: ['id'], records: 'opportunities' },
  { name: 'hubspot', system: 'marketing', requires: ['record id', 'lifecycle stage'], id: ['record id'] },
  // A contacts export without a lifecycle stage but with its conversion and source properties: one touch per contact.
  { name: 'hubspot', system: 'marketing', requires: ['record id', 'recent conversion date', 'latest source'], id: ['record id'], kind: 'touches' },
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

/** Canonical field -> header pattern of deals and opportunities (HubSpot deal properties, Salesforce Opportunity fields), best first. */
const MONEY_PATTERNS: [string, RegExp[]][] = [
  ['amount', [/^amount$/i, /^(deal )?amount( in company currency)?$|^amount \(converted\)$/i]],
  ['stage', [/^(deal ?stage|stage ?name|stage)$/i]],
  ['lead_source', [/^(lead ?source|deal source|original source( type)?|original traffic source)$/i]],
  ['sf_opportunity_id', [/salesforce.*opportunity.*id|^sf(dc)?[ _]?opportunity[ _]?id$/i]],
];
/** A per-row currency column: HubSpot's `Currency`, Data Loader's CurrencyIsoCode. */
const CURRENCY = /^(currency|currency ?iso ?code|currency code|deal currency( code)?)$/i;

const EMAIL = /^(e-?mail( address)?)$/i;
/** A header that names an identifier (`mql_id`, `Record ID`, `AccountId`) is never a date, whatever its words. */
const ID_LIKE = /(^|[\s_-])id$|[a-z]Id$|^id$/i;
const DATE_NAME = /date|time|stamp|(^|[\s_])(at|on)$|^created|modified/i;

export interface PresetGuess {
  preset: ExportPreset | null;
  records?: ExportRecords;
  kind?: RevenueExportKind;
  system: 'marketing' | 'sales' | 'finance' | 'other';
  id?: string;
  fields: Record<string, string>;
  dateField?: string;
}

/**
 * Amount, currency, stage, lead source and, on deals, the column holding the Salesforce opportunity id, which
 * is then the key (two systems' records of one opportunity); on opportunities the key is the record id.
 */
function suggestMoneyFields(columns: string[], fields: Record<string, string>, id: string | undefined, records: ExportRecords): void {
  const free = (c: string) => c !== id && !Object.values(fields).includes(c);
  for (const [field, patterns] of MONEY_PATTERNS) {
    const column = patterns.map((pattern) => columns.find((c) => pattern.test(c.trim()) && free(c))).find((c) => c !== undefined);
    if (column) fields[field] = column;
  }
  // Salesforce multi-currency reports put each row's code in `Amount Currency`, beside `Amount`.
  const amount = fields.amount;
  const currency = pairCurrencyColumns(columns).find((pair) => pair.amount === amount)?.currency ?? columns.find((c) => CURRENCY.test(c.trim()) && free(c));
  if (currency) fields.currency = currency;
  const key = records === 'deals' ? fields.sf_opportunity_id : id;
  if (key) fields.key = key;
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
  const spend: Preset = { name: 'spend_sheet', system: 'finance', requires: [], id: [], kind: 'spend' };
  const preset = PRESETS.find((p) => p.requires.every((h) => lower.has(h))) ?? (isSpendSheet(columns) ? spend : undefined);
  const fields: Record<string, string> = {};
  const email = columns.find((c) => EMAIL.test(c.trim()));
  if (email) fields.key = email;
  const dates = columns.filter((c) => !isIdLikeHeader(c) && (dateColumns ? dateColumns.includes(c) : DATE_NAME.test(c)));
  // The dates whose meaning has a settled name are carried; the anchor is one of them, else the first date.
  for (const column of dates) {
    const name = nameDateField(column);
    const carried = name === 'mql_date' || name === 'created_date' || (preset?.records !== undefined && name === 'close_date');
    if (carried && !fields[name]) fields[name] = column;
  }
  const system = preset?.system ?? 'other';
  const kindDate = preset?.kind ? suggestRevenueFields(columns, fields, preset.kind) : undefined;
  const dateField =
    kindDate ??
    (system === 'marketing' && fields.mql_date ? 'mql_date' : undefined) ?? (fields.created_date ? 'created_date' : undefined) ?? (dates[0] ? nameDateField(dates[0]) : undefined);
  if (dateField && !fields[dateField] && dates[0]) fields[dateField] = dates[0];
  const id = preset?.id.map((h) => lower.get(h)).find((c) => c !== undefined);
  if (preset?.records) suggestMoneyFields(columns, fields, id, preset.records);
  for (const [field, pattern] of FIELD_PATTERNS) {
    const column = columns.find((c) => pattern.test(c.trim()) && !Object.values(fields).includes(c));
    if (column) fields[field] = column;
  }
  return { preset: preset?.name ?? null, ...(preset?.records ? { records: preset.records } : {}), ...(preset?.kind ? { kind: preset.kind } : {}), system, id, fields, dateField };
}
