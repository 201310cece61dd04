import type { Deps } from '../../deps.js';
import type { Feature } from '../feature.js';
import { registerHomeListeners } from './listeners.js';
import { refreshHomes } from './service-publish.js';

/** The App Home: one view per reader, composed from their roles, refreshed on mission changes. */
export function createHomeFeature(deps: Deps): Feature {
  return {
    name: 'home',
    listeners: (app) => registerHomeListeners(app, deps),
    // A tick, a new mission or a status change republishes the Homes of the people concerned, in the
    // server and in the jobs CLI alike.
    subscriptions: (events) => events.on('mission.changed', ({ userIds }) => refreshHomes(deps, userIds)),
  };
}
