// The checks of the new-investigation form that need no disk: the form runs them as you type, the engine again before Create.
import type { FieldProblem, NewInvestigation, SourceDraft } from './api';
import { checkMoneyForm } from './checkMoneyForm';
import { checkRevenueForm } from './checkRevenueForm';
import { describeTimeZoneProblem } from './describeTimeZoneProblem';
import { suggestTimeZones } from './suggestTimeZones';

const SOURCE_NAME = /^[\p{L}\p{N}_ ]+$/u;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function checkZone(field: string, zone: string): FieldProblem[] {
  if (zone.trim() === '') return [{ field, message: field === 'timezone' ? 'choose the reporting time zone' : 'choose the time zone the file writes its times in' }];
  const message = describeTimeZoneProblem(zone);
  if (message === undefined) return [];
  const [suggestion] = suggestTimeZones(zone, 1);
  return [{ field, message, ...(suggestion ? { suggestion } : {}) }];
}

function describeDateProblem(value: string): string | undefined {
  if (value.trim() === '') return 'enter a date';
  const match = ISO_DATE.exec(value);
  if (!match) return `'${value}' is not a date written YYYY-MM-DD`;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? undefined : `'${value}' is not a calendar date`;
}

function checkPeriod(from: string, to: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const fromProblem = describeDateProblem(from);
  const toProblem = describeDateProblem(to);
  if (fromProblem) problems.push({ field: 'from', message: `period start: ${fromProblem}` });
  if (toProblem) problems.push({ field: 'to', message: `period end: ${toProblem}` });
  // ISO dates compare as text.
  if (!fromProblem && !toProblem && to < from) {
    problems.push({ field: 'to', message: `the period ends (${to}) before it starts (${from}): swap the dates` });
  }
  return problems;
}

function checkSource(side: 'left' | 'right', draft: SourceDraft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const at = (field: string, message: string) => problems.push({ field: `${side}.${field}`, message });
  if (draft.file.trim() === '') at('file', `choose the ${side} export file`);
  if (draft.name.trim() === '') at('name', 'name this source');
  else if (!SOURCE_NAME.test(draft.name)) at('name', `source name '${draft.name}' may only hold letters, digits, _ and spaces`);
  if (draft.metric.trim() === '') at('metric', 'name what this side counts (the metric)');
  problems.push(...checkZone(`${side}.timezone`, draft.timezone));
  if (draft.keyIsId && !draft.id) at('fields.key', 'the key is the record id, but the record id is the row number: choose an id column, or a column as the key');
  else if (!draft.keyIsId && !draft.fields.key) at('fields.key', 'choose the column that says two records are the same (the key)');
  if (!draft.fields[draft.dateField]) at('dateField', 'choose the date that puts a record in the period');
  const seen = new Set<string>();
  for (const rule of draft.exclude ?? []) {
    if (seen.has(rule.name)) at(`exclude.${rule.name}`, `two exclude rules are named '${rule.name}': rename one`);
    seen.add(rule.name);
  }
  return problems;
}

/** Every problem the form's values show by themselves, by field path (`title`, `to`, `left.fields.key`...). */
export function checkInvestigationForm(spec: NewInvestigation): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (spec.title.trim() === '') problems.push({ field: 'title', message: 'give the investigation a title' });
  problems.push(...checkPeriod(spec.from, spec.to));
  problems.push(...checkZone('timezone', spec.timezone));
  const path = spec.contractPath.trim();
  if (path === '') problems.push({ field: 'contractPath', message: 'choose where the contract file goes' });
  else if (!path.endsWith('.recon.yaml')) problems.push({ field: 'contractPath', message: 'the contract file name must end in .recon.yaml', suggestion: `${path.replace(/(\.recon)?\.ya?ml$/i, '')}.recon.yaml` });
  problems.push(...checkSource('left', spec.left), ...checkSource('right', spec.right));
  if (spec.left.name.trim() !== '' && spec.left.name.trim().toLowerCase() === spec.right.name.trim().toLowerCase()) {
    problems.push({ field: 'right.name', message: `both sources are named '${spec.right.name}': the two need different names` });
  }
  if (spec.left.metric.trim() !== '' && spec.left.metric.trim() === spec.right.metric.trim()) {
    problems.push({ field: 'right.metric', message: `both sides count '${spec.right.metric}': the two metrics need different names` });
  }
  problems.push(...checkMoneyForm(spec), ...checkRevenueForm(spec));
  return problems;
}
