// Self-reported attribution's map: each answer found in the opportunities' field, and the channel it is credited to (itself when left empty).
import type { SourceDraft } from '../../../../shared/api';
import { useColumnValues } from '../../rules/useColumnValues';

interface Props {
  label: string;
  /** The opportunities' source and the column of the self-reported field. */
  source: SourceDraft;
  column: string;
  map: Record<string, string>;
  onChange(map: Record<string, string>): void;
}

export function SelfReportedMapTable({ label, source, column, map, onChange }: Props) {
  const answers = useColumnValues(source, column).filter((v) => v.value.trim() !== '');
  if (answers.length === 0) return null;
  const set = (answer: string, channel: string) => {
    const next = { ...map };
    if (channel.trim()) next[answer] = channel;
    else delete next[answer];
    onChange(next);
  };
  return (
    <table className="field-map value-map">
      <caption>{`${label}: the channel each answer is credited to (empty: the answer itself; answers are read trimmed, ignoring case)`}</caption>
      <thead>
        <tr>
          <th scope="col">Answer in {column}</th>
          <th scope="col">Channel</th>
        </tr>
      </thead>
      <tbody>
        {answers.map(({ value, count }) => (
          <tr key={value}>
            <th scope="row">
              {value} <span className="muted">({count})</span>
            </th>
            <td>
              <input type="text" aria-label={`${label}: channel for the answer ${value.trim()}`} value={map[value.trim()] ?? ''} placeholder="(itself)" spellCheck={false} onChange={(e) => set(value.trim(), e.target.value)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
