// Where one export is: a typed path, Browse (the system dialog on the desktop, a folder browser in the browser shell) or a drop.
import { useState, type DragEvent } from 'react';
import { findDroppedFilePath, findNativeExportChooser } from '../../api/getApi';
import { findParentFolder } from '../../model/findParentFolder';
import { FieldProblems } from './FieldProblems';
import { FolderBrowser } from './FolderBrowser';

interface Props {
  /** Left, Right or Other (an export beside the bridge's two): names the controls. */
  label: string;
  reading: boolean;
  problems: readonly string[];
  onRead(file: string): void;
}

export function ExportFileChooser({ label, reading, problems, onRead }: Props) {
  const [path, setPath] = useState('');
  const [browsing, setBrowsing] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const lower = label.toLowerCase();
  const problemId = `${lower.replace(/\s+/g, '-')}-file-problem`;
  const read = (file: string) => {
    setPath(file);
    setBrowsing(false);
    setNote(null);
    onRead(file);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    const file = event.dataTransfer.files[0];
    if (!file) return;
    const dropped = findDroppedFilePath(file);
    if (dropped) read(dropped);
    else setNote(`The browser cannot tell where "${file.name}" is on disk: use Browse… or type its full path.`);
  };
  const browse = () => {
    const native = findNativeExportChooser();
    if (!native) {
      setBrowsing((open) => !open);
      return;
    }
    native()
      .then((file) => file && read(file))
      .catch((error: unknown) => setNote(`The file dialog did not open: ${error instanceof Error ? error.message : String(error)}`));
  };

  return (
    <div
      className="file-chooser"
      onDragOver={(e) => e.preventDefault()}
      onDrop={drop}
      onKeyDown={(e) => {
        // Escape closes the folder browser from anywhere in it or from the Browse button.
        if (e.key === 'Escape' && browsing) setBrowsing(false);
      }}
    >
      <div className="inline-form">
        <label className="field grow">
          <span>{label} export file path</span>
          <input
            type="text"
            value={path}
            spellCheck={false}
            placeholder="Browse, type a path or drop the file here"
            aria-invalid={problems.length > 0 || undefined}
            aria-describedby={problems.length > 0 ? problemId : undefined}
            onChange={(e) => setPath(e.target.value)}
            onKeyDown={(e) => {
              // Enter reads the file rather than submitting the whole new-investigation form.
              if (e.key !== 'Enter') return;
              e.preventDefault();
              if (path.trim()) read(path.trim());
            }}
          />
        </label>
        <button type="button" aria-label={`Browse for the ${lower} export`} aria-expanded={browsing} onClick={browse}>
          Browse…
        </button>
        <button type="button" disabled={reading || path.trim() === ''} aria-label={`Read the ${lower} export`} onClick={() => read(path.trim())}>
          {reading ? 'Reading…' : 'Read'}
        </button>
      </div>
      <FieldProblems id={problemId} messages={problems} />
      {note ? <p className="note">{note}</p> : null}
      {browsing ? <FolderBrowser label={label} start={findParentFolder(path.trim())} onChoose={read} onClose={() => setBrowsing(false)} /> : null}
    </div>
  );
}
