// The contract screen's "Add an exclude rule": the rule builder on the open contract, writing the rule into the text to Apply.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RuleDraft, SourceDraft } from '../../../shared/api';
import { insertExcludeRule } from '../../../shared/insertExcludeRule';
import { getApi } from '../../api/getApi';
import { resolveContractFile } from '../../model/resolveContractFile';
import { useContractStore } from '../../stores/useContractStore';
import { RuleEditor } from './RuleEditor';

export function AddRulePanel() {
  const { document, text, editText, sourceColumns } = useContractStore(
    useShallow((s) => ({ document: s.document, text: s.text, editText: s.editText, sourceColumns: s.columns })),
  );
  const contract = document?.contract ?? null;
  const [metricName, setMetricName] = useState('');
  const [columns, setColumns] = useState<string[]>([]);
  const [note, setNote] = useState<{ text: string; bad: boolean } | null>(null);
  const metric = contract?.metrics.find((m) => m.name === metricName) ?? contract?.metrics[0];
  const spec = contract?.sources.find((s) => s.name === metric?.source);
  // A source of several files (a list or a glob) is counted over all of them, as the import reads them.
  const file = document && spec && !spec.files ? resolveContractFile(document.path, spec.file) : null;
  const files = document && spec?.files ? { folder: resolveContractFile(document.path, '.'), entries: spec.files } : null;
  const sheet = spec?.sheet === undefined ? undefined : String(spec.sheet);

  useEffect(() => {
    if (!file) return;
    let current = true;
    // The file's own columns, for the column menu; the count says it when the file cannot be read.
    getApi()
      .previewExport(file, sheet)
      .then((preview) => current && setColumns(preview.columns))
      .catch(() => current && setColumns([]));
    return () => {
      current = false;
    };
  }, [file, sheet]);

  if (!contract || !metric || !spec || (!file && !files)) return null;
  const source: SourceDraft = {
    name: spec.name,
    system: spec.system,
    file: file ?? spec.file,
    ...(files ? { files } : {}),
    sheet,
    timezone: spec.timezone,
    fields: spec.fields,
    metric: metric.name,
    dateField: metric.date,
  };
  const rules: RuleDraft[] = metric.exclude.map((r) => ({ name: r.name, expression: r.expression }));
  const insert = (rule: RuleDraft) => {
    try {
      editText(insertExcludeRule(text, metric.name, rule));
      setNote({ text: `Added ${rule.name} under metrics.${metric.name}.exclude: check it in the editor, then Apply.`, bad: false });
    } catch (error) {
      setNote({ text: error instanceof Error ? error.message : String(error), bad: true });
    }
  };

  return (
    <details className="add-rule-panel">
      <summary>Add an exclude rule</summary>
      <div className="add-rule-body">
        <label className="field">
          <span>Metric</span>
          <select value={metric.name} onChange={(e) => setMetricName(e.target.value)}>
            {contract.metrics.map((m) => (
              <option key={m.name}>{m.name}</option>
            ))}
          </select>
        </label>
        <p className="muted rule-intro">
          Counts are on {files ? `every file of ${spec.file}` : spec.file} as saved; the new rule goes last, after the {rules.length} rule{rules.length === 1 ? '' : 's'} the saved
          contract has.
        </p>
        <RuleEditor
          key={metric.name}
          label="Contract"
          source={source}
          // The files' columns as the open investigation read them (the first file's, then what the others add).
          columns={files ? (sourceColumns[spec.name] ?? []) : columns}
          rules={rules}
          reportingZone={contract.reporting.timezone}
          addText="Insert into the contract"
          onAdd={insert}
        />
        {note ? (
          <p className={note.bad ? 'rule-count-bad' : 'muted'} role="status">
            {note.text}
          </p>
        ) : null}
      </div>
    </details>
  );
}
