// Property-based: random people, contact roles, windows, SLA tasks and spend; the engine's metrics report equals a plain reading of revenue.md.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { checkMetricsInvariants } from './checkMetricsInvariants';
import { revenueScenario } from './randomRevenueScenario';
import { readRevenueScenario } from './readRevenueScenario';
import { computeMetricsReport } from './revenueReference/computeMetricsReport';

describe('revenue properties', () => {
  it('the reference reading itself holds revenue.md invariants on every random investigation', () => {
    fc.assert(
      fc.property(revenueScenario, (s) => {
        const input = readRevenueScenario(s, { sourcedCrm: true });
        const mql = input.metrics.find((m) => m.name === 'MQL')?.records ?? [];
        checkMetricsInvariants(computeMetricsReport(input), { 'Speed to lead': mql.filter((r) => r.step === 'net' && r.key !== null).length });
      }),
      { numRuns: 300 },
    );
  });
});
