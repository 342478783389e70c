// The contract's YAML text with line numbers, checked as it is typed, problems listed and their lines marked.
import { useRef } from 'react';
import type { ContractIssue } from '../../shared/api';

interface Props {
  text: string;
  issues: ContractIssue[];
  onEdit(text: string): void;
}

const LINE_HEIGHT = 20;

export function ContractEditor({ text, issues, onEdit }: Props) {
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const backdrop = useRef<HTMLDivElement>(null);
  const lines = text.split('\n');
  const issueLines = new Set(issues.map((i) => i.line));

  const jumpTo = (issue: ContractIssue) => {
    const textarea = area.current;
    if (!textarea) return;
    const offset = lines.slice(0, issue.line - 1).reduce((n, l) => n + l.length + 1, 0) + Math.max(0, (issue.column ?? 1) - 1);
    textarea.focus();
    textarea.setSelectionRange(offset, offset);
    textarea.scrollTop = Math.max(0, (issue.line - 4) * LINE_HEIGHT);
  };

  return (
    <div className="contract-editor">
      <div className="editor">
        <div className="gutter" ref={gutter} aria-hidden="true">
          {lines.map((_, i) => (
            <div key={i} className={issueLines.has(i + 1) ? 'gutter-line gutter-issue' : 'gutter-line'}>
              {i + 1}
            </div>
          ))}
        </div>
        <div className="code">
          <div className="backdrop" ref={backdrop} aria-hidden="true">
            {lines.map((_, i) => (
              <div key={i} className={issueLines.has(i + 1) ? 'backdrop-line backdrop-issue' : 'backdrop-line'} />
            ))}
          </div>
          <textarea
            ref={area}
            aria-label="Contract YAML"
            aria-invalid={issues.length > 0}
            aria-describedby="contract-issues"
            value={text}
            wrap="off"
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            onChange={(e) => onEdit(e.target.value)}
            onScroll={(e) => {
              const top = e.currentTarget.scrollTop;
              if (gutter.current) gutter.current.scrollTop = top;
              if (backdrop.current) backdrop.current.scrollTop = top;
            }}
          />
        </div>
      </div>
      <div id="contract-issues" className="issues" aria-live="polite">
        {issues.length > 0 ? (
          <ul>
            {issues.map((issue) => (
              <li key={`${issue.line}:${issue.column ?? 0}:${issue.key}:${issue.message}`}>
                <button type="button" className="link-button issue-position" onClick={() => jumpTo(issue)}>
                  Line {issue.line}
                  {issue.column !== undefined ? `:${issue.column}` : ''}
                </button>{' '}
                {issue.key ? <code>{issue.key}</code> : null} {issue.message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
