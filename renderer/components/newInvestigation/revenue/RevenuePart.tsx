// The investigation beyond its bridge (revenue.md): other exports read beside the two sides, their metrics, links, funnels, touches, attribution, shared metrics and SLAs.
import { useEffect, useState } from 'react';
import type { ExportPreview, FieldProblem, NewInvestigation, RevenueDraft } from '../../../../shared/api';
import { useSessionStore } from '../../../stores/useSessionStore';
import { draftExtraSource } from '../../../model/draftExtraSource';
import { listRevenueChoices } from '../../../model/listRevenueChoices';
import { proposeRevenueDeclarations } from '../../../model/proposeRevenueDeclarations';
import { ExportFileChooser } from '../ExportFileChooser';
import { AttributionEditor } from './AttributionEditor';
import { ExtraMetricsEditor } from './ExtraMetricsEditor';
import { ExtraSourceForm } from './ExtraSourceForm';
import { FunnelsEditor } from './FunnelsEditor';
import { LinksEditor } from './LinksEditor';
import { SharedMetricsEditor } from './SharedMetricsEditor';
import { TouchesEditor } from './TouchesEditor';

interface Props {
  spec: Pick<NewInvestigation, 'left' | 'right'>;
  revenue: RevenueDraft;
  /** The form's problems whose field starts with `revenue.`. */
  problems: readonly FieldProblem[];
  onChange(revenue: RevenueDraft): void;
  /** The revenue part as it is now: an export read while the user edits is added to the latest, not to what was on screen when it was asked. */
  readRevenue(): RevenueDraft;
}

export function RevenuePart({ spec, revenue, problems, onChange, readRevenue }: Props) {
  // What each extra export read as, in the order of revenue.sources: its columns for the field choices.
  const [previews, setPreviews] = useState<(ExportPreview | null)[]>([]);
  const [reading, setReading] = useState(false);
  const [readProblem, setReadProblem] = useState<string | null>(null);
  const count = revenue.sources.length;
  // A Create or a form shown anew empties the revenue part: what was read for it goes too.
  useEffect(() => {
    if (count === 0) setPreviews([]);
  }, [count]);
  const choices = listRevenueChoices(spec, revenue);
  const cohort = spec.left.metric;

  const read = async (file: string) => {
    setReading(true);
    setReadProblem(null);
    try {
      const preview = await useSessionStore.getState().readExportPreview(file);
      // Cancelled: no export added.
      if (!preview) return;
      const latest = readRevenue();
      const taken = [spec.left.name, spec.right.name, ...latest.sources.map((s) => s.name)];
      const source = draftExtraSource(preview, taken);
      const withSource = { ...latest, sources: [...latest.sources, source] };
      onChange(proposeRevenueDeclarations(withSource, source, preview, cohort));
      setPreviews((list) => [...list.slice(0, latest.sources.length), preview]);
    } catch (error) {
      setReadProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setReading(false);
    }
  };
  const remove = (i: number) => {
    setPreviews((list) => list.filter((_, k) => k !== i));
    onChange({ ...revenue, sources: revenue.sources.filter((_, k) => k !== i) });
  };

  return (
    <fieldset className="revenue-part span-3">
      <legend>From lead to revenue (optional): other exports, funnels, attribution, SLAs, spend</legend>
      <p className="hint">
        Add contact roles, lead conversions, tasks, opportunities, touches (campaign members, form submissions, Marketo Measure touchpoints) or a spend sheet: each is recognised by its header, and what
        it makes possible (a link, an SLA, the spend for CAC, the won and lost deals, attribution) is proposed below, ready to change.
      </p>
      {revenue.sources.map((source, i) => (
        <ExtraSourceForm
          key={`${i}-${source.file}`}
          label={`Export ${i + 1}`}
          draft={source}
          preview={previews[i] ?? null}
          problems={problems.filter((p) => p.field === `revenue.sources.${i}`)}
          onChange={(draft) => onChange({ ...revenue, sources: revenue.sources.map((s, k) => (k === i ? draft : s)) })}
          onRemove={() => remove(i)}
        />
      ))}
      <ExportFileChooser label="Other" reading={reading} problems={readProblem ? [readProblem] : []} onRead={(file) => void read(file)} />
      {count > 0 || revenue.metrics.length > 0 ? <ExtraMetricsEditor revenue={revenue} choices={choices} problems={problems} onChange={onChange} /> : null}
      {count > 0 ? <LinksEditor revenue={revenue} choices={choices} problems={problems} onChange={onChange} /> : null}
      <FunnelsEditor revenue={revenue} choices={choices} cohort={cohort} problems={problems} onChange={onChange} />
      <TouchesEditor revenue={revenue} choices={choices} problems={problems} onChange={onChange} />
      <AttributionEditor revenue={revenue} choices={choices} problems={problems} onChange={onChange} />
      <SharedMetricsEditor revenue={revenue} choices={choices} cohort={cohort} problems={problems} onChange={onChange} />
    </fieldset>
  );
}
