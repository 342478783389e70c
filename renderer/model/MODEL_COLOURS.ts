// The colour of each attribution model, shared by the chart's bars and the weights' swatches (the weights draw without the charting library).
import type { AttributionModel } from '../../shared/revenueContractTypes';

/** Told apart by hue and lightness both, so neighbouring bars stay distinct in grey too. */
export const MODEL_COLOURS: Record<AttributionModel, string> = {
  first_touch: '#1f4e79',
  last_touch: '#6fa8dc',
  linear: '#1a7f37',
  u_shaped: '#d29b00',
  w_shaped: '#8f3f00',
  time_decay: '#7a5195',
  self_reported: '#8a94a3',
};
