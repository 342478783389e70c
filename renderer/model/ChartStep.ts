// One bar of a bridge chart, worded and placed: the count and the value waterfalls both draw these.
import type { BucketRef } from './describeBucket';

/** What a bar opens: a listing of records, or the matched pairs whose amounts are not equal. */
export type ChartTarget = { type: 'bucket'; ref: BucketRef } | { type: 'pairs' };

export interface ChartStep {
  id: string;
  type: 'total' | 'removal' | 'addition' | 'matched' | 'differences';
  /** The heading of the run of bars this one belongs to (a side, or what both count). */
  group: string;
  /** The words left of the bar. */
  label: string;
  /** The accessible name, with plain digits (tests and speech read it). */
  name: string;
  /** The figure after the bar, signed for the steps walked over. */
  shown: string;
  /** Quieter words after the figure ("3 records"). */
  detail?: string;
  /** The tooltip's first line. */
  title: string;
  description: string;
  /** The running figure before and after the step: the bar spans between them. */
  from: number;
  to: number;
  /** Differences only: the increase, then the decrease, drawn as two thin bars in the step's row. */
  segments?: { type: 'addition' | 'removal'; from: number; to: number }[];
  target: ChartTarget;
}
