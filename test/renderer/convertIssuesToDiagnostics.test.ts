// Where a contract problem is underlined: its column's word, the whole entry for a key, the line after its indent without a column, clamped to the text.
import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { convertIssuesToDiagnostics } from '../../renderer/components/contractEditor/convertIssuesToDiagnostics';

const LINES = ['reporting:', '  perod: { from: 2026-07-01, to: 2026-09-30 }', '  timezone: Mars/Olympus', ''];
const doc = Text.of(LINES);
const underlined = (issue: { line: number; column?: number }) => {
  const [diagnostic] = convertIssuesToDiagnostics(doc, [{ key: 'k', message: 'm', ...issue }]);
  return diagnostic ? doc.sliceString(diagnostic.from, diagnostic.to) : null;
};

describe('convertIssuesToDiagnostics', () => {
  it('underlines the word at the column, or the whole entry when the column is at its key', () => {
    expect(underlined({ line: 3, column: 13 })).toBe('Mars/Olympus');
    expect(underlined({ line: 2, column: 18 })).toBe('2026-07-01');
    expect(underlined({ line: 2, column: 3 })).toBe('perod: { from: 2026-07-01, to: 2026-09-30 }');
  });

  it('underlines the line after its indent without a column, and keeps lines and columns past the end inside the text', () => {
    expect(underlined({ line: 3 })).toBe('timezone: Mars/Olympus');
    expect(underlined({ line: 99 })).toBe('');
    expect(underlined({ line: 1, column: 80 })).toBe('');
    expect(convertIssuesToDiagnostics(doc, [{ line: 2, key: 'reporting.perod', message: "unknown key 'perod'" }])[0]).toMatchObject({
      severity: 'error',
      message: "unknown key 'perod'",
      source: 'reporting.perod',
    });
  });
});
