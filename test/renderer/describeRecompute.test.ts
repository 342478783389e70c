// The sentence an Apply ends with: what was recomputed, in what time, and what was reused, in each shape a build can take.
import { describe, expect, it } from 'vitest';
import type { BuildSummary } from '../../shared/api';
import { describeRecompute } from '../../renderer/model/describeRecompute';

const build = (over: Partial<BuildSummary>): BuildSummary => ({ imported: [], metrics: [], reconciliations: [], reused: { sources: 0, metrics: 0, reconciliations: 0 }, ms: 0, ...over });

describe('describeRecompute', () => {
  it('names the recomputed metric and its bridge, the time, and what was reused', () => {
    expect(describeRecompute(build({ metrics: ['CRM Lead'], reconciliations: ['MQLs vs CRM leads'], reused: { sources: 9, metrics: 5, reconciliations: 0 }, ms: 1234 }))).toBe(
      'Recomputed CRM Lead and rebuilt the bridge MQLs vs CRM leads in 1.2 s; 9 sources and 5 other metrics reused.',
    );
  });

  it('says which exports were read again, and a bridge rebuilt alone', () => {
    expect(describeRecompute(build({ imported: ['hubspot', 'tasks'], metrics: ['MQL'], reconciliations: ['A', 'B'], reused: { sources: 1, metrics: 1, reconciliations: 1 }, ms: 40 }))).toBe(
      'Read hubspot and tasks from their exports again, recomputed MQL and rebuilt the bridges A and B in 40 ms; 1 source, 1 other metric and 1 other bridge reused.',
    );
    expect(describeRecompute(build({ reconciliations: ['A'], reused: { sources: 2, metrics: 2, reconciliations: 0 }, ms: 300 }))).toBe('Recomputed the bridge A in 0.3 s; 2 sources and 2 metrics reused.');
  });

  it('says when nothing needed recomputing', () => {
    expect(describeRecompute(build({ reused: { sources: 2, metrics: 2, reconciliations: 1 }, ms: 12 }))).toBe('Nothing to recompute (12 ms): every source, metric and bridge reused as it was.');
  });
});
