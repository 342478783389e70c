// The first values of the date that counts, as exported and as read in the file's zone.
import type { DatePreviewState } from './useDatePreview';

interface Props {
  label: 'Left' | 'Right';
  timezone: string;
  state: DatePreviewState;
}

export function DatePreviewTable({ label, timezone, state }: Props) {
  const { preview, error, loading } = state;
  if (!timezone.trim()) return <p className="muted date-preview-note">Choose the file&apos;s time zone to see how these dates read.</p>;
  if (error) return <p className="muted date-preview-note">No preview: {error}</p>;
  if (!preview) return loading ? <p className="muted date-preview-note">Reading the dates…</p> : null;
  return (
    <table className="date-preview" aria-label={`${label} date preview`} aria-busy={loading}>
      <thead>
        <tr>
          <th scope="col">As exported</th>
          <th scope="col">Reads as ({timezone.trim()})</th>
        </tr>
      </thead>
      <tbody>
        {preview.values.map((v, i) => (
          <tr key={i} className={v.reporting === null ? 'unreadable' : undefined}>
            <td className="file">{v.exported}</td>
            <td>{v.reporting ?? 'not a date'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
