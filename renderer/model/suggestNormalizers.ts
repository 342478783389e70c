// The key normalisers to propose: Salesforce ids read by their 15-character form when both keys hold them, else the e-mail defaults.
import type { ExportPreview, SourceDraft } from '../../shared/api';
import type { Normalizer } from '../../shared/contractTypes';
import { DEFAULT_NORMALIZERS } from '../../shared/NORMALIZER_WORDS';

/** 15 or 18 letters and digits: Salesforce's record id (0068c00000AbCdE, 0068c00000AbCdEAAU). */
const SALESFORCE_ID = /^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$/;

export const SALESFORCE_NORMALIZERS: Normalizer[] = ['trim', 'salesforce_id'];

/** Every non-empty first value of the side's key (its record id when that is the key) looks like a Salesforce id. */
function holdsSalesforceIds(draft: SourceDraft | null, preview: ExportPreview | null): boolean {
  const column = draft?.keyIsId ? draft.id : draft?.fields.key;
  const at = column && preview ? preview.columns.indexOf(column) : -1;
  if (!preview || at < 0) return false;
  const values = preview.sampleRows.map((row) => (row[at] ?? '').trim()).filter((v) => v !== '');
  // Ids carry digits: a 15-letter word is no id.
  return values.length > 0 && values.every((v) => SALESFORCE_ID.test(v) && /\d/.test(v));
}

/** [trim, salesforce_id] when both keys look like Salesforce ids (never with lowercase: their case matters), else [trim, lowercase]. */
export function suggestNormalizers(drafts: { left: SourceDraft | null; right: SourceDraft | null }, previews: { left: ExportPreview | null; right: ExportPreview | null }): Normalizer[] {
  const both = holdsSalesforceIds(drafts.left, previews.left) && holdsSalesforceIds(drafts.right, previews.right);
  return both ? SALESFORCE_NORMALIZERS : DEFAULT_NORMALIZERS;
}
