// Shows the long work under way (step, what it does, bytes or rows, share done, time) with a Cancel button, over the screen so nothing shifts.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { describeProgressDetail, describeProgressStep, formatProgressPercent } from '../../shared/describeProgress';
import { useSessionStore } from '../stores/useSessionStore';

/** Seconds since the panel opened, ticking once a second: the bar says the work is alive even when DuckDB's estimate stands still. */
function useElapsedSeconds(): number {
  const [started] = useState(() => Date.now());
  const [now, setNow] = useState(started);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, Math.round((now - started) / 1000));
}

export function ProgressBar() {
  const work = useSessionStore((s) => s.work);
  // A panel per piece of work: its clock and its Cancel start afresh.
  return work ? <ProgressPanel key={work} work={work} /> : null;
}

function ProgressPanel({ work }: { work: string }) {
  const { progress, cancelWork } = useSessionStore(useShallow((s) => ({ progress: s.progress, cancelWork: s.cancelWork })));
  const [cancelling, setCancelling] = useState(false);
  const elapsed = useElapsedSeconds();
  const step = progress ? describeProgressStep(progress) : 'Starting…';
  const detail = progress ? describeProgressDetail(progress) : '';
  const percent = progress ? formatProgressPercent(progress) : null;
  const text = [step, detail, percent].filter(Boolean).join(', ');
  const cancel = () => {
    setCancelling(true);
    void cancelWork();
  };
  return (
    <div className="progress" role="status">
      <div className="progress-text">
        <strong>{work}</strong>
        <span className="progress-step">{step}</span>
        {detail && <span className="progress-detail">{detail}</span>}
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={work}
        aria-valuetext={text}
        {...(progress?.fraction === undefined ? {} : { 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': Math.floor(progress.fraction * 100) })}
      >
        {progress?.fraction === undefined ? <div className="progress-indeterminate" /> : <div className="progress-fill" style={{ width: `${progress.fraction * 100}%` }} />}
      </div>
      <span className="progress-figures">
        {percent && <span className="progress-percent">{percent}</span>}
        <span className="progress-elapsed">{elapsed} s</span>
      </span>
      <button type="button" onClick={cancel} disabled={cancelling}>
        {cancelling ? 'Cancelling…' : 'Cancel'}
      </button>
    </div>
  );
}
