// Growth from 1M to 5M rows a side: per-row time and peak RSS ratios, 1 meaning exactly linear.
import type { Growth, SizeResult } from './benchResults';

export const GROWTH_FROM = 1_000_000;
export const GROWTH_TO = 5_000_000;

export function computeGrowth(sizes: SizeResult[]): Growth | undefined {
  const from = sizes.find((s) => s.rows === GROWTH_FROM);
  const to = sizes.find((s) => s.rows === GROWTH_TO);
  if (!from || !to) return undefined;
  const perRow = (a?: number, b?: number) => (a === undefined || b === undefined ? undefined : b / to.rows / (a / from.rows));
  const ratio = (a?: number, b?: number) => (a === undefined || b === undefined ? undefined : b / a);
  const workbench = (s: SizeResult) => (s.workbench.ok ? s.workbench : undefined);
  return {
    from: from.rows,
    to: to.rows,
    reconPerRow: perRow(from.recon.ok ? from.recon.wallMs : undefined, to.recon.ok ? to.recon.wallMs : undefined),
    workbenchOpenPerRow: perRow(workbench(from)?.openMs, workbench(to)?.openMs),
    floorPerRow: perRow(from.floor.wallMs, to.floor.wallMs),
    reconRss: ratio(from.recon.ok ? from.recon.peakRssMb : undefined, to.recon.ok ? to.recon.peakRssMb : undefined),
    workbenchRss: ratio(workbench(from)?.peakRssMb, workbench(to)?.peakRssMb),
  };
}
