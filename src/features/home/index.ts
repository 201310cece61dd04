import type { Feature } from '../feature.js';
import type { HomeDeps } from './deps.js';
import { registerHomeListeners, registerMissionList } from './listeners.js';
import { refreshHomes } from './service.js';

export type { HomeDeps } from './deps.js';
export { refreshHomes } from './service.js';

/** The App Home and `/missions`: a person's missions seen from each of their roles, across features. */
export function createHomeFeature(deps: HomeDeps): Feature {
  return {
    name: 'home',
    listeners(app) {
      registerHomeListeners(app, deps);
      registerMissionList(app, deps);
    },
    // A new mission, a status change or a tick republishes the Homes of the people concerned, in the
    // server and in the jobs CLI alike.
    subscriptions: (events) => events.on('mission.changed', ({ userIds }) => refreshHomes(deps, userIds)),
  };
}
