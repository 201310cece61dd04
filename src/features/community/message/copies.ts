import {
  type LiveMessage,
  queueRefresh,
  type Rendering,
  refreshFromJob,
  refreshSubject,
  rememberMessage,
} from '../../../delivery/live.js';
import { translator } from '../../../i18n/index.js';
import type { OutgoingMessage, PostedRef } from '../../../slack/gateway.js';
import type { CommunityDeps as Deps } from '../deps.js';
import { COPIES_JOB, copiesSubject, RENDER_INTERVAL_MS } from '../ids.js';
import type { CommunityEvent } from '../model.js';
import { countsOf, findEvent, setCopiesState } from '../repository.js';
import { inviteMessage } from './views.js';

/**
 * The invite's copies sent by DM (invite by DM: guests outside the channel) are kept current through
 * `live_messages` (src/delivery/live.ts), under `community:<eventId>`, kind `inviteCopy`, `arg` the
 * person who invited (the copy's first line). Rewritten after an edit or a cancellation at once, and
 * for new counts paced: after a rewrite of n copies, the next one for counts waits n render
 * intervals (chat.update is Tier 3: the copies of one event average at most one update per
 * interval beside the channel message's); the catch-up pass brings up what the pacing left behind.
 */
export function rememberCopy(
  deps: Deps,
  eventId: string,
  to: string,
  by: string,
  ref: PostedRef,
  message: OutgoingMessage | null,
): Promise<void> {
  const what = { subject: copiesSubject(eventId), kind: 'inviteCopy', to, arg: by };
  return rememberMessage(deps.db, what, ref, message, deps.clock.now());
}

/** One copy as it should read now, for its reader: a cancelled event's copy is final (no button). */
async function renderCopy(deps: Deps, m: LiveMessage): Promise<Rendering> {
  const event = await findEvent(deps.db, m.subject.slice(copiesSubject('').length));
  if (!event) return null;
  const locale = await deps.users.localeOf(m.to, deps.config.defaultLocale);
  const intro = m.arg ? translator(locale)('community.inviteDm', { user: m.arg }) : undefined;
  const message = inviteMessage(event, await countsOf(deps.db, event), locale, deps.clock.now(), intro);
  return { message, final: event.status === 'cancelled' };
}

/**
 * After the channel message was rendered (or from the catch-up pass): rewrites the copies as a
 * durable job if they are due, else marks them behind for the pass.
 */
export async function requestCopies(deps: Deps, event: CommunityEvent): Promise<void> {
  if (event.copiesDueAt > deps.clock.now()) {
    if (!event.copiesBehind) await setCopiesState(deps.db, event._id, { behind: true });
    return;
  }
  await setCopiesState(deps.db, event._id, { behind: false });
  await queueRefresh(deps, COPIES_JOB, copiesSubject(event._id.toString()));
}

/** The job: every copy of the event rebuilt from the stored state; the next rewrite for counts is paced. */
export async function refreshCopies(deps: Deps, payload: Record<string, unknown>): Promise<undefined> {
  const started = deps.clock.now();
  const updated = await refreshFromJob(deps, payload, (m) => renderCopy(deps, m));
  const event = await findEvent(deps.db, refreshSubject(payload).slice(copiesSubject('').length));
  if (event && updated > 0 && event.copiesDueAt <= started)
    await setCopiesState(deps.db, event._id, {
      behind: event.copiesBehind,
      dueAt: new Date(started.getTime() + updated * RENDER_INTERVAL_MS),
    });
  return undefined;
}
