// The contract's problems as editor diagnostics: underlined at their line, from their column to the end of the word there (the whole entry for a key) when the column is known.
import type { Diagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import type { ContractIssue } from '../../../shared/api';

const WORD_END = /^[^\s,:{}[\]]*/;

export function convertIssuesToDiagnostics(doc: Text, issues: readonly ContractIssue[]): Diagnostic[] {
  return issues.map((issue) => {
    const line = doc.line(Math.min(Math.max(1, issue.line), doc.lines));
    let from: number;
    let to: number;
    if (issue.column !== undefined) {
      from = line.from + Math.min(Math.max(0, issue.column - 1), line.length);
      const rest = line.text.slice(from - line.from);
      const word = WORD_END.exec(rest)?.[0] ?? '';
      // A column at a key means the entry: its value is underlined with it.
      to = rest.startsWith(`${word}:`) && word !== '' ? line.to : Math.min(line.to, from + Math.max(1, word.length));
    } else {
      // The whole line but its indent: the key and value the message is about.
      from = line.from + (line.text.length - line.text.trimStart().length);
      to = line.to;
    }
    return { from, to, severity: 'error', message: issue.message, ...(issue.key ? { source: issue.key } : {}) };
  });
}
