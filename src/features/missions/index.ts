import type { Feature } from '../feature.js';
import { registerMissionAdmin } from './admin-listeners.js';
import { registerMissionList } from './list-listeners.js';
import { registerMissionStart } from './listeners.js';

/** Missions: `/mission-start`, `/missions`, the lifecycle, admin corrections. */
export const missionsFeature: Feature = {
  name: 'missions',
  register(app, deps) {
    registerMissionStart(app, deps);
    registerMissionAdmin(app, deps);
    registerMissionList(app, deps);
  },
};
