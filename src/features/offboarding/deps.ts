import type { Deps } from '../../deps.js';
import type { MissionOnboarding } from '../missions/index.js';

/**
 * What offboarding uses of the app's dependencies (the dispatcher and scheduler for its durable
 * DMs), plus onboarding's part of a mission start: a renewal opens the mission modal
 * (`openMissionStart`), whose template list comes from onboarding. Handed over by features/index.ts.
 */
export type OffboardingDeps = Pick<
  Deps,
  'config' | 'logger' | 'clock' | 'db' | 'gateway' | 'dispatcher' | 'users' | 'events' | 'scheduler'
> & { onboarding: MissionOnboarding };
