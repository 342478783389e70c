// The name a side's key goes by in the contract a form writes: `id`, a field the column already has, else `key`.
import type { SourceDraft } from './api';

/**
 * `id` when the side is matched on its record id; else the canonical name another field gives the key's column
 * (a HubSpot deal's `sf_opportunity_id`), so the contract says what the key is; else the form's own `key`.
 */
export function nameKeyField(draft: SourceDraft): string {
  if (draft.keyIsId) return 'id';
  const column = draft.fields.key;
  if (!column) return 'key';
  const named = Object.entries(draft.fields).find(([name, c]) => c === column && name !== 'key' && name !== draft.dateField && name !== draft.value);
  return named?.[0] ?? 'key';
}
