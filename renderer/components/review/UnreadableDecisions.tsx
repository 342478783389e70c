// Lines of the decisions file the workbench could not read: each named by its line number and why, left in the file as they are.
import type { DecisionFileLine } from '../../../shared/reviewTypes';

export function UnreadableDecisions({ file, lines }: { file: string; lines: DecisionFileLine[] }) {
  if (lines.length === 0) return null;
  return (
    <div className="note unreadable-decisions">
      {lines.length === 1 ? 'One line' : `${lines.length} lines`} of {file} could not be read and {lines.length === 1 ? 'is' : 'are'} left in the file as {lines.length === 1 ? 'it is' : 'they are'}:
      <ul className="plain-list">
        {lines.map((line) => (
          <li key={line.line}>
            line {line.line}: {line.problem ?? 'unreadable'}
          </li>
        ))}
      </ul>
    </div>
  );
}
