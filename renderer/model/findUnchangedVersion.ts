// Whether two contract texts differ while their `version` fields do not: review.md's "definitions changed, version still 7".
import type { RevisionSummary } from '../../shared/reviewTypes';

interface Identity {
  version: string;
  sha256: string;
}

/** The version left unchanged by a change of definitions, or null when the texts are the same or the version moved. */
export function findUnchangedVersion(a: Identity, b: Identity): string | null {
  return a.sha256 !== b.sha256 && a.version === b.version ? a.version : null;
}

/** The same question for the last apply: the last two kept revisions. */
export function findUnchangedVersionOfLastApply(revisions: readonly RevisionSummary[] | null): string | null {
  const last = revisions?.at(-1);
  const before = revisions?.at(-2);
  return last && before ? findUnchangedVersion(before, last) : null;
}
