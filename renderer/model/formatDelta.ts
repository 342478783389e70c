// A difference B − A with its sign always written ("+12", "−3", "0"), so a reader never mistakes a drop for a count.
import { formatCount } from './formatCount';

export function formatDelta(delta: number): string {
  if (delta === 0) return '0';
  return `${delta < 0 ? '−' : '+'}${formatCount(Math.abs(delta))}`;
}
