// What each attribution model gives each touch, in one line, for the people who choose the models (form and contract comments).
import type { AttributionModel } from './revenueContractTypes';

/** Each model's name as people say it. */
export const ATTRIBUTION_MODEL_NAMES: Record<AttributionModel, string> = {
  first_touch: 'First touch',
  last_touch: 'Last touch',
  linear: 'Linear',
  u_shaped: 'U-shaped',
  w_shaped: 'W-shaped',
  time_decay: 'Time decay',
  self_reported: 'Self-reported',
};

export const ATTRIBUTION_MODEL_WORDS: Record<AttributionModel, string> = {
  first_touch: 'all of the value to the first touch',
  last_touch: 'all of the value to the last touch',
  linear: 'the value split evenly over every touch (n touches: 1/n each)',
  u_shaped: '40% to the first touch, 40% to the last, 20% split over those between (one touch: 100%; two: 50% each)',
  w_shaped: '30% each to the first touch, the milestone touch and the last; 10% split over the others (no milestone: its 30% goes half to first, half to last)',
  time_decay: 'each touch weighs 2^(-days before the deal / half-life); the value is split in proportion to the weights',
  self_reported: "all of the value to the channel the opportunity's own answer names (after the map); no touches needed",
};

/** What a new attribution entry starts with: the three models everyone knows, side by side. */
export const FIRST_MODELS: AttributionModel[] = ['first_touch', 'last_touch', 'linear'];
