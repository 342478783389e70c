// The contract editor's behaviour: YAML with 2-space indents, history, search, bracket matching, completion, problem markers, and each edit reported.
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, indentOnInput, indentUnit } from '@codemirror/language';
import { lintGutter, lintKeymap } from '@codemirror/lint';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { EditorState, type Extension } from '@codemirror/state';
import { drawSelection, dropCursor, EditorView, highlightActiveLine, highlightSpecialChars, keymap, rectangularSelection } from '@codemirror/view';
import { completeContract } from './completeContract';
import { contractIssueMarkers } from './showContractIssues';
import { createContractTextExtensions } from './contractTextExtensions';
import { isFromOutside } from './syncEditorText';

export function createContractEditorExtensions(label: string, onEdit: (text: string) => void): Extension[] {
  return [
    createContractTextExtensions(label),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    dropCursor(),
    rectangularSelection(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    EditorState.allowMultipleSelections.of(true),
    // YAML forbids tabs in indentation: Tab inserts two spaces, the unit the contract files use.
    EditorState.tabSize.of(2),
    indentUnit.of('  '),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    // Brackets close themselves; quotes do not: a rule's SQL doubles quotes inside YAML's ('' and \") and a typed
    // closing quote must stay one quote.
    EditorState.languageData.of(() => [{ closeBrackets: { brackets: ['(', '[', '{'] } }]),
    search({ top: true }),
    autocompletion({ override: [completeContract], icons: true }),
    lintGutter(),
    contractIssueMarkers,
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...completionKeymap, ...lintKeymap, indentWithTab]),
    EditorView.updateListener.of((update) => {
      if (update.docChanged && !update.transactions.every(isFromOutside)) onEdit(update.state.doc.toString());
    }),
  ];
}
