// One compared field: the amounts, or a column of each side, and when their two values count as equal.
import type { CompareDraft, CompareKind, ExportPreview, FieldProblem, SourceDraft } from '../../../shared/api';
import { nameCompareField } from '../../model/nameCompareField';
import { FieldProblemText, problemId } from './FieldProblemText';
import { ValueMapTable } from './ValueMapTable';

interface Props {
  index: number;
  entry: CompareDraft;
  left: SourceDraft;
  right: SourceDraft;
  previews: { left: ExportPreview | null; right: ExportPreview | null };
  currency: string;
  problems: readonly FieldProblem[];
  onChange(entry: CompareDraft): void;
  /** A value map proposed for this comparison's two columns, once their values are read. */
  onSuggestMap(map: Record<string, string>): void;
  onRemove(): void;
  onMoveUp?: () => void;
}

/** The left select's value for "the amounts": a header starting with a tab is no header any export writes. */
const AMOUNTS = '\t(amounts)';

const KIND_WORDS: Record<CompareKind, string> = {
  amount: 'within an amount',
  percent: 'within a % of the larger amount',
  days: 'dates within days',
  text: 'same text (value map)',
};

/** A column's likely kind: a date column is compared in days, the amount column as an amount, anything else as text. */
function guessKind(column: string, draft: SourceDraft, preview: ExportPreview | null): Pick<CompareDraft, 'kind' | 'tolerance'> {
  if (preview?.dateColumns?.includes(column)) return { kind: 'days', tolerance: '0' };
  if (draft.value && draft.fields[draft.value] === column) return { kind: 'amount', tolerance: '0.01' };
  return { kind: 'text', tolerance: undefined };
}

/** The entry with one side's column chosen, renamed after both columns, its kind guessed anew from the left column. */
function chooseColumn(entry: CompareDraft, side: 'left' | 'right', column: string, props: Props): CompareDraft {
  if (side === 'left' && column === AMOUNTS) return { field: 'value', kind: 'amount', tolerance: '0.01' };
  const next = { ...entry, [side]: column, map: undefined };
  if (entry.field === 'value') Object.assign(next, { right: '' });
  const leftColumn = next.left ?? '';
  const rightColumn = next.right ?? '';
  const field = leftColumn && rightColumn ? nameCompareField(props.left, props.right, leftColumn, rightColumn) : '';
  const kind = side === 'left' || entry.field === 'value' ? guessKind(leftColumn, props.left, props.previews.left) : { kind: entry.kind, tolerance: entry.tolerance };
  return { ...next, ...kind, field };
}

export function CompareFieldRow(props: Props) {
  const { index, entry, left, right, previews, currency, problems, onChange, onSuggestMap, onRemove, onMoveUp } = props;
  const n = index + 1;
  const isValue = entry.field === 'value';
  const bothValued = Boolean(left.value && right.value);
  const kinds: CompareKind[] = isValue ? ['amount', 'percent'] : ['text', 'days', 'amount', 'percent'];
  const unit = entry.kind === 'amount' ? currency : entry.kind === 'percent' ? '%' : entry.kind === 'days' ? 'days' : '';
  const id = problemId(`compare.${index}`);
  const invalid = { 'aria-invalid': problems.length > 0, 'aria-describedby': problems.length > 0 ? id : undefined };
  return (
    <li className="compare-row">
      <div className="compare-controls">
        <label className="field">
          <span>{`Comparison ${n}: left column`}</span>
          <select value={isValue ? AMOUNTS : (entry.left ?? '')} onChange={(e) => onChange(chooseColumn(entry, 'left', e.target.value, props))} {...invalid}>
            <option value="">(choose a column)</option>
            {bothValued ? <option value={AMOUNTS}>the amounts (value)</option> : null}
            {(previews.left?.columns ?? []).map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        {isValue ? null : (
          <label className="field">
            <span>{`Comparison ${n}: right column`}</span>
            <select value={entry.right ?? ''} onChange={(e) => onChange(chooseColumn(entry, 'right', e.target.value, props))} {...invalid}>
              <option value="">(choose a column)</option>
              {(previews.right?.columns ?? []).map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span>{`Comparison ${n}: equal when`}</span>
          <select
            value={entry.kind}
            onChange={(e) => {
              const kind = e.target.value as CompareKind;
              onChange({ ...entry, kind, tolerance: kind === 'text' ? undefined : (entry.tolerance ?? (kind === 'days' ? '0' : kind === 'percent' ? '1' : '0.01')), map: kind === 'text' ? entry.map : undefined });
            }}
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {KIND_WORDS[k]}
              </option>
            ))}
          </select>
        </label>
        {entry.kind === 'text' ? null : (
          <label className="field tolerance">
            <span>{`Comparison ${n} tolerance`}</span>
            <span className="rate-input">
              <input aria-label={`Comparison ${n} tolerance`} type="text" inputMode="decimal" value={entry.tolerance ?? ''} spellCheck={false} onChange={(e) => onChange({ ...entry, tolerance: e.target.value })} {...invalid} />
              {unit}
            </span>
          </label>
        )}
        <div className="compare-actions">
          {entry.field && !isValue ? <span className="muted">{`In the contract: ${entry.field}`}</span> : null}
          {onMoveUp ? (
            <button type="button" className="link-button" onClick={onMoveUp}>
              {`Move comparison ${n} up`}
            </button>
          ) : null}
          <button type="button" className="link-button" onClick={onRemove}>
            {`Remove comparison ${n}`}
          </button>
        </div>
      </div>
      <FieldProblemText id={id} problems={[...problems]} />
      {entry.kind === 'text' && entry.left && entry.right ? <ValueMapTable n={n} entry={entry} left={left} right={right} onChange={onChange} onSuggest={onSuggestMap} /> : null}
    </li>
  );
}
