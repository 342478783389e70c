// The money checks of the new-investigation form (money.md): amounts on both sides or neither, the currency and rates, the key's normalisers, the compare fields.
import type { CompareDraft, FieldProblem, NewInvestigation, SourceDraft } from './api';

const ISO_CODE = /^[A-Z]{3}$/;
const DECIMAL = /^\d+(\.\d+)?$/;
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

function checkAmounts(spec: NewInvestigation): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const side of ['left', 'right'] as const) {
    const draft = spec[side];
    const other = spec[side === 'left' ? 'right' : 'left'];
    if (draft.value && !draft.fields[draft.value]) problems.push({ field: `${side}.value`, message: 'choose the column that holds the amount' });
    else if (!draft.value && other.value) problems.push({ field: `${side}.value`, message: `the ${side === 'left' ? 'right' : 'left'} side adds up amounts: choose this side's amount column too, or neither` });
  }
  return problems;
}

function checkCurrency(spec: NewInvestigation): FieldProblem[] {
  const currency = (spec.currency ?? '').trim();
  const problems: FieldProblem[] = [];
  if (currency === '' && (spec.left.value || spec.right.value)) problems.push({ field: 'currency', message: 'choose the currency the bridge reports amounts in (an ISO code: USD, EUR...)' });
  else if (currency !== '' && !ISO_CODE.test(currency.toUpperCase())) problems.push({ field: 'currency', message: `'${currency}' is not a currency code: write three letters (USD, EUR, GBP)` });
  for (const [code, rate] of Object.entries(spec.rates ?? {})) {
    if (!DECIMAL.test(rate.trim()) || Number(rate) <= 0) problems.push({ field: `rates.${code}`, message: `the rate of ${code} must be a positive number (how many ${currency || 'reporting currency units'} one ${code} is worth), not '${rate}'` });
  }
  return problems;
}

/** The canonical fields a compared column would clash with: the same name on a side already given to another column. */
function findClash(entry: CompareDraft, draft: SourceDraft, column: string | undefined): string | undefined {
  const mapped = Object.entries(draft.fields).find(([name]) => name.toLowerCase() === entry.field.toLowerCase());
  return mapped && mapped[1] !== '' && mapped[1] !== column ? mapped[1] : undefined;
}

function checkCompareEntry(spec: NewInvestigation, entry: CompareDraft, at: (message: string) => void): void {
  const tolerance = (entry.tolerance ?? '').trim();
  if (entry.field === 'value') {
    if (!spec.left.value || !spec.right.value) at('comparing amounts needs an amount column on both sides');
    if (entry.kind !== 'amount' && entry.kind !== 'percent') at('amounts are equal within an amount or a percentage');
  } else {
    if (entry.field !== '' && !FIELD_NAME.test(entry.field)) at(`'${entry.field}' cannot name a field: use letters, digits and _, starting with a letter`);
    for (const side of ['left', 'right'] as const) {
      const column = entry[side];
      if (!column) at(`choose the ${side} column to compare`);
      const clash = findClash(entry, spec[side], column);
      if (clash) at(`the ${side} side already names the column '${clash}' ${entry.field}: name this comparison otherwise`);
    }
  }
  if (entry.kind === 'text') return;
  if (!DECIMAL.test(tolerance)) at(`the tolerance must be a number of ${entry.kind === 'days' ? 'days' : entry.kind === 'percent' ? 'percent' : 'currency units'}${tolerance ? `, not '${tolerance}'` : ''}`);
  else if (entry.kind === 'days' && !/^\d+$/.test(tolerance)) at(`the tolerance in days is a whole number, not '${tolerance}'`);
}

function checkCompare(spec: NewInvestigation): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  (spec.compare ?? []).forEach((entry, i) => {
    const at = (message: string) => problems.push({ field: `compare.${i}`, message });
    if (seen.has(entry.field.toLowerCase())) at(`'${entry.field}' is compared twice: remove one`);
    seen.add(entry.field.toLowerCase());
    checkCompareEntry(spec, entry, at);
  });
  return problems;
}

/** Every problem of the form's money choices, by field path (`left.value`, `currency`, `rates.EUR`, `normalize`, `compare.0`...). */
export function checkMoneyForm(spec: NewInvestigation): FieldProblem[] {
  const problems = [...checkAmounts(spec), ...checkCurrency(spec), ...checkCompare(spec)];
  const normalize = spec.normalize ?? [];
  if (normalize.includes('salesforce_id') && normalize.includes('lowercase')) {
    problems.push({ field: 'normalize', message: 'Salesforce ids are case sensitive (0068c00000AbCdE is not 0068c00000abcde): ignoring case cannot go with reading Salesforce ids' });
  }
  return problems;
}
