// The canonical fields of revenue.md's exports (contact roles, lead conversions, tasks, spend, touches), named as revenue.md writes them.
import type { RevenueExportKind } from '../../../shared/api';

/** Canonical field -> header patterns, best first, per kind (report labels and Data Loader API names alike). */
const KIND_PATTERNS: Record<RevenueExportKind, [string, RegExp[]][]> = {
  contact_roles: [
    ['opportunity_id', [/^opportunity ?id$/i, /^opportunity_id$/i]],
    ['contact_id', [/^contact ?id$/i, /^contact_id$/i]],
    ['is_primary', [/^(is ?)?primary$/i, /^is_primary$/i]],
    ['role', [/^(contact )?role$/i]],
  ],
  lead_conversions: [
    ['converted', [/^(is ?)?converted$/i]],
    ['converted_date', [/^converted ?date$/i]],
    ['converted_opportunity_id', [/^converted ?opportunity ?id$/i, /^converted ?opportunity$/i]],
    ['converted_contact_id', [/^converted ?contact ?id$/i]],
  ],
  tasks: [
    // When it was done beats when it was due.
    ['done_at', [/^completed ?date ?time$/i, /^completed ?date$/i, /^activity ?date$/i, /^date$/i, /^due ?date$/i]],
    ['type', [/^(task ?type|activity ?type|type|task ?subtype|call ?outcome)$/i]],
    ['subject', [/^subject$/i]],
    ['who_id', [/^who ?id$/i]],
    ['status', [/^status$/i]],
  ],
  touches: [
    // When the person responded (a campaign member never responded is no touch), else when the touch happened.
    [
      'touched_at',
      [
        /^touchpoint ?date$/i,
        /^bizible2__touchpoint_date__c$/i,
        /^first ?responded ?date$/i,
        /^(conversion|submission|submitted) ?(date|at|on)$/i,
        /^(submitted|timestamp)$/i,
        /^recent ?conversion ?date$/i,
        /^first ?conversion ?date$/i,
      ],
    ],
    // A form submission with no source column is credited to its page (a choice the analyst sees and may change).
    [
      'channel',
      [/^marketing ?channel$/i, /^bizible2__marketing_channel__c$/i, /^campaign ?type$/i, /^campaign\.type$/i, /^channel$/i, /^latest ?source$/i, /^original ?source$/i, /^conversion ?page$/i],
    ],
    ['campaign', [/^campaign ?name$/i, /^campaign\.name$/i, /^(sf )?campaign$/i, /^ad ?campaign ?name$/i, /^bizible2__ad_campaign_name__c$/i, /^form( ?name)?$/i, /^conversion ?page$/i, /^recent ?conversion$/i]],
    ['channel_path', [/^marketing ?channel ?-? ?path$/i, /^bizible2__marketing_channel_path__c$/i]],
    ['position', [/^touchpoint ?position$/i, /^bizible2__touchpoint_position__c$/i]],
    ['member_status', [/^member ?status$/i, /^status$/i]],
    ['responded', [/^(has ?)?responded$/i]],
    ['lead_or_contact_id', [/^lead\/contact ?id$/i, /^lead ?or ?contact ?id$/i]],
    ['lead_id', [/^lead ?id$/i, /^bizible2__lead__c$/i]],
    ['contact_id', [/^contact ?id$/i, /^bizible2__contact__c$/i]],
  ],
  spend: [
    ['month', [/^(month|period|date|spend ?month)$/i]],
    ['channel', [/^(channel|marketing ?channel|source)$/i]],
    ['amount', [/^(amount|spend|cost|actual ?cost)$/i]],
  ],
};

/** The date each kind is read by: the SLA's `done_at`, the spend's `month`, a conversion's date, a touch's `touched_at`. */
const KIND_DATES: Record<RevenueExportKind, string | undefined> = { contact_roles: undefined, lead_conversions: 'converted_date', tasks: 'done_at', spend: 'month', touches: 'touched_at' };

function findColumn(columns: readonly string[], patterns: RegExp[], taken: readonly string[]): string | undefined {
  return patterns.map((pattern) => columns.find((c) => pattern.test(c.trim()) && !taken.includes(c))).find((c) => c !== undefined);
}

/** A sheet of month, channel and amount and little else: finance's spend, recognised by what its columns are, not by a system's labels. */
export function isSpendSheet(columns: readonly string[]): boolean {
  const found = KIND_PATTERNS.spend.map(([, patterns]) => findColumn(columns, patterns, []));
  const distinct = new Set(found);
  return found.every((c) => c !== undefined) && distinct.size === found.length && columns.length <= 6;
}

/**
 * Adds the kind's fields to `fields` (a column already carried under another name is moved to the kind's) and returns
 * the date field the kind is read by, when the file has it.
 */
export function suggestRevenueFields(columns: readonly string[], fields: Record<string, string>, kind: RevenueExportKind): string | undefined {
  // The key, and the columns the kind's earlier (better) fields took, are not taken again.
  const taken = fields.key ? [fields.key] : [];
  for (const [field, patterns] of KIND_PATTERNS[kind]) {
    const column = findColumn(columns, patterns, taken);
    if (!column) continue;
    taken.push(column);
    for (const [name, carried] of Object.entries(fields)) if (carried === column && name !== 'key') delete fields[name];
    fields[field] = column;
  }
  const date = KIND_DATES[kind];
  return date && fields[date] ? date : undefined;
}
