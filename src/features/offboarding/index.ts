import type { Feature } from '../feature.js';
import { closeAtDeadline, sendNotice } from './closing/jobs.js';
import { registerClosingListeners } from './closing/listeners.js';
import { finishInterruptedClosings } from './closing/service.js';
import { registerMissionEndCommand } from './command/listeners.js';
import type { OffboardingDeps } from './deps.js';
import { registerEvaluationListeners } from './evaluation/listeners.js';
import { planLegacyFeedbackReminder } from './feedback/jobs.js';
import { registerFeedbackListeners } from './feedback/listeners.js';
import { registerHandoverListeners } from './handover/listeners.js';
import { DEADLINE_JOB, FEEDBACK_REMINDER_JOB, NOTICE_JOB, PROPOSAL_JOB, REFRESH_JOB } from './ids.js';
import { queueOffboardingRefresh, refreshOffboardingMessages } from './messages/service.js';
import { eraseOffboardingData, offboardingDataOf } from './personal-data/repository.js';
import { sendProposal } from './start/jobs.js';
import { registerStartListeners } from './start/listeners.js';
import { planProposalOf, planProposalsDaily } from './start/service.js';
import { offboardingStats } from './stats.js';

export type { OffboardingDeps } from './deps.js';
export { type OffboardingTodo, offboardingTodosOf } from './overview/service.js';
export { MAX_TODOS, offboardingTodoBlocks } from './overview/views.js';
export { offboardingReminders } from './reminders/source.js';

/**
 * Offboarding (PRODUCT.md flow 4): `/mission-end` and the proposal before the end date, the
 * handover gate, the freelancer's feedback and the manager's evaluation, closing once.
 */
export function createOffboardingFeature(deps: OffboardingDeps): Feature {
  let plannedDay = '';
  return {
    name: 'offboarding',
    personalData: {
      export: (userId, reader) => offboardingDataOf(deps.db, userId, reader),
      erase: (userId, subject) => eraseOffboardingData(deps.db, userId, subject),
    },
    rollupSources: [offboardingStats(deps.config.defaultTimezone)],
    listeners(app) {
      registerMissionEndCommand(app, deps);
      registerStartListeners(app, deps);
      registerHandoverListeners(app, deps);
      registerFeedbackListeners(app, deps);
      registerEvaluationListeners(app, deps);
      registerClosingListeners(app, deps);
    },
    jobs: {
      [PROPOSAL_JOB]: (payload, ctx) => sendProposal(deps, payload, ctx),
      [NOTICE_JOB]: (payload, ctx) => sendNotice(deps, payload, ctx),
      [FEEDBACK_REMINDER_JOB]: (payload, ctx) => planLegacyFeedbackReminder(deps, payload, ctx),
      [DEADLINE_JOB]: (payload) => closeAtDeadline(deps, payload),
      [REFRESH_JOB]: (payload) => refreshOffboardingMessages(deps, payload),
    },
    passes: {
      // The day's claim is written once per instance and day, not at every minute's tick.
      'offboarding.plan': async (now) => {
        const day = now.toISOString().slice(0, 10);
        if (day === plannedDay) return undefined;
        const note = await planProposalsDaily(deps, now);
        plannedDay = day;
        return note;
      },
      'offboarding.finish': () => finishInterruptedClosings(deps),
    },
    subscriptions(events) {
      // A new mission, new dates, a new manager: (re)plan the proposal before the end date.
      events.on('mission.changed', async (e) => {
        if (e.schedule) await planProposalOf(deps, e.missionId);
        // Every change of a mission (an item settled, a form in, closed, cancelled, a new manager,
        // new dates) rewrites the offboarding messages sent about it, for everyone who got one.
        await queueOffboardingRefresh(deps, e.missionId);
      });
    },
  };
}
