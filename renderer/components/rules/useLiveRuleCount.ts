// The rule builder's live count: asks the engine how many records a rule removes, debounced, dropping stale answers.
import { useEffect, useState } from 'react';
import type { RuleCount, SourceDraft } from '../../../shared/api';
import { getApi } from '../../api/getApi';

/** Long enough to let a word be typed, short enough to feel live. */
const COUNT_DELAY_MS = 300;

export interface LiveRuleCount {
  /** The last answer; kept while a newer one is being counted, so the figure does not flicker. */
  count: RuleCount | null;
  error: string | null;
  pending: boolean;
}

const IDLE: LiveRuleCount = { count: null, error: null, pending: false };

/** How many records of `source` the rule `expression` removes; nothing is asked while the expression is null. */
export function useLiveRuleCount(source: SourceDraft, expression: string | null, reportingZone?: string): LiveRuleCount {
  // The draft's own rules do not change what the file holds: they are left out of what triggers a count.
  const sourceKey = JSON.stringify({ ...source, exclude: undefined });
  const [answer, setAnswer] = useState<LiveRuleCount>(IDLE);
  useEffect(() => {
    if (expression === null) {
      setAnswer(IDLE);
      return;
    }
    let current = true;
    setAnswer((previous) => ({ ...previous, error: null, pending: true }));
    const timer = setTimeout(() => {
      getApi()
        .countRuleMatches(JSON.parse(sourceKey) as SourceDraft, expression, reportingZone)
        // An answer for a rule or source that has since changed is dropped: the newer count follows.
        .then((count) => current && setAnswer({ count, error: null, pending: false }))
        .catch((error: unknown) => current && setAnswer({ count: null, error: error instanceof Error ? error.message : String(error), pending: false }));
    }, COUNT_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [sourceKey, expression, reportingZone]);
  return answer;
}
