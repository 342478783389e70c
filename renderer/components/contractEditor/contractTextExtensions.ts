// What every view of a contract's text shares: YAML highlighting, line numbers and the monospace look of the editor.
import { yaml } from '@codemirror/lang-yaml';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { EditorView, highlightActiveLineGutter, lineNumbers } from '@codemirror/view';

export function createContractTextExtensions(label: string): Extension[] {
  return [
    yaml(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    lineNumbers(),
    highlightActiveLineGutter(),
    // The content element is the textbox screen readers and the e2e tests find by its name.
    EditorView.contentAttributes.of({ 'aria-label': label, spellcheck: 'false', autocapitalize: 'off', autocorrect: 'off' }),
  ];
}
