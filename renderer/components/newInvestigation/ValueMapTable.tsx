// A text comparison's value map: for each value of the left column, the right column's value that means the same (HubSpot stage ids vs Salesforce stage names).
import { useEffect } from 'react';
import type { CompareDraft, SourceDraft } from '../../../shared/api';
import { useColumnValues } from '../rules/useColumnValues';

interface Props {
  /** The comparison's number, naming every control. */
  n: number;
  entry: CompareDraft;
  left: SourceDraft;
  right: SourceDraft;
  onChange(entry: CompareDraft): void;
  /** Proposes a first map; taken only while the comparison still has none (a choice made meanwhile wins). */
  onSuggest(map: Record<string, string>): void;
}

/** closedwon, Closed Won and CLOSED_WON are one word once case, spaces and punctuation go. */
function squash(value: string): string {
  return value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

export function ValueMapTable({ n, entry, left, right, onChange, onSuggest }: Props) {
  const leftValues = useColumnValues(left, entry.left ?? null);
  const rightValues = useColumnValues(right, entry.right ?? null);
  // A map never chosen starts from the values that are the same word on both sides; the user corrects the rest.
  useEffect(() => {
    if (entry.map !== undefined || leftValues.length === 0 || rightValues.length === 0) return;
    const suggested = Object.fromEntries(
      leftValues.flatMap(({ value }) => {
        const same = rightValues.find((r) => squash(r.value) === squash(value));
        return same && same.value !== value ? [[value, same.value]] : [];
      }),
    );
    onSuggest(suggested);
  }, [entry.map, leftValues, rightValues, onSuggest]);
  if (leftValues.length === 0) return null;
  const map = entry.map ?? {};
  return (
    <table className="field-map value-map">
      <caption>{`Comparison ${n}: the right value each left value means (values equal ignoring case need none)`}</caption>
      <thead>
        <tr>
          <th scope="col">{`Left: ${entry.left ?? ''}`}</th>
          <th scope="col">{`Right: ${entry.right ?? ''}`}</th>
        </tr>
      </thead>
      <tbody>
        {leftValues.map(({ value, count }) => (
          <tr key={value}>
            <th scope="row">
              {value} <span className="muted">({count})</span>
            </th>
            <td>
              <select
                aria-label={`Comparison ${n}: ${value} on the right`}
                value={map[value] ?? ''}
                onChange={(e) => {
                  const next = { ...map };
                  if (e.target.value) next[value] = e.target.value;
                  else delete next[value];
                  onChange({ ...entry, map: next });
                }}
              >
                <option value="">(itself)</option>
                {rightValues.map((r) => (
                  <option key={r.value} value={r.value}>
                    {`${r.value} (${r.count})`}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
