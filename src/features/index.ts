import { checkinsFeature } from './checkins/index.js';
import type { Feature } from './feature.js';
import { helpFeature } from './help/index.js';
import { homeFeature } from './home/index.js';
import { missionsFeature } from './missions/index.js';
import { onboardingFeature } from './onboarding/index.js';

/** Every feature, in registration order. */
export const features: readonly Feature[] = [
  helpFeature,
  missionsFeature,
  onboardingFeature,
  checkinsFeature,
  homeFeature,
];
