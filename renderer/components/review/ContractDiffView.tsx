// Two contract texts side by side, read-only, each under its label, the lines that differ marked (CodeMirror's merge view).
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { MergeView } from '@codemirror/merge';
import { useEffect, useRef } from 'react';
import { createContractTextExtensions } from '../contractEditor/contractTextExtensions';

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

  useEffect(() => {
    const parent = host.current;
    if (!parent) return undefined;
    // Long unchanged stretches fold away so the changes of a long contract fit on one screen.
    const view = new MergeView({
      a: createReadOnlyConfig(aText, aLabel),
      b: createReadOnlyConfig(bText, bLabel),
      parent,
      gutter: true,
      highlightChanges: true,
      collapseUnchanged: { margin: 3, minSize: 6 },
    });
    return () => view.destroy();
  }, [aLabel, aText, bLabel, bText]);

  const same = aText === bText;
  return (
    <div className="contract-diff" role="group" aria-label={`Contract texts: ${aLabel} against ${bLabel}`}>
      <div className="contract-diff-labels">
        <h3 className="contract-diff-label">{aLabel}</h3>
        <h3 className="contract-diff-label">{bLabel}</h3>
      </div>
      {same ? <p className="muted contract-diff-same">The two texts are the same.</p> : null}
      <div className="contract-diff-body" ref={host} />
    </div>
  );
}
