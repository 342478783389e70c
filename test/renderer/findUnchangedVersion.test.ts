// "Definitions changed, version still 7": said only when the texts differ and their version fields do not.
import { describe, expect, it } from 'vitest';
import { findUnchangedVersion, findUnchangedVersionOfLastApply } from '../../renderer/model/findUnchangedVersion';
import type { RevisionSummary } from '../../shared/reviewTypes';

const revision = (number: number, version: string, sha256: string): RevisionSummary => ({ number, at: '2026-12-01T14:03:00+01:00', by: 'Dana Ruiz', version, sha256 });

describe('findUnchangedVersion', () => {
  it('names the version when the texts differ and the version field does not', () => {
    expect(findUnchangedVersion({ version: '7', sha256: 'aa' }, { version: '7', sha256: 'bb' })).toBe('7');
  });

  it('says nothing when the version moved with the text, or when the texts are the same', () => {
    expect(findUnchangedVersion({ version: '7', sha256: 'aa' }, { version: '8', sha256: 'bb' })).toBeNull();
    expect(findUnchangedVersion({ version: '7', sha256: 'aa' }, { version: '7', sha256: 'aa' })).toBeNull();
  });

  it('reads the last apply from the last two revisions, and nothing from fewer', () => {
    expect(findUnchangedVersionOfLastApply([revision(1, '6', 'a'), revision(2, '7', 'b'), revision(3, '7', 'c')])).toBe('7');
    expect(findUnchangedVersionOfLastApply([revision(1, '7', 'a'), revision(2, '7', 'b'), revision(3, '8', 'c')])).toBeNull();
    expect(findUnchangedVersionOfLastApply([revision(1, '7', 'a')])).toBeNull();
    expect(findUnchangedVersionOfLastApply(null)).toBeNull();
  });
});
