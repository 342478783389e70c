// Shows the long work under way (rows read, step) with a Cancel button, over the screen so nothing shifts.
import { useShallow } from 'zustand/react/shallow';
import type { Progress } from '../../shared/api';
import { formatCount } from '../model/formatCount';
import { useSessionStore } from '../stores/useSessionStore';

function describeProgress(progress: Progress | null): string {
  if (!progress) return 'Starting…';
  const source = progress.source ? ` ${progress.source}` : '';
  switch (progress.step) {
    case 'import':
      return `Reading${source}: ${formatCount(progress.rowsRead ?? 0)} rows read`;
    case 'imported':
      return `Read${source}${progress.rowsRead !== undefined ? `: ${formatCount(progress.rowsRead)} rows` : ''}`;
    case 'reconcile':
      return 'Reconciling the two exports…';
    case 'reconciled':
      return 'Reconciled';
    default:
      return 'Working…';
  }
}

export function ProgressBar() {
  const { work, progress, cancelWork } = useSessionStore(useShallow((s) => ({ work: s.work, progress: s.progress, cancelWork: s.cancelWork })));
  if (!work) return null;
  const text = describeProgress(progress);
  return (
    <div className="progress" role="status">
      <div className="progress-text">
        <strong>{work}</strong>
        <span>{text}</span>
      </div>
      <div className="progress-track" role="progressbar" aria-label={work} aria-valuetext={text}>
        <div className="progress-indeterminate" />
      </div>
      <button type="button" onClick={() => void cancelWork()}>
        Cancel
      </button>
    </div>
  );
}
