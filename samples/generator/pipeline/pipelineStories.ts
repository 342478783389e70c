// The table of stories planted in the pipeline sample's exports, in the order the README tells them.
import { bookedPeriodStories } from './bookedPeriodStories';
import { bookedStories } from './bookedStories';
import type { PipelineStory } from './createPipelineKit';
import { sourcedExclusionStories } from './sourcedExclusionStories';
import { sourcedMatchingStories } from './sourcedMatchingStories';
import { sourcedPeriodStories } from './sourcedPeriodStories';

export const pipelineStories: PipelineStory[] = [
  ...sourcedMatchingStories,
  ...sourcedPeriodStories,
  ...sourcedExclusionStories,
  ...bookedStories,
  ...bookedPeriodStories,
];
