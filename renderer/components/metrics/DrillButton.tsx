// The drill of a card: a count that lists its records below, named by what it lists.
import { formatCount } from '../../model/formatCount';

export function DrillButton({ label, count, onClick }: { label: string; count: number; onClick(): void }) {
  return (
    <button type="button" className="drill-button" aria-label={`${label}: ${count} record${count === 1 ? '' : 's'}`} onClick={onClick}>
      {label} ({formatCount(count)})
    </button>
  );
}
