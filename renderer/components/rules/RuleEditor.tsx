// The rule builder's new rule: column, operator and value(s) in, the contract's expression, its words and its live count out.
import { useState } from 'react';
import type { RuleDraft, SourceDraft } from '../../../shared/api';
import {
  buildRemainingRuleExpression,
  buildRuleExpression,
  DATE_OPERATORS,
  findRulePartsProblem,
  TEXT_OPERATORS,
  type RuleOperator,
  type RuleParts,
} from '../../../shared/buildRuleExpression';
import { describeOperator, describeRule, proposeRuleName } from '../../../shared/describeRule';
import { listDateFields } from '../../../shared/listDateFields';
import { formatCount } from '../../model/formatCount';
import { useColumnValues } from './useColumnValues';
import { useLiveRuleCount } from './useLiveRuleCount';

interface Props {
  /** Names every control ("Left rule column"...). */
  label: string;
  source: SourceDraft;
  /** The file's own columns. */
  columns: string[];
  /** The metric's rules so far: the new one comes after them and needs a name of its own. */
  rules: RuleDraft[];
  reportingZone?: string;
  /** The Add button's visible text ("Add rule", "Insert into the contract"). */
  addText: string;
  onAdd(rule: RuleDraft): void;
}

/** Value chips shown for "is one of": the most frequent values; others are typed. */
const CHIPS = 24;

/** Choices of the column menu: a canonical field (`field:`) or a file column (`column:`); both are written by name. */
function splitChoice(choice: string): string {
  return choice.slice(choice.indexOf(':') + 1);
}

function readValues(operator: RuleOperator, value: string, lines: string): string[] {
  if (operator === 'is_empty') return [];
  if (operator === 'is_one_of') return lines.split('\n').map((v) => v.trim()).filter((v) => v !== '');
  return [value.trim()];
}

export function RuleEditor({ label, source, columns, rules, reportingZone, addText, onAdd }: Props) {
  const fields = Object.entries(source.fields).filter(([, column]) => column !== '').map(([field]) => field);
  const dateFields = [...listDateFields(fields, [source.dateField])].map((f) => f.toLowerCase());
  const [choice, setChoice] = useState('');
  const [operator, setOperator] = useState<RuleOperator>('is');
  const [value, setValue] = useState('');
  const [lines, setLines] = useState('');
  const [typedName, setTypedName] = useState<string | null>(null);

  // A choice the source no longer offers (another file was read, a field unmapped) counts as no choice.
  const offered = choice.startsWith('field:') ? fields.includes(splitChoice(choice)) : columns.includes(splitChoice(choice));
  const column = offered ? splitChoice(choice) : '';
  // DuckDB names ignore case: a file column spelled like a date field is that field's timestamp in a rule.
  const isDate = column !== '' && dateFields.includes(column.toLowerCase());
  const operators = isDate ? DATE_OPERATORS : TEXT_OPERATORS;
  const shownOperator = operators.includes(operator) ? operator : (operators[0] as RuleOperator);
  const parts: RuleParts = { column, operator: shownOperator, values: readValues(shownOperator, value, lines), isDate };
  const problem = findRulePartsProblem(parts);
  const expression = problem ? null : buildRuleExpression(parts);
  const earlier = rules.map((r) => r.expression);
  const suggests = shownOperator === 'is' || shownOperator === 'is_not' || shownOperator === 'is_one_of';
  const suggestions = useColumnValues(source, column !== '' && !isDate && suggests ? column : null);
  const chosen = new Set(parts.values);
  const toggleValue = (v: string) => setLines((chosen.has(v) ? parts.values.filter((x) => x !== v) : [...parts.values, v]).join('\n'));
  const live = useLiveRuleCount(source, expression && buildRemainingRuleExpression(expression, earlier), reportingZone);
  const proposed = expression ? proposeRuleName(parts, rules.map((r) => r.name)) : '';
  const name = typedName ?? proposed;
  const clash = rules.find((r) => r.name.toLowerCase() === name.trim().toLowerCase());
  const nameProblem = !expression ? null : name.trim() === '' ? 'Give the rule a name.' : clash ? `Another rule is already called ${clash.name}.` : null;
  const id = `rule-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

  // A rule the engine could not count (unknown column, unreadable file...) would fail the contract too.
  const addable = expression !== null && nameProblem === null && live.error === null;
  const add = () => {
    if (!addable) return;
    onAdd({ name: name.trim(), expression, description: describeRule(parts) });
    setValue('');
    setLines('');
    setTypedName(null);
  };

  return (
    <div className="rule-editor">
      <div className="rule-row">
        <label className="field">
          <span>
            <span className="visually-hidden">{label} rule </span>Column
          </span>
          <select value={offered ? choice : ''} onChange={(e) => setChoice(e.target.value)}>
            <option value="">(choose a column)</option>
            {fields.length > 0 ? (
              <optgroup label="Fields of the contract">
                {fields.map((f) => (
                  <option key={f} value={`field:${f}`}>
                    {f} ({source.fields[f]}{dateFields.includes(f.toLowerCase()) ? ', a date' : ''})
                  </option>
                ))}
              </optgroup>
            ) : null}
            <optgroup label="Columns of the file">
              {columns.map((c) => (
                <option key={c} value={`column:${c}`}>
                  {c}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <label className="field">
          <span>
            <span className="visually-hidden">{label} rule </span>Operator
          </span>
          <select value={shownOperator} onChange={(e) => setOperator(e.target.value as RuleOperator)}>
            {operators.map((o) => (
              <option key={o} value={o}>
                {describeOperator(o, isDate)}
              </option>
            ))}
          </select>
        </label>
        {shownOperator === 'is_one_of' ? (
          <div className="rule-value">
            <label className="field">
              <span>
                <span className="visually-hidden">{label} rule </span>Values, one per line
              </span>
              <textarea rows={3} value={lines} spellCheck={false} onChange={(e) => setLines(e.target.value)} />
            </label>
            {suggestions.length > 0 ? (
              <div className="value-chips" role="group" aria-label={`${label} rule values in the file`}>
                {suggestions.slice(0, CHIPS).map((s) => (
                  <button key={s.value} type="button" className="value-chip" aria-pressed={chosen.has(s.value)} onClick={() => toggleValue(s.value)}>
                    {s.value} <span className="chip-count">{formatCount(s.count)}</span>
                  </button>
                ))}
              </div>
            ) : null}
          </div>
        ) : shownOperator === 'is_empty' ? null : (
          <label className="field rule-value">
            <span>
              <span className="visually-hidden">{label} rule </span>
              {isDate ? 'Date' : 'Value'}
            </span>
            <input type={isDate ? 'date' : 'text'} value={value} spellCheck={false} list={suggests && suggestions.length > 0 ? `${id}-values` : undefined}
              onChange={(e) => setValue(e.target.value)}
              onKeyDown={(e) => {
                // Enter adds the rule rather than submitting the form around the builder.
                if (e.key !== 'Enter') return;
                e.preventDefault();
                add();
              }}
            />
          </label>
        )}
      </div>
      <datalist id={`${id}-values`}>
        {suggestions.map((s) => (
          <option key={s.value} value={s.value} label={`${formatCount(s.count)} records`} />
        ))}
      </datalist>
      {shownOperator === 'contains' || shownOperator === 'starts_with' ? (
        <p className="muted rule-hint">Ignores upper and lower case; every character of the value is matched as typed.</p>
      ) : shownOperator === 'is_not' ? (
        <p className="muted rule-hint">Empty values are never matched by “is not”: add an “is empty” rule for those.</p>
      ) : isDate ? (
        <p className="muted rule-hint">Compares the calendar date{reportingZone ? ` in ${reportingZone}` : ''}; “after” starts the next day.</p>
      ) : null}
      <div className="rule-preview">
        {expression ? (
          <>
            <p className="rule-words">{describeRule(parts)}</p>
            <code className="rule-expression">{expression}</code>
          </>
        ) : (
          <p className="muted">{problem}</p>
        )}
        <p className={`rule-count${live.error ? ' rule-count-bad' : ''}${live.pending ? ' rule-count-pending' : ''}`} role="status" aria-label={`${label} rule count`}>
          {!expression ? null : live.error ? (
            live.error
          ) : live.count ? (
            <>
              Would remove <strong>{formatCount(live.count.matched)}</strong> of {formatCount(live.count.total)} records
              {earlier.length > 0 ? ' not already removed by the rules above' : ''}
            </>
          ) : (
            'Counting…'
          )}
        </p>
      </div>
      <div className="rule-row rule-add">
        <label className="field grow">
          <span>
            <span className="visually-hidden">{label} </span>Rule name
          </span>
          <input type="text" value={name} spellCheck={false} disabled={!expression} aria-invalid={nameProblem !== null} aria-describedby={`${id}-name-problem`}
            onChange={(e) => setTypedName(e.target.value)}
          />
        </label>
        <button type="button" className="primary" disabled={!addable} onClick={add}>
          {addText}
          <span className="visually-hidden"> ({label})</span>
        </button>
      </div>
      <p id={`${id}-name-problem`} className="rule-name-problem">
        {nameProblem}
      </p>
    </div>
  );
}
