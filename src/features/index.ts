import type { Deps } from '../deps.js';
import { createCheckinsFeature } from './checkins/index.js';
import type { Feature } from './feature.js';
import { createHelpFeature } from './help/index.js';
import { createHomeFeature } from './home/index.js';
import { createMissionsFeature } from './missions/index.js';
import { createOnboardingFeature } from './onboarding/index.js';

/** Every feature, in registration order, built from the app's dependencies. */
export function buildFeatures(deps: Deps): readonly Feature[] {
  return [
    createHelpFeature(deps),
    createMissionsFeature(deps),
    createOnboardingFeature(deps),
    createCheckinsFeature(deps),
    createHomeFeature(deps),
  ];
}
