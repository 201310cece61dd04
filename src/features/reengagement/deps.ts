import type { Deps } from '../../deps.js';
import type { MissionStartRequest } from '../missions/index.js';

/**
 * What re-engagement uses: the app's dependencies, and the mission modal (handed over by
 * features/index.ts, which binds missions' `openMissionStart` to what a mission start needs).
 */
export type ReengagementDeps = Pick<
  Deps,
  'config' | 'logger' | 'clock' | 'db' | 'gateway' | 'dispatcher' | 'users' | 'scheduler'
> & { proposeMission: (req: MissionStartRequest) => Promise<void> };
