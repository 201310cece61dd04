import type { Deps } from '../../deps.js';
import type { Feature } from '../feature.js';
import { FOLLOWUP_JOB, sendFollowUp } from './followups.js';
import { checkinPasses, checkinWorkers, subscribeCheckins } from './jobs.js';
import { registerCheckinListeners } from './listeners.js';
import { registerZoneListener } from './zone-listener.js';

/** Weekly check-ins: planning, paced delivery, reminders, the modal, answers and alerts. */
export function createCheckinsFeature(deps: Deps): Feature {
  return {
    name: 'checkins',
    listeners(app) {
      registerCheckinListeners(app, deps);
      registerZoneListener(app, deps);
    },
    jobs: { [FOLLOWUP_JOB]: (payload, ctx) => sendFollowUp(deps, payload, ctx.key) },
    passes: checkinPasses(deps),
    workers: checkinWorkers(deps),
    subscriptions: (events) => subscribeCheckins(deps, events),
  };
}
