// A side's money: the column whose amounts the metric adds up (its value) and the column that says each row's currency.
import type { ExportPreview, FieldProblem, SourceDraft } from '../../../shared/api';
import { pairCurrencyColumns } from '../../../shared/pairCurrencyColumns';
import { selectProblems } from '../../model/selectProblems';
import { LabelledField } from './LabelledField';

interface Props {
  label: 'Left' | 'Right';
  preview: ExportPreview;
  draft: SourceDraft;
  problems: readonly FieldProblem[];
  onChange(draft: SourceDraft): void;
}

/** The canonical name the form gives the amount column. */
const AMOUNT_FIELD = 'amount';

function chooseAmount(draft: SourceDraft, column: string): SourceDraft {
  const fields = { ...draft.fields };
  const field = draft.value ?? AMOUNT_FIELD;
  if (!column) {
    delete fields[field];
    return { ...draft, fields, value: undefined };
  }
  return { ...draft, fields: { ...fields, [field]: column }, value: field };
}

function chooseCurrency(draft: SourceDraft, column: string): SourceDraft {
  const fields = { ...draft.fields };
  if (column) fields.currency = column;
  else delete fields.currency;
  return { ...draft, fields };
}

export function AmountChoices({ label, preview, draft, problems, onChange }: Props) {
  const lower = label.toLowerCase();
  const amount = draft.value ? (draft.fields[draft.value] ?? '') : '';
  const currency = draft.fields.currency ?? '';
  // Salesforce multi-currency reports: `Amount Currency` beside `Amount` is read without being chosen.
  const companion = pairCurrencyColumns(preview.columns).find((pair) => pair.amount === amount)?.currency;
  const amountProblems = selectProblems(problems, ['value', ...(draft.value ? [`fields.${draft.value}`] : [])]);
  const currencyProblems = selectProblems(problems, ['fields.currency']);
  const ids = { amount: `${lower}-amount-problem`, currency: `${lower}-currency-problem` };
  const described = (messages: readonly string[], id: string) => ({ 'aria-invalid': messages.length > 0 || undefined, 'aria-describedby': messages.length > 0 ? id : undefined });
  return (
    <div className="amount-choices mapping-grid">
      <LabelledField
        title={`${label} amount`}
        problemId={ids.amount}
        messages={amountProblems}
        hint={amount ? 'The bridge adds these up on each side, besides counting records.' : 'Optional: a deal or opportunity amount makes the bridge a money bridge.'}
      >
        <select value={amount} {...described(amountProblems, ids.amount)} onChange={(e) => onChange(chooseAmount(draft, e.target.value))}>
          <option value="">(no amount: count records only)</option>
          {preview.columns.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </LabelledField>
      {amount ? (
        <LabelledField
          title={`${label} currency column`}
          problemId={ids.currency}
          messages={currencyProblems}
          hint={
            currency
              ? "Each row's ISO code (USD, EUR) is read from this column; it wins over a symbol written in the amount."
              : companion
                ? `Each row's currency is read from '${companion}', Salesforce's column beside '${amount}'.`
                : 'Without one, a code or symbol written in the amount (EUR 1.234,56, $12,500) says the currency; a bare number is in the reporting currency.'
          }
        >
          <select value={currency} {...described(currencyProblems, ids.currency)} onChange={(e) => onChange(chooseCurrency(draft, e.target.value))}>
            <option value="">(none: read from the amounts)</option>
            {preview.columns.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </LabelledField>
      ) : null}
    </div>
  );
}
