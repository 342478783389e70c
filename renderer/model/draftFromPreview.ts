// The first draft of one side from what its export's preview suggests: key, id and the date that counts, in canonical names.
import type { ExportPreview, SourceDraft } from '../../shared/api';

/** Where the layout says nothing of the file's zone, the person's own zone is the likeliest: they ran the export. */
function suggestTimezone(preview: ExportPreview): string {
  if (preview.timezone) return preview.timezone;
  // A Salesforce report's zone is its running user's: asked, never guessed (the hint says so).
  if (preview.preset === 'salesforce_report') return '';
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** What a side counts, said as its file is named: `webinar_signups` counts "Webinar signups". */
function nameAfterFile(base: string): string {
  const words = base.replace(/[_\-.\s]+/g, ' ').trim();
  return words ? `${words.charAt(0).toUpperCase()}${words.slice(1)}` : 'Records';
}

/** What the side counts: MQLs and CRM leads, or, for deals and opportunities, each system's pipeline. */
function suggestMetric(preview: ExportPreview, base: string): string {
  if (preview.system === 'marketing') return preview.records ? 'Marketing pipeline' : 'MQL';
  if (preview.system === 'sales') return preview.records ? 'CRM pipeline' : 'CRM Lead';
  return nameAfterFile(base);
}

/** `previous`: the draft of the same file before another sheet was read; the names typed in it are kept. */
export function draftFromPreview(preview: ExportPreview, side: string, previous: SourceDraft | null): SourceDraft {
  const base = preview.file.split(/[\\/]/).pop()?.replace(/\.[^.]+$/, '') ?? side;
  const name = preview.preset ? preview.preset.replace(/_.*/, '') : base.replace(/[^A-Za-z0-9_]+/g, '_');
  const dateField = preview.dateField ?? '';
  const kept = previous && previous.file === preview.file ? previous : null;
  // An opportunity is matched on its own id (money.md `match: id`); its id column is no key of its own then.
  const keyIsId = preview.records === 'opportunities' && preview.id !== undefined && preview.fields.key === preview.id;
  const suggested = Object.fromEntries(Object.entries(preview.fields).filter(([field]) => field !== 'key'));
  return {
    name: kept?.name ?? name,
    system: kept?.system ?? preview.system,
    file: preview.file,
    ...(preview.sheets ? { sheet: preview.sheet } : {}),
    timezone: kept?.timezone ?? suggestTimezone(preview),
    id: preview.id,
    // The key is always listed, chosen or not, so the form can say it is still needed.
    fields: keyIsId ? suggested : { key: '', ...preview.fields },
    metric: kept?.metric ?? suggestMetric(preview, base),
    dateField,
    ...(keyIsId ? { keyIsId } : {}),
    // Deals and opportunities are summed in money as well as counted.
    ...(preview.records && preview.fields.amount ? { value: 'amount' } : {}),
  };
}
