import type { Feature } from '../feature.js';
import type { RemindersDeps } from './deps.js';
import { DIGEST_JOB } from './ids.js';
import { deleteDigestsOf, digestsOf } from './repository.js';
import { redrawDigests, sendDigest } from './service.js';

export type { RemindersDeps } from './deps.js';
export { digestJobKey } from './ids.js';
export { type PlanDeps, planDigest } from './service.js';
export type { DigestEntry, ReminderSource } from './source.js';

/**
 * Reminders of things that pile up (PRODUCT.md §9): one digest per person and local day, in their
 * sending hours, listing every item of theirs due a reminder and never reminded, from every source
 * (onboarding items, handover items, feedback and evaluation to give), with the buttons that do them.
 */
export function createRemindersFeature(deps: RemindersDeps): Feature {
  return {
    name: 'reminders',
    jobs: { [DIGEST_JOB]: (payload, ctx) => sendDigest(deps, payload, ctx) },
    subscriptions(events) {
      // A tick, a confirmation, a form given: the digests that list the mission show it.
      events.on('mission.changed', async ({ missionId, userIds }) => {
        for (const userId of userIds) await redrawDigests(deps, userId, missionId);
      });
    },
    personalData: {
      async export(userId) {
        const digests = await digestsOf(deps.db, userId);
        return {
          reminderDigests: {
            description: 'privacy.export.section.reminderDigests',
            digests: digests.map((d) => ({ day: d.day, missions: d.missionIds })),
          },
        };
      },
      erase: (userId) => deleteDigestsOf(deps.db, userId),
    },
  };
}
