// Plants every touch story on the planned deals, then numbers the campaign members report's rows in the order it lists them.
import type { Random } from '../createRandom';
import type { RevenuePlan } from '../revenue/revenueRecords';
import { createTouchKit } from './createTouchKit';
import type { TouchStory } from './createTouchKit';
import type { TouchPlan, TouchRow } from './touchRecords';

export interface PlannedTouches {
  touchPlan: TouchPlan;
  /** What each story told, by story name. */
  told: Map<string, string>;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The report lists members by campaign, then by response date (members who never responded last), then by name. */
function compareReportOrder(a: TouchRow, b: TouchRow): number {
  return (
    compareText(a.campaign.name, b.campaign.name) ||
    compareText(a.date ?? '9999', b.date ?? '9999') ||
    compareText(a.lastName, b.lastName) ||
    compareText(a.firstName, b.firstName) ||
    compareText(a.email, b.email)
  );
}

/** Stories plant in table order: the ones about one case take their deals first, the bulk takes what they left. */
export function planTouches(stories: TouchStory[], plan: RevenuePlan, random: Random): PlannedTouches {
  const touchPlan: TouchPlan = { touches: [], howHeard: new Map() };
  const taken = new Set<RevenuePlan['opportunities'][number]>();
  const takenPeople = new Set<string>();
  const told = new Map<string, string>();
  for (const story of stories) told.set(story.name, story.plant(createTouchKit(story.name, random, plan, touchPlan, taken, takenPeople)));
  touchPlan.touches.sort(compareReportOrder).forEach((touch, i) => {
    touch.row = i + 1;
  });
  return { touchPlan, told };
}
