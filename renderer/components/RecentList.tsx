// Recent investigations: each with its period and when it was last opened ("2 hours ago", the exact time on hover).
import type { RecentInvestigation } from '../../shared/api';
import { formatRelativeTime } from '../model/formatRelativeTime';

interface Props {
  recent: RecentInvestigation[];
  busy: boolean;
  onOpen(contractPath: string): void;
}

export function RecentList({ recent, busy, onOpen }: Props) {
  if (recent.length === 0) return <p className="muted">None yet: investigations you open are listed here.</p>;
  return (
    <ul className="recent">
      {recent.map((item) => (
        <li key={item.contractPath}>
          <button type="button" className="recent-item" disabled={busy} aria-label={`Reopen ${item.title}`} onClick={() => onOpen(item.contractPath)}>
            <span className="recent-title">{item.title}</span>
            {item.period ? (
              <span className="recent-period">
                {item.period.from} to {item.period.to} ({item.period.timezone})
              </span>
            ) : null}
            <span className="recent-path">{item.contractPath}</span>
            <span className="recent-date">
              Opened <time dateTime={item.openedAt} title={new Date(item.openedAt).toLocaleString()}>{formatRelativeTime(item.openedAt)}</time>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
