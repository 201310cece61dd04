import type { Feature } from '../feature.js';
import { registerAnswerListeners } from './answers/listeners.js';
import { registerCheckinCommand } from './command/listeners.js';
import { closingPasses, deliveryWorkers } from './delivery/jobs.js';
import type { CheckinsDeps } from './deps.js';
import { followUpJobs } from './followups/jobs.js';
import { checkinsPersonalData } from './personal-data/service.js';
import { planningPasses, subscribePlanning } from './planning/jobs.js';
import { reminderWorkers } from './reminders/jobs.js';
import { retentionPasses } from './retention/jobs.js';
import { checkinStats } from './stats.js';

export { openCheckinButton } from './answers/views.js';
export type { CheckinsDeps } from './deps.js';
export {
  type HomeCheckins,
  healthOfManaged,
  homeCheckinsOf,
  type MissionHealth,
} from './overview/service.js';

/** Weekly check-ins: planning, paced delivery, reminders, the modal, answers, follow-ups and pauses. */
export function createCheckinsFeature(deps: CheckinsDeps): Feature {
  return {
    name: 'checkins',
    listeners(app) {
      registerCheckinCommand(app, deps);
      registerAnswerListeners(app, deps);
    },
    jobs: followUpJobs(deps),
    passes: { ...planningPasses(deps), ...closingPasses(deps), ...retentionPasses(deps) },
    workers: { ...deliveryWorkers(deps), ...reminderWorkers(deps) },
    subscriptions: (events) => subscribePlanning(deps, events),
    personalData: checkinsPersonalData(deps.db),
    rollupSources: [checkinStats],
  };
}
