import type { Deps } from '../deps.js';
import { createAnalyticsFeature } from './analytics/index.js';
import { createCheckinsFeature } from './checkins/index.js';
import { createCommunityFeature } from './community/index.js';
import type { Feature } from './feature.js';
import { createHelpFeature } from './help/index.js';
import { createHomeFeature, refreshHomes } from './home/index.js';
import { createMissionsFeature, type MissionStartDeps, openMissionStart } from './missions/index.js';
import { createOffboardingFeature, offboardingReminders } from './offboarding/index.js';
import { createOnboardingFeature, missionOnboarding, onboardingReminders } from './onboarding/index.js';
import { createPreferencesFeature, preferencesSubcommand } from './preferences/index.js';
import {
  createPrivacyFeature,
  type NamedPersonalData,
  personHasher,
  privacySubcommand,
} from './privacy/index.js';
import { createReengagementFeature } from './reengagement/index.js';
import { createRemindersFeature } from './reminders/index.js';
import { createTalentFeature, newPoolMembers, suggestAlumni } from './talent/index.js';

/**
 * Every feature, in registration order, each built from the dependencies it uses. Where one feature
 * needs another that already depends on it, the API is handed over here instead of imported
 * (missions → onboarding, help → preferences), so features never import each other in a circle.
 */
export function buildFeatures(deps: Deps): readonly Feature[] {
  const missionStart: MissionStartDeps = {
    ...deps,
    onboarding: missionOnboarding(deps),
    alumni: (skills, limit, exclude) => suggestAlumni(deps, skills, limit, exclude),
  };
  // Privacy reaches every feature's personal data, read when a request runs (all are built by then).
  let features: readonly Feature[] = [];
  const personalData = (): readonly NamedPersonalData[] =>
    features.flatMap((f) => (f.personalData ? [{ feature: f.name, data: f.personalData }] : []));
  const privacyDeps = { ...deps, personalData };
  const sources = () => features.flatMap((f) => f.rollupSources ?? []);
  // What can pile up for a person, gathered into one reminder digest a day.
  const offboardingDeps = { ...deps, onboarding: missionOnboarding(deps) };
  const reminderSources = [onboardingReminders(deps), offboardingReminders(offboardingDeps)];
  features = [
    createHelpFeature({
      ...deps,
      subcommands: [preferencesSubcommand(deps), privacySubcommand(privacyDeps)],
    }),
    createPreferencesFeature(deps),
    createMissionsFeature(missionStart),
    createOnboardingFeature(deps),
    createCheckinsFeature(deps),
    createOffboardingFeature(offboardingDeps),
    createRemindersFeature({ ...deps, sources: () => reminderSources }),
    createCommunityFeature({ ...deps, poolMembers: (since) => newPoolMembers(deps.db, since) }),
    createHomeFeature(deps),
    createTalentFeature({
      ...deps,
      onboarding: missionOnboarding(deps),
      refreshHome: (id) => refreshHomes(deps, [id]),
    }),
    createReengagementFeature({ ...deps, proposeMission: (req) => openMissionStart(missionStart, req) }),
    createPrivacyFeature(privacyDeps),
    createAnalyticsFeature({ ...deps, sources, personHash: () => personHasher(deps.db) }),
  ];
  return features;
}
