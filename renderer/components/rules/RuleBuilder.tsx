// Exclusion rules without SQL: a metric's rules in order with what each removes, and a builder for the next one.
import type { RuleDraft, SourceDraft } from '../../../shared/api';
import { RuleEditor } from './RuleEditor';
import { RuleListItem } from './RuleListItem';

interface Props {
  /** "Left" or "Right": names every control of this builder. */
  label: string;
  source: SourceDraft;
  /** The file's own columns (the draft's canonical fields are offered beside them). */
  columns: string[];
  rules: RuleDraft[];
  onChange(rules: RuleDraft[]): void;
  /** The investigation's time zone, in which date rules read calendar dates; the file's own when absent. */
  reportingZone?: string;
}

function moveRule(rules: RuleDraft[], index: number, step: -1 | 1): RuleDraft[] {
  const next = [...rules];
  const [rule] = next.splice(index, 1);
  if (rule) next.splice(index + step, 0, rule);
  return next;
}

export function RuleBuilder({ label, source, columns, rules, onChange, reportingZone }: Props) {
  return (
    <section className="rule-builder" aria-label={`${label} exclude rules`}>
      <h3>Exclude rules</h3>
      <p className="muted rule-intro">
        Records a rule matches are left out of {source.metric || 'the metric'}; a record goes to the first rule it matches. The contract editor takes
        any other rule.
      </p>
      {rules.length > 0 ? (
        <ol className="rule-list">
          {rules.map((rule, index) => (
            <RuleListItem
              key={rule.name}
              rule={rule}
              earlier={rules.slice(0, index).map((r) => r.expression)}
              source={source}
              reportingZone={reportingZone}
              isFirst={index === 0}
              isLast={index === rules.length - 1}
              onMove={(step) => onChange(moveRule(rules, index, step))}
              onRemove={() => onChange(rules.filter((_, i) => i !== index))}
            />
          ))}
        </ol>
      ) : null}
      <RuleEditor label={label} source={source} columns={columns} rules={rules} reportingZone={reportingZone} addText="Add rule" onAdd={(rule) => onChange([...rules, rule])} />
    </section>
  );
}
