// Each attribution model's exact weights in words (spec/revenue.md, "Attribution"), with the entry's own half-life, milestone and field.
import type { AttributionModel, AttributionSpec } from '../../shared/revenueContractTypes';

export const MODEL_LABELS: Record<AttributionModel, string> = {
  first_touch: 'First touch',
  last_touch: 'Last touch',
  linear: 'Linear',
  u_shaped: 'U-shaped',
  w_shaped: 'W-shaped',
  time_decay: 'Time decay',
  self_reported: 'Self-reported',
};

export function describeModelWeights(model: AttributionModel, spec: AttributionSpec | undefined): string {
  switch (model) {
    case 'first_touch':
      return '100% to the first counted touch.';
    case 'last_touch':
      return '100% to the last counted touch before the deal.';
    case 'linear':
      return '1/n to each of the n counted touches.';
    case 'u_shaped':
      return '40% first, 40% last, 20% split evenly over the touches in between; 1 touch: 100%; 2 touches: 50/50.';
    case 'w_shaped': {
      const milestone = spec?.milestone ? `the last touch at or before the latest ${spec.milestone} of the deal's people` : 'the milestone touch';
      return `30% first, 30% milestone (${milestone}), 30% last, shares adding up where two positions are one touch; no milestone: its 30% split 15/15 over first and last. The other 10% split evenly over the touches holding no position (none: over the positions' touches).`;
    }
    case 'time_decay': {
      // A contract asking for time decay writes its half-life; the words stand in only while no contract is read.
      const halfLife = spec?.halfLife?.text ?? 'the half-life';
      return `Each touch weighs 2^(−d / ${halfLife}), d its time before the deal: a touch ${halfLife} before the deal weighs half one at the deal. Shares are weight / sum of the weights.`;
    }
    case 'self_reported': {
      const field = spec?.selfReported ? `the deal's ${spec.selfReported.field} answer` : "the deal's own answer";
      return `100% to the channel ${field} names (through the contract's map; unmapped answers are their own channel; empty: Not reported), touches or not.`;
    }
  }
}
