import type { Deps } from '../../deps.js';
import type { MissionOnboarding } from '../missions/index.js';

/**
 * What the talent pool uses: the app's parts, plus onboarding's templates (handed over by
 * features/index.ts) so that "propose a mission" opens the mission modal itself.
 */
export type TalentDeps = Pick<
  Deps,
  'config' | 'logger' | 'clock' | 'db' | 'gateway' | 'users' | 'events' | 'scheduler'
> & {
  onboarding: MissionOnboarding;
  /** Republishes a user's App Home after they edit their profile (home's, handed over). */
  refreshHome?: (userId: string) => Promise<void>;
};
