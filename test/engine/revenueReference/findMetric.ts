// Reference support: a metric of the reference's input by name; a test that names an unknown metric is a broken test.
import type { RefMetric, RevenueInput } from './RevenueInput';

export function findMetric(input: RevenueInput, name: string): RefMetric {
  const metric = input.metrics.find((m) => m.name === name);
  if (!metric) throw new Error(`the reference has no metric ${name}`);
  return metric;
}
