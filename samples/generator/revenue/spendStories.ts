// The marketing spend sheet behind the CAC: one row per month and channel, one of them paid before the quarter.
import type { RevenueStory } from './createRevenueKit';

const CHANNELS: [string, number, number][] = [
  ['Paid Search', 38_000, 52_000],
  ['Paid Social', 21_000, 30_000],
  ['Webinar', 6_000, 9_500],
  ['Content', 8_000, 12_000],
  ['Events', 4_000, 15_000],
];

export const spendStories: RevenueStory[] = [
  {
    name: 'spend',
    title: 'Marketing spend by month',
    plant(kit) {
      for (const month of ['2026-07', '2026-08', '2026-09']) {
        for (const [channel, low, high] of CHANNELS) kit.spend(month, channel, kit.random.int(low / 10, high / 10) * 10 + kit.random.int(0, 99) / 100);
      }
      kit.spend('2026-06', 'Events', 18_500);
      return (
        'Finance\'s sheet of marketing spend, one row per month (written 2026-07) and channel. The booth at the July trade show ' +
        'was paid in June: that row (2026-06, $18,500) is outside the quarter and not in the CAC.'
      );
    },
  },
];
