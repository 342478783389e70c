// One exclude rule of the rule builder's list: its name, words, expression, what it removes, and its moves.
import type { RuleDraft, SourceDraft } from '../../../shared/api';
import { buildRemainingRuleExpression } from '../../../shared/buildRuleExpression';
import { formatCount } from '../../model/formatCount';
import { useLiveRuleCount } from './useLiveRuleCount';

interface Props {
  rule: RuleDraft;
  /** The expressions of the rules above it: a record goes to the first rule it matches. */
  earlier: string[];
  source: SourceDraft;
  reportingZone?: string;
  isFirst: boolean;
  isLast: boolean;
  onMove(step: -1 | 1): void;
  onRemove(): void;
}

export function RuleListItem({ rule, earlier, source, reportingZone, isFirst, isLast, onMove, onRemove }: Props) {
  const live = useLiveRuleCount(source, buildRemainingRuleExpression(rule.expression, earlier), reportingZone);
  return (
    <li className="rule-item">
      <div className="rule-item-head">
        <span className="rule-title">
          <strong className="rule-name">{rule.name}</strong>
          {rule.description ? <span className="rule-words">{rule.description}</span> : null}
        </span>
        <span className={`rule-removes${live.error ? ' rule-count-bad' : ''}`} aria-label={`Rule ${rule.name} count`}>
          {live.error ? live.error : live.count ? `removes ${formatCount(live.count.matched)}` : 'counting…'}
        </span>
        <span className="rule-moves">
          <button type="button" className="icon-button" disabled={isFirst} aria-label={`Move rule ${rule.name} up`} title="Move up" onClick={() => onMove(-1)}>
            ↑
          </button>
          <button type="button" className="icon-button" disabled={isLast} aria-label={`Move rule ${rule.name} down`} title="Move down" onClick={() => onMove(1)}>
            ↓
          </button>
          <button type="button" className="icon-button" aria-label={`Remove rule ${rule.name}`} title="Remove" onClick={onRemove}>
            ✕
          </button>
        </span>
      </div>
      <code className="rule-expression">{rule.expression}</code>
    </li>
  );
}
