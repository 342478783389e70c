// Two contract texts side by side, read-only, each under its label, the lines that differ marked (CodeMirror's merge view).
import { MergeView } from '@codemirror/merge';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { createContractTextExtensions } from '../contractEditor/contractTextExtensions';
import { syncEditorText } from '../contractEditor/syncEditorText';

interface Props {
  aLabel: string;
  aText: string;
  bLabel: string;
  bText: string;
}

function createReadOnlyConfig(text: string, label: string) {
  return { doc: text, extensions: [createContractTextExtensions(label), EditorState.readOnly.of(true), EditorView.editable.of(false)] };
}

export function ContractDiffView({ aLabel, aText, bLabel, bText }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const merge = useRef<MergeView | null>(null);
  // The view is made once per pair of labels, from the texts of that moment; later texts are edits to it.
  const texts = useRef({ aText, bText });

  useEffect(() => {
    const parent = host.current;
    if (!parent) return undefined;
    // Long unchanged stretches fold away so the changes of a long contract fit on one screen.
    const view = new MergeView({
      a: createReadOnlyConfig(texts.current.aText, aLabel),
      b: createReadOnlyConfig(texts.current.bText, bLabel),
      parent,
      gutter: true,
      highlightChanges: true,
      collapseUnchanged: { margin: 3, minSize: 6 },
    });
    merge.current = view;
    return () => {
      merge.current = null;
      view.destroy();
    };
  }, [aLabel, bLabel]);

  // A text that changes while shown (edits typed beside it) is patched in: the diff follows without a new view.
  useEffect(() => {
    texts.current = { aText, bText };
    if (!merge.current) return;
    syncEditorText(merge.current.a, aText);
    syncEditorText(merge.current.b, bText);
  }, [aText, bText]);

  return (
    <div className="contract-diff" role="group" aria-label={`Contract texts: ${aLabel} against ${bLabel}`}>
      <div className="contract-diff-labels">
        <h3 className="contract-diff-label">{aLabel}</h3>
        <h3 className="contract-diff-label">{bLabel}</h3>
      </div>
      {aText === bText ? <p className="muted contract-diff-same">The two texts are the same.</p> : null}
      <div className="contract-diff-body" ref={host} />
    </div>
  );
}
