// Puts the contract's problems into the editor: underlines with their messages (lint diagnostics), problem lines' numbers marked in the gutter and their lines tinted.
import { setDiagnostics } from '@codemirror/lint';
import { RangeSet, StateEffect, StateField, type Extension, type Text } from '@codemirror/state';
import { Decoration, EditorView, GutterMarker, lineNumberMarkers, type DecorationSet } from '@codemirror/view';
import type { ContractIssue } from '../../../shared/api';
import { convertIssuesToDiagnostics } from './convertIssuesToDiagnostics';

class IssueLineNumber extends GutterMarker {
  override elementClass = 'gutter-issue';
}

const ISSUE_LINE_NUMBER = new IssueLineNumber();
const ISSUE_LINE = Decoration.line({ class: 'cm-issue-line' });
const setIssueLines = StateEffect.define<readonly number[]>();

interface IssueLines {
  numbers: RangeSet<GutterMarker>;
  lines: DecorationSet;
}

function markIssueLines(doc: Text, lineNumbers: readonly number[]): IssueLines {
  const starts = [...new Set(lineNumbers.map((n) => doc.line(Math.min(Math.max(1, n), doc.lines)).from))].sort((a, b) => a - b);
  return { numbers: RangeSet.of(starts.map((from) => ISSUE_LINE_NUMBER.range(from))), lines: Decoration.set(starts.map((from) => ISSUE_LINE.range(from))) };
}

const issueLines = StateField.define<IssueLines>({
  create: () => ({ numbers: RangeSet.empty, lines: Decoration.none }),
  update(value, transaction) {
    for (const effect of transaction.effects) if (effect.is(setIssueLines)) return markIssueLines(transaction.state.doc, effect.value);
    // Lines typed above a problem move its mark with it until the next check says where the problems are.
    return transaction.docChanged ? { numbers: value.numbers.map(transaction.changes), lines: value.lines.map(transaction.changes) } : value;
  },
  provide: (field) => [lineNumberMarkers.from(field, (value) => value.numbers), EditorView.decorations.from(field, (value) => value.lines)],
});

export const contractIssueMarkers: Extension = issueLines;

export function showContractIssues(view: EditorView, issues: readonly ContractIssue[]): void {
  const diagnostics = setDiagnostics(view.state, convertIssuesToDiagnostics(view.state.doc, issues));
  const effects = diagnostics.effects === undefined ? [] : Array.isArray(diagnostics.effects) ? diagnostics.effects : [diagnostics.effects];
  view.dispatch({ effects: [...(effects as StateEffect<unknown>[]), setIssueLines.of(issues.map((issue) => issue.line))] });
}
