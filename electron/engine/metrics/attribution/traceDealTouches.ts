// One opportunity of an attribution entry with every touch of its people and each model's share (the inspector's timeline).
import type { DealTouches } from '../../../../shared/metricsReportTypes';
import { UserError } from '../../UserError';
import type { MetricsContext } from '../MetricsContext';

export async function traceDealTouches(ctx: MetricsContext, attribution: string, recordId: string): Promise<DealTouches> {
  await Promise.resolve();
  throw new UserError(`${ctx.contractLabel}: attribution '${attribution}' (record ${recordId}): credits are being built (issue 9)`);
}
