import type { Deps } from '../../deps.js';
import type { Feature } from '../feature.js';
import { registerMissionAdmin } from './admin/listeners.js';
import { registerMissionList } from './list-listeners.js';
import { registerMissionStart } from './start/listeners.js';

/** Missions: `/mission-start`, `/missions`, the lifecycle, admin corrections. */
export function createMissionsFeature(deps: Deps): Feature {
  return {
    name: 'missions',
    listeners(app) {
      registerMissionStart(app, deps);
      registerMissionAdmin(app, deps);
      registerMissionList(app, deps);
    },
  };
}
