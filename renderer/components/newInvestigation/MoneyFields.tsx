// The investigation's currency: the one amounts are reported in, and a rate for every other currency found in the chosen amount columns.
import type { FieldProblem } from '../../../shared/api';
import { listForeignCurrencies, type FoundCurrencies } from '../../../shared/checkCurrencyRates';
import { FieldProblemText, problemId } from './FieldProblemText';

interface Props {
  currency: string;
  rates: Record<string, string>;
  currencies: FoundCurrencies;
  problems: readonly FieldProblem[];
  onChange(patch: { currency?: string; rates?: Record<string, string> }): void;
}

function sayCarriers(left: number, right: number): string {
  const part = (n: number, side: string) => (n > 0 ? [`${n} amount${n === 1 ? '' : 's'} of the ${side} export`] : []);
  return [...part(left, 'left'), ...part(right, 'right')].join(' and ');
}

export function MoneyFields({ currency, rates, currencies, problems, onChange }: Props) {
  const code = currency.trim().toUpperCase();
  const foreign = listForeignCurrencies({ currency }, currencies);
  const at = (field: string) => problems.filter((p) => p.field === field);
  const described = (field: string) => ({ 'aria-invalid': at(field).length > 0, 'aria-describedby': at(field).length > 0 ? problemId(field) : undefined });
  const found = [...new Set([...currencies.left, ...currencies.right].map((c) => c.value).filter((v) => /^[A-Z]{3}$/.test(v)))];
  return (
    <fieldset className="money-fields span-3">
      <legend>Money</legend>
      <div className="field">
        <label className="field">
          <span>Reporting currency</span>
          <input type="text" list="found-currencies" value={currency} placeholder="USD" maxLength={3} spellCheck={false} onChange={(e) => onChange({ currency: e.target.value.toUpperCase() })} {...described('currency')} />
        </label>
        <datalist id="found-currencies">
          {found.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <span className="hint">Every amount is converted to it, then rounded to cents, before anything is added up.</span>
        <FieldProblemText id={problemId('currency')} problems={at('currency')} />
      </div>
      {foreign.length === 0 && code ? <p className="muted hint">{`Every amount read is in ${code}: no rate is needed.`}</p> : null}
      {foreign.map(({ code: other, left, right }) =>
        other === '$' ? (
          <FieldProblemText key={other} id={problemId('rates.$')} problems={at('rates.$')} />
        ) : (
          <div className="field rate-field" key={other}>
            <label className="field">
              <span>{`Rate of ${other} in ${code || 'the reporting currency'}`}</span>
              <span className="rate-input">
                {`1 ${other} =`}
                <input
                  // The label's "1 EUR = ... USD" around the input would otherwise join its name.
                  aria-label={`Rate of ${other} in ${code || 'the reporting currency'}`}
                  type="text"
                  inputMode="decimal"
                  value={rates[other] ?? ''} placeholder="1.08" spellCheck={false} onChange={(e) => onChange({ rates: { ...rates, [other]: e.target.value } })} {...described(`rates.${other}`)} />
                {code}
              </span>
            </label>
            {/* The problem says the same and more while the rate is missing. */}
            {at(`rates.${other}`).length === 0 ? <span className="hint">{`${sayCarriers(left, right)} ${left + right === 1 ? 'is' : 'are'} in ${other}.`}</span> : null}
            <FieldProblemText id={problemId(`rates.${other}`)} problems={at(`rates.${other}`)} />
          </div>
        ),
      )}
    </fieldset>
  );
}
