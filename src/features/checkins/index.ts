import type { Feature } from '../feature.js';
import { registerCheckinJobs } from './jobs.js';
import { registerCheckinListeners } from './listeners.js';
import { registerZoneListener } from './zone-listener.js';

/** Weekly check-ins: planning, paced delivery, reminders, the modal, answers and alerts. */
export const checkinsFeature: Feature = {
  name: 'checkins',
  register(app, deps) {
    registerCheckinListeners(app, deps);
    registerZoneListener(app, deps);
  },
  registerJobs: registerCheckinJobs,
};
