// The compare fields of the bridge, in order: what is checked on every pair of records both sides count, and how equal is equal.
import type { CompareDraft, ExportPreview, FieldProblem, SourceDraft } from '../../../shared/api';
import { CompareFieldRow } from './CompareFieldRow';

interface Props {
  left: SourceDraft;
  right: SourceDraft;
  previews: { left: ExportPreview | null; right: ExportPreview | null };
  compare: CompareDraft[];
  currency: string;
  problems: readonly FieldProblem[];
  onChange(compare: CompareDraft[]): void;
  /** The comparisons as they are now: a suggestion that arrives late is applied to these, never to what a render saw. */
  readCompare(): CompareDraft[];
}

/** The amounts first when both sides have one and they are not compared yet; else a pair of columns to choose. */
function proposeEntry(left: SourceDraft, right: SourceDraft, compare: readonly CompareDraft[]): CompareDraft {
  if (left.value && right.value && !compare.some((c) => c.field === 'value')) return { field: 'value', kind: 'amount', tolerance: '0.01' };
  return { field: '', left: '', right: '', kind: 'text' };
}

export function CompareFieldsEditor({ left, right, previews, compare, currency, problems, onChange, readCompare }: Props) {
  const replace = (i: number, entry: CompareDraft) => onChange(compare.map((c, j) => (j === i ? entry : c)));
  // Only onto the same two columns, still without a map: the user may have chosen values or columns since.
  const suggestMap = (i: number, entry: CompareDraft, map: Record<string, string>) => {
    const now = readCompare();
    const current = now[i];
    if (!current || current.map !== undefined || current.left !== entry.left || current.right !== entry.right) return;
    onChange(now.map((c, j) => (j === i ? { ...c, map } : c)));
  };
  const remove = (i: number) => onChange(compare.filter((_, j) => j !== i));
  const moveUp = (i: number) => onChange(compare.map((c, j) => (j === i - 1 ? (compare[i] as CompareDraft) : j === i ? (compare[i - 1] as CompareDraft) : c)));
  return (
    <fieldset className="compare-fields span-3">
      <legend>Compare the records both sides count</legend>
      <p className="hint">
        Checked in this order on every matched pair; the first that differs is the pair&apos;s reason (value_differs, stage_differs...). None: matched records are only counted.
      </p>
      {compare.length > 0 ? (
        <ol className="compare-list">
          {compare.map((entry, i) => (
            <CompareFieldRow
              // Rows are edited in place; their position is their identity (Move up swaps two rows' contents).
              key={i}
              index={i}
              entry={entry}
              left={left}
              right={right}
              previews={previews}
              currency={currency}
              problems={problems.filter((p) => p.field === `compare.${i}`)}
              onChange={(next) => replace(i, next)}
              onSuggestMap={(map) => suggestMap(i, entry, map)}
              onRemove={() => remove(i)}
              onMoveUp={i > 0 ? () => moveUp(i) : undefined}
            />
          ))}
        </ol>
      ) : null}
      <button type="button" onClick={() => onChange([...compare, proposeEntry(left, right, compare)])}>
        Add a comparison
      </button>
    </fieldset>
  );
}
