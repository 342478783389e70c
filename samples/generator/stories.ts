// The table of stories planted in the sample exports, in the order the README tells them.
import type { Story } from './createStoryKit';
import { duplicateStories } from './duplicateStories';
import { exclusionStories } from './exclusionStories';
import { matchingStories } from './matchingStories';
import { periodStories } from './periodStories';
import { precedenceStories } from './precedenceStories';
import { unmatchedStories } from './unmatchedStories';

export const stories: Story[] = [
  ...matchingStories,
  ...exclusionStories,
  ...duplicateStories,
  ...periodStories,
  ...unmatchedStories,
  ...precedenceStories,
];
