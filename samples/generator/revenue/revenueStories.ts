// The table of revenue stories planted in the quarter's exports, in the order the README tells them.
import type { RevenueStory } from './createRevenueKit';
import { funnelStories } from './funnelStories';
import { outsideCohortStories } from './outsideCohortStories';
import { slaStories } from './slaStories';
import { spendStories } from './spendStories';

export const revenueStories: RevenueStory[] = [...funnelStories, ...outsideCohortStories, ...slaStories, ...spendStories];
