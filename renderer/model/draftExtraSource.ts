// The first draft of an extra export from its preview: named after what it is (contact_roles, tasks, spend...) or its file, every suggested field carried.
import type { ExportPreview, ExtraSourceDraft } from '../../shared/api';

/** A source name not taken yet: `tasks`, else `tasks_2`... */
function pickFreeName(base: string, taken: readonly string[]): string {
  const lower = taken.map((t) => t.toLowerCase());
  if (!lower.includes(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!lower.includes(`${base}_${n}`.toLowerCase())) return `${base}_${n}`;
}

export function draftExtraSource(preview: ExportPreview, taken: readonly string[]): ExtraSourceDraft {
  const file = preview.file.split(/[\\/]/).pop()?.replace(/\.[^.]+$/, '') ?? 'export';
  const base = preview.kind ?? (preview.records === 'opportunities' ? 'opportunities' : file.replace(/[^A-Za-z0-9_]+/g, '_').toLowerCase() || 'export');
  const fields = { ...preview.fields };
  // An opportunity's key is its own id: the record id says it already, and no person is keyed on it.
  if (preview.records === 'opportunities' && fields.key === preview.id) delete fields.key;
  // People are matched across sources on the field named `key` (touches, funnel stages, SLAs): where no e-mail was
  // found, the row is offered for the column that names the person (an id both systems carry).
  else if (fields.key === undefined && preview.records === undefined && preview.kind !== 'spend') fields.key = '';
  return {
    name: pickFreeName(base, taken),
    system: preview.system,
    file: preview.file,
    ...(preview.sheets ? { sheet: preview.sheet } : {}),
    // Where the layout does not say, the person who ran the export is the likeliest to know: their zone, editable.
    timezone: preview.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    ...(preview.id ? { id: preview.id } : {}),
    fields,
    ...(preview.kind ? { kind: preview.kind } : {}),
  };
}
