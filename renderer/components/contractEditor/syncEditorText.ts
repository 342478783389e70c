// Brings text changed outside the editor (Discard, a rule added by the rule builder) into it as the smallest edit, so the cursor and scroll stay put.
import { Annotation, type Transaction } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';

const fromOutside = Annotation.define<true>();

/** True for the edits syncEditorText made: the store already has that text, so it is not reported back. */
export function isFromOutside(transaction: Transaction): boolean {
  return transaction.annotation(fromOutside) === true;
}

export function syncEditorText(view: EditorView, text: string): void {
  const current = view.state.doc.toString();
  if (current === text) return;
  let start = 0;
  const shorter = Math.min(current.length, text.length);
  while (start < shorter && current.charCodeAt(start) === text.charCodeAt(start)) start += 1;
  let end = 0;
  while (end < shorter - start && current.charCodeAt(current.length - 1 - end) === text.charCodeAt(text.length - 1 - end)) end += 1;
  view.dispatch({ changes: { from: start, to: current.length - end, insert: text.slice(start, text.length - end) }, annotations: fromOutside.of(true) });
}
