// The contract's YAML in a code editor (CodeMirror): highlighted, checked as it is typed, each problem underlined at its line and listed beside it.
import { EditorView } from '@codemirror/view';
import { Compartment, EditorState } from '@codemirror/state';
import { useEffect, useRef } from 'react';
import type { ContractIssue } from '../../shared/api';
import { createContractEditorExtensions } from './contractEditor/createContractEditorExtensions';
import { showContractIssues } from './contractEditor/showContractIssues';
import { sourceColumns } from './contractEditor/sourceColumns';
import { syncEditorText } from './contractEditor/syncEditorText';

interface Props {
  text: string;
  issues: ContractIssue[];
  onEdit(text: string): void;
  /** Each source's export headers, for completion; none while unknown. */
  columns?: Readonly<Record<string, readonly string[]>>;
}

const NO_COLUMNS: Readonly<Record<string, readonly string[]>> = {};
const LABEL = 'Contract YAML';

export function ContractEditor({ text, issues, onEdit, columns = NO_COLUMNS }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The editor is made once; these refs give it the latest callback and the text it starts from.
  const latest = useRef({ onEdit, text });
  /**
   * Texts the editor reported and the store has not yet given back. The store's text arrives a render later; by
   * then more may have been typed, and an older echo pushed into the editor would undo those keys.
   */
  const reported = useRef<string[]>([]);
  const columnsSlot = useRef(new Compartment());
  const validity = useRef(new Compartment());

  useEffect(() => {
    latest.current.onEdit = onEdit;
  }, [onEdit]);

  useEffect(() => {
    const parent = host.current;
    if (!parent) return undefined;
    const editor = new EditorView({
      parent,
      state: EditorState.create({
        doc: latest.current.text,
        extensions: [
          createContractEditorExtensions(LABEL, (edited) => {
            reported.current.push(edited);
            latest.current.onEdit(edited);
          }),
          columnsSlot.current.of(sourceColumns.of(NO_COLUMNS)),
          validity.current.of([]),
          EditorView.contentAttributes.of({ 'aria-describedby': 'contract-issues' }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      view.current = null;
      editor.destroy();
    };
  }, []);

  useEffect(() => {
    latest.current.text = text;
    const echoed = reported.current.lastIndexOf(text);
    if (echoed >= 0) {
      reported.current.splice(0, echoed + 1);
      return;
    }
    // Changed elsewhere (Discard, a rule added by the rule builder): that text replaces what is shown.
    reported.current = [];
    if (view.current) syncEditorText(view.current, text);
  }, [text]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    showContractIssues(editor, issues);
    editor.dispatch({ effects: validity.current.reconfigure(EditorView.contentAttributes.of({ 'aria-invalid': issues.length > 0 ? 'true' : 'false' })) });
  }, [issues]);

  useEffect(() => {
    view.current?.dispatch({ effects: columnsSlot.current.reconfigure(sourceColumns.of(columns)) });
  }, [columns]);

  const jumpTo = (issue: ContractIssue) => {
    const editor = view.current;
    if (!editor) return;
    const doc = editor.state.doc;
    const line = doc.line(Math.min(Math.max(1, issue.line), doc.lines));
    // Without a column, the cursor goes where the underline starts: the line's first character after its indent.
    const column = issue.column === undefined ? line.text.length - line.text.trimStart().length : issue.column - 1;
    const at = line.from + Math.min(line.length, Math.max(0, column));
    editor.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'center' }) });
    editor.focus();
  };

  return (
    <div className="contract-editor">
      <div className="editor code-editor" ref={host} />
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
