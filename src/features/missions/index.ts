import type { Feature } from '../feature.js';
import { missionStats } from './stats.js';

export { changeMissionDates } from './admin/service.js';

import { registerMissionAdmin } from './admin/listeners.js';
import type { MissionStartDeps } from './deps.js';
import { missionsPersonalData } from './personal-data/service.js';
import { registerMissionStart } from './start/listeners.js';
import { queueMissionRefresh, REFRESH_JOB, refreshMissionMessages } from './start/messages.js';
import { registerZoneListener } from './zone/listeners.js';

export type { MissionOnboarding, MissionStartDeps, MissionsDeps, TemplateOption } from './deps.js';
export type { CheckinSlot, HistoryEntry, Mission } from './model.js';
export {
  changeStatus,
  closeWithHandover,
  countActiveMissions,
  eachMissionWithStatus,
  eachStatsMission,
  emptyCounts,
  findMission,
  type ListedMission,
  listedMissionsInStatus,
  listedMissionsManagedBy,
  listedMissionsOfFreelancer,
  managesAnyMission,
  missionCountsByStatus,
  missionsManagedBy,
  missionsOfFreelancer,
  type StatsMission,
  type StatusCounts,
  setCheckinPause,
  setChecklistMessages,
} from './repository.js';
export {
  type GuardFacts,
  isOpen,
  type MissionEvent,
  type MissionStatus,
  missionStatuses,
  nextStatus,
  statusReachedAt,
} from './rules.js';
export type { MissionPrefill } from './start/input.js';
export { type MissionStartRequest, openMissionStart } from './start/service.js';

/** Missions: `/mission-start`, the lifecycle, admin corrections, the check-in calendar following the freelancer. */
export function createMissionsFeature(deps: MissionStartDeps): Feature {
  return {
    name: 'missions',
    listeners(app) {
      registerMissionStart(app, deps);
      registerMissionAdmin(app, deps);
      registerZoneListener(app, deps);
    },
    jobs: { [REFRESH_JOB]: (payload) => refreshMissionMessages(deps, payload) },
    // The manager's confirmation follows the mission (its admin menu goes once it is finished).
    subscriptions: (events) => events.on('mission.changed', (e) => queueMissionRefresh(deps, e.missionId)),
    personalData: missionsPersonalData(deps.db),
    rollupSources: [missionStats(deps.config.defaultTimezone)],
  };
}
