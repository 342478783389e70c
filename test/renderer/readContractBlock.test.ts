// The contract lines a metrics card quotes: a key's block as written (comments and list entries kept), or one line for a one-line key.
import { describe, expect, it } from 'vitest';
import { readContractBlock } from '../../renderer/model/readContractBlock';

const TEXT = [
  'funnels:',
  '  # Of the quarter\'s MQLs.',
  '  - name: Q3',
  '    cohort: MQL',
  '    stages:',
  '      - { metric: SQL }',
  '',
  '    window: 90 days',
  '  - name: Q4',
  '    cohort: MQL',
  '',
  'shared_metrics:',
  '  period_metric: Won',
  '  sla:',
  '    - name: Speed to lead',
  '      within: 24 hours',
].join('\r\n');

describe('readContractBlock', () => {
  it('gives a list entry with every line under it, blank lines inside kept and trailing ones left out', () => {
    expect(readContractBlock(TEXT, 3).map((l) => l.line)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(readContractBlock(TEXT, 9)).toEqual([
      { line: 9, text: '  - name: Q4' },
      { line: 10, text: '    cohort: MQL' },
    ]);
  });

  it('gives a one-line key alone, a block to the end of the text, and nothing past it', () => {
    expect(readContractBlock(TEXT, 13)).toEqual([{ line: 13, text: '  period_metric: Won' }]);
    expect(readContractBlock(TEXT, 12).map((l) => l.line)).toEqual([12, 13, 14, 15, 16]);
    expect(readContractBlock(TEXT, 40)).toEqual([]);
  });
});
