// "Export audit pack": the workbook and the PDF of review.md, made by the engine, saved as two downloads.
import { useState } from 'react';
import { getApi } from '../api/getApi';
import { downloadExportedFile } from '../model/downloadExportedFile';
import { reportError } from '../stores/useErrorStore';

export function AuditPackButton() {
  const [exporting, setExporting] = useState(false);
  const [saved, setSaved] = useState<string[]>([]);
  const exportPack = async () => {
    setExporting(true);
    setSaved([]);
    try {
      const files = await getApi().exportAuditPack();
      for (const file of files) downloadExportedFile(file);
      setSaved(files.map((f) => f.fileName));
    } catch (error) {
      reportError(error);
    } finally {
      setExporting(false);
    }
  };
  return (
    <span className="audit-pack">
      <button type="button" disabled={exporting} onClick={() => void exportPack()} title="The workbook (every bucket's records, decisions, contract, inputs) and the PDF to print and sign">
        {exporting ? 'Exporting the audit pack…' : 'Export audit pack'}
      </button>
      <span className="visually-hidden" role="status">
        {saved.length > 0 ? `Saved ${saved.join(' and ')}` : ''}
      </span>
    </span>
  );
}
