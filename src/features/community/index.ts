import type { Feature } from '../feature.js';
import { registerAnswerListeners } from './answers/listeners.js';
import type { CommunityDeps } from './deps.js';
import { planDigest, postDigest } from './digest/jobs.js';
import { COPIES_JOB, DIGEST_JOB, INVITES_JOB, NOTICE_JOB, PROMOTED_JOB, REMINDER_JOB } from './ids.js';
import { registerInviteListeners } from './invite/listeners.js';
import { sendInvites } from './invite/service.js';
import { refreshCopies } from './message/copies.js';
import { MessageCoalescer, renderDirtyEvents } from './message/service.js';
import { sendNotice, sendPromoted, sendReminders } from './notices/jobs.js';
import { communityDataOf, eraseCommunityData } from './personal-data/repository.js';
import { eventStats } from './stats.js';

export type { CommunityDeps, PoolMember } from './deps.js';
export { communityHome } from './overview/service.js';

/**
 * Community events (`community`, not to be confused with src/events.ts, the domain event bus):
 * `/event-invite`, the invite with RSVP, seats and waitlist, coalesced message updates, reminders,
 * edits and cancellations, invites by DM for guests, the weekly digest.
 */
export function createCommunityFeature(deps: CommunityDeps): Feature {
  const coalescer = new MessageCoalescer(deps);
  return {
    name: 'community',
    personalData: {
      export: (userId) => communityDataOf(deps.db, userId),
      erase: (userId, subject) => eraseCommunityData(deps.db, userId, subject),
    },
    rollupSources: [eventStats(deps.config.defaultTimezone)],
    listeners(app) {
      registerInviteListeners(app, deps, coalescer);
      registerAnswerListeners(app, deps, coalescer);
    },
    jobs: {
      [REMINDER_JOB]: (payload, ctx) => sendReminders(deps, payload, ctx),
      [NOTICE_JOB]: (payload, ctx) => sendNotice(deps, payload, ctx),
      [PROMOTED_JOB]: (payload, ctx) => sendPromoted(deps, payload, ctx),
      [INVITES_JOB]: (payload, ctx) => sendInvites(deps, payload, ctx),
      [DIGEST_JOB]: (payload, ctx) => postDigest(deps, payload, ctx),
      [COPIES_JOB]: (payload) => refreshCopies(deps, payload),
    },
    passes: {
      'community.render': (now) => renderDirtyEvents(coalescer, deps, now),
      'community.digest': (now) => planDigest(deps, now),
    },
  };
}
