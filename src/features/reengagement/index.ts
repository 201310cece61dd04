import type { Feature } from '../feature.js';
import type { ReengagementDeps } from './deps.js';
import { NUDGE_JOB, PING_JOB, REFRESH_JOB } from './ids.js';
import { registerReengagementListeners } from './listeners.js';
import { refreshReengagementMessages } from './messages.js';
import { eraseReengagementOf, reengagementOf } from './repository.js';
import { planReengagement, runNudge, runPing } from './service.js';

export type { ReengagementDeps } from './deps.js';

/**
 * Re-engagement (PRODUCT.md flow 6): a mission that ended well nudges its manager at 30, 90 and 180
 * days; alumni are asked about their availability once a quarter. Every nudge is a durable job,
 * sent through the dispatcher, at most one per person per week, in their sending hours.
 */
export function createReengagementFeature(deps: ReengagementDeps): Feature {
  return {
    name: 'reengagement',
    listeners: (app) => registerReengagementListeners(app, deps),
    jobs: {
      [NUDGE_JOB]: (payload, ctx) => runNudge(deps, payload, ctx),
      [PING_JOB]: (payload, ctx) => runPing(deps, payload, ctx),
      [REFRESH_JOB]: (payload) => refreshReengagementMessages(deps, payload),
    },
    subscriptions: (events) => events.on('mission.closed', (closed) => planReengagement(deps, closed)),
    personalData: {
      export: (userId) => reengagementOf(deps.db, userId),
      erase: (userId) => eraseReengagementOf(deps.db, userId),
    },
  };
}
