import type { Deps } from '../deps.js';
import { createCheckinsFeature } from './checkins/index.js';
import { createCommunityFeature } from './community/index.js';
import type { Feature } from './feature.js';
import { createHelpFeature } from './help/index.js';
import { createHomeFeature } from './home/index.js';
import { createMissionsFeature } from './missions/index.js';
import { createOnboardingFeature, missionOnboarding } from './onboarding/index.js';
import { createPreferencesFeature, preferencesSubcommand } from './preferences/index.js';

/**
 * Every feature, in registration order, each built from the dependencies it uses. Where one feature
 * needs another that already depends on it, the API is handed over here instead of imported
 * (missions → onboarding, help → preferences), so features never import each other in a circle.
 */
export function buildFeatures(deps: Deps): readonly Feature[] {
  return [
    createHelpFeature({ ...deps, subcommands: [preferencesSubcommand(deps)] }),
    createPreferencesFeature(deps),
    createMissionsFeature({ ...deps, onboarding: missionOnboarding(deps) }),
    createOnboardingFeature(deps),
    createCheckinsFeature(deps),
    createCommunityFeature(deps),
    createHomeFeature(deps),
  ];
}
