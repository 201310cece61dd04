import type { Feature } from '../feature.js';
import { registerHomeListeners, subscribeHomeRefresh } from './listeners.js';

/** The App Home: one view per reader, composed from their roles, refreshed on mission changes. */
export const homeFeature: Feature = {
  name: 'home',
  register: registerHomeListeners,
  // registerJobs runs once per Deps, in the server and in the jobs CLI alike: a job that changes a
  // mission (reminders, closing) refreshes Homes too, and the subscription is never doubled.
  registerJobs: subscribeHomeRefresh,
};
