// Reads and selects the contract editor's text in the page: CodeMirror draws only the lines in view, so its whole text comes from its state.
import type { Page } from '@playwright/test';

/** The editor's content element, found by its accessible name as users' tools find it. */
function findEditor(page: Page) {
  return page.getByRole('textbox', { name: 'Contract YAML' });
}

interface ViewLike {
  state: { doc: { toString(): string } };
  dispatch(spec: { selection: { anchor: number; head: number }; scrollIntoView: boolean }): void;
  focus(): void;
}

/** The whole text being edited. CodeMirror keeps its view on the content element (what EditorView.findFromDOM reads). */
export async function readContractEditor(page: Page): Promise<string> {
  return findEditor(page).evaluate((content) => {
    const view = (content as unknown as { cmTile?: { root?: { view?: ViewLike } } }).cmTile?.root?.view;
    if (!view) throw new Error('the Contract YAML textbox is not a CodeMirror editor');
    return view.state.doc.toString();
  });
}

/** Selects characters [from, to) of the text and focuses the editor, as a mouse drag would. */
export async function selectInContractEditor(page: Page, from: number, to: number): Promise<void> {
  await findEditor(page).evaluate(
    (content, range) => {
      const view = (content as unknown as { cmTile?: { root?: { view?: ViewLike } } }).cmTile?.root?.view;
      if (!view) throw new Error('the Contract YAML textbox is not a CodeMirror editor');
      view.dispatch({ selection: { anchor: range[0], head: range[1] }, scrollIntoView: true });
      view.focus();
    },
    [from, to] as [number, number],
  );
}
