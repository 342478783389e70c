// The new-investigation form: two exports, the period and reporting zone, the title and where the contract goes, each field checked as typed.
import { useEffect, useMemo } from 'react';
import type { FieldProblem } from '../../../shared/api';
import { listTimeZones } from '../../../shared/listTimeZones';
import { buildSpec, findShownProblems, useNewInvestigationStore } from '../../stores/useNewInvestigationStore';
import { useSessionStore } from '../../stores/useSessionStore';
import { describeTimeZoneProblem } from '../../../shared/describeTimeZoneProblem';
import { CompareFieldsEditor } from './CompareFieldsEditor';
import { ExportSourceForm } from './ExportSourceForm';
import { FieldProblemText, problemId } from './FieldProblemText';
import { MoneyFields } from './MoneyFields';
import { NormalizerChoice } from './NormalizerChoice';
import { RevenuePart } from './revenue/RevenuePart';
import { TimeZoneInput } from './TimeZoneInput';

/** One side's problems with the side's prefix removed, as ExportSourceForm shows them beside its own fields. */
function pickSide(problems: FieldProblem[], side: 'left' | 'right'): FieldProblem[] {
  return problems.filter((p) => p.field.startsWith(`${side}.`)).map((p) => ({ ...p, field: p.field.slice(side.length + 1) }));
}

/** aria props of a field: invalid, and pointing at its problem text when it has one. */
function describeField(field: string, problems: FieldProblem[]) {
  const has = problems.some((p) => p.field === field);
  return { 'aria-invalid': has, 'aria-describedby': has ? problemId(field) : undefined };
}

export function NewInvestigationForm() {
  const busy = useSessionStore((s) => s.work !== null);
  // The whole form's state: every value and problem shows on it.
  const form = useNewInvestigationStore();
  const { values, edit, setDraft, notePreview, loadWorkspace, forgetDrafts } = form;
  // Rules stay counted while the reporting zone is being typed: in the file's own zone until it is a zone.
  const ruleZone = describeTimeZoneProblem(values.timezone) === undefined ? values.timezone : undefined;
  const zones = useMemo(() => listTimeZones(), []);
  useEffect(() => {
    forgetDrafts();
    void loadWorkspace();
  }, [forgetDrafts, loadWorkspace]);
  const problems = findShownProblems(form);
  const at = (field: string) => problems.filter((p) => p.field === field);
  const shownPath = buildSpec(form).contractPath;
  const general = problems.filter((p) => p.field === 'contract');

  return (
    <form
      className="new-investigation"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void form.create();
      }}
    >
      <datalist id="time-zones">
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <div className="source-forms">
        <ExportSourceForm label="Left" draft={form.left} onChange={(d) => setDraft('left', d)} onPreview={(p) => notePreview('left', p)} problems={pickSide(problems, 'left')} reportingZone={ruleZone} />
        <ExportSourceForm label="Right" draft={form.right} onChange={(d) => setDraft('right', d)} onPreview={(p) => notePreview('right', p)} problems={pickSide(problems, 'right')} reportingZone={ruleZone} />
      </div>
      <div className="mapping-grid">
        <div className="field span-3">
          <label className="field">
            <span>Title</span>
            <input type="text" value={values.title} placeholder="Q3 MQLs vs CRM leads" onChange={(e) => edit({ title: e.target.value })} {...describeField('title', problems)} />
          </label>
          <FieldProblemText id={problemId('title')} problems={at('title')} />
        </div>
        <div className="field">
          <label className="field">
            <span>Period from</span>
            <input type="date" value={values.from} onChange={(e) => edit({ from: e.target.value })} {...describeField('from', problems)} />
          </label>
          <FieldProblemText id={problemId('from')} problems={at('from')} />
        </div>
        <div className="field">
          <label className="field">
            <span>Period to</span>
            <input type="date" value={values.to} onChange={(e) => edit({ to: e.target.value })} {...describeField('to', problems)} />
          </label>
          <FieldProblemText id={problemId('to')} problems={at('to')} />
        </div>
        <TimeZoneInput label="Reporting time zone" field="timezone" value={values.timezone} problems={at('timezone')} onChange={(timezone) => edit({ timezone })} />
        <div className="field span-3">
          <label className="field">
            <span>New contract file path</span>
            <input
              type="text"
              value={shownPath}
              spellCheck={false}
              placeholder="/path/to/investigation.recon.yaml"
              onChange={(e) => edit({ contractPath: e.target.value })}
              {...describeField('contractPath', problems)}
            />
          </label>
          {!values.contractPath && form.workspace ? <p className="muted hint">Proposed in your workspace folder; type another path to put it elsewhere.</p> : null}
          <FieldProblemText id={problemId('contractPath')} problems={at('contractPath')} onUse={(contractPath) => edit({ contractPath })} />
        </div>
        <NormalizerChoice value={values.normalize} problems={at('normalize')} onChange={(normalize) => edit({ normalize })} />
        {form.left?.value || form.right?.value || values.currency ? (
          <MoneyFields currency={values.currency} rates={values.rates} currencies={form.currencies} problems={problems} onChange={(patch) => edit(patch)} />
        ) : null}
        {form.left && form.right ? (
          <CompareFieldsEditor
            left={form.left}
            right={form.right}
            previews={form.previews}
            compare={values.compare}
            currency={values.currency}
            problems={problems}
            onChange={(compare) => edit({ compare })}
            readCompare={() => useNewInvestigationStore.getState().values.compare}
          />
        ) : null}
        {form.left && form.right ? (
          <RevenuePart
            spec={{ left: form.left, right: form.right }}
            revenue={values.revenue}
            problems={problems.filter((p) => p.field.startsWith('revenue.'))}
            onChange={(revenue) => edit({ revenue })}
            readRevenue={() => useNewInvestigationStore.getState().values.revenue}
          />
        ) : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy} aria-describedby="create-status">
          Create investigation
        </button>
        <div id="create-status" className="create-status">
          {form.createError ? (
            <p role="alert" className="field-problem">
              {form.createError}
            </p>
          ) : null}
          <FieldProblemText id={problemId('contract')} problems={general} />
          {!form.createError && general.length === 0 ? (
            <span className="muted">
              {problems.length > 0 ? `Fix the ${problems.length === 1 ? 'problem' : `${problems.length} problems`} shown above, then Create.` : 'Create writes the contract file and reads both exports; nothing is left behind if that fails.'}
            </span>
          ) : null}
        </div>
      </div>
    </form>
  );
}
