// Words for a date column whose values do not all read as dates, the same next to the field and in the engine's checks.
import type { DatePreview } from './api';

const SHOWN_EXAMPLES = 5;

/** Undefined when every non-empty value reads as a date. */
export function describeUnreadableDates(preview: DatePreview): string | undefined {
  if (preview.unreadable === 0) return undefined;
  const all = preview.unreadableExamples ?? [];
  const examples = all.slice(0, SHOWN_EXAMPLES).map((v) => `'${v}'`);
  const more = all.length > SHOWN_EXAMPLES ? ', ...' : '';
  const which = examples.length > 0 ? `: ${examples.join(', ')}${more}` : '';
  const verb = preview.unreadable === 1 ? 'does' : 'do';
  return `${preview.unreadable} of ${preview.nonEmpty} values of '${preview.column}' ${verb} not read as dates${which}`;
}
