// The review of the open investigation behind the API: the reviewer's name, decisions and sign-offs appended to the decisions file, the state read back.
import type { DecisionStatus, DecisionTarget, ReviewState } from '../../../shared/reviewTypes';
import type { Investigation } from '../bindInvestigation';
import { UserError } from '../UserError';
import { composeDecisionLine, composeSignOffLine, type DecisionContext } from './composeDecisionLine';
import { createStampCache } from './createStampCache';
import { appendDecision, decisionsFilePath } from './decisionsFile';
import { formatLocalTime } from './formatLocalTime';
import { readReviewState } from './readReviewState';
import type { Stamp } from './stampInputs';
import { readUserSettings, writeUserSettings } from './userSettings';

/** An open investigation and its contract file. */
export interface ReviewSubject {
  contractPath: string;
  investigation: Investigation;
}

export interface Review {
  /** Starts hashing the inputs of a newly opened or rebuilt investigation, so the first decision does not wait for it. */
  prime(subject: ReviewSubject): void;
  getReview(subject: ReviewSubject): Promise<ReviewState>;
  setReviewer(subject: ReviewSubject, name: string): Promise<ReviewState>;
  decide(subject: ReviewSubject, target: DecisionTarget, status: DecisionStatus, note: string): Promise<ReviewState>;
  signOff(subject: ReviewSubject, reconciliation: string, note: string): Promise<ReviewState>;
}

/** `queue` runs DuckDB work one piece at a time (the workbench's queue); hashing runs beside it. */
export function createReview(home: string, queue: <T>(work: () => Promise<T>) => Promise<T>): Review {
  const hashes = createStampCache();
  // One stamp per opened or rebuilt investigation: the input files as they were when its tables were built.
  const stamps = new WeakMap<Investigation, Promise<Stamp>>();
  const stampOf = (s: ReviewSubject): Promise<Stamp> => {
    let stamp = stamps.get(s.investigation);
    if (!stamp) {
      stamp = hashes.stamp(s.contractPath, s.investigation.contract);
      stamps.set(s.investigation, stamp);
      stamp.catch(() => stamps.get(s.investigation) === stamp && stamps.delete(s.investigation));
    }
    return stamp;
  };
  const reviewer = () => readUserSettings(home).reviewer ?? null;

  async function getReview(s: ReviewSubject): Promise<ReviewState> {
    const stamp = await stampOf(s);
    return queue(() => readReviewState(s.investigation, s.contractPath, stamp, reviewer()));
  }

  async function contextOf(s: ReviewSubject): Promise<DecisionContext> {
    const by = reviewer();
    if (!by) throw new UserError('say who you are first: decisions and sign-offs are signed with the reviewer\'s name', 'no_reviewer');
    return { by, at: formatLocalTime(new Date()), stamp: await stampOf(s) };
  }

  return {
    prime: (s) => void stampOf(s).catch(() => undefined),
    getReview,
    async setReviewer(s, name) {
      const trimmed = name.trim();
      if (!trimmed) throw new UserError('the reviewer\'s name is empty');
      writeUserSettings(home, { ...readUserSettings(home), reviewer: trimmed });
      return getReview(s);
    },
    async decide(s, target, status, note) {
      const context = await contextOf(s);
      const line = await queue(() => composeDecisionLine(s.investigation, target, status, note, context));
      appendDecision(decisionsFilePath(s.contractPath), line);
      return getReview(s);
    },
    async signOff(s, reconciliation, note) {
      const context = await contextOf(s);
      const line = await queue(() => composeSignOffLine(s.investigation, reconciliation, note, context));
      appendDecision(decisionsFilePath(s.contractPath), line);
      return getReview(s);
    },
  };
}
