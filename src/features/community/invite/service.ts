import { translator } from '../../../i18n/index.js';
import { readerOf } from '../../../slack/reader.js';
import { eachMissionWithStatus } from '../../missions/index.js';
import { fillSeats } from '../answers/service.js';
import type { CommunityDeps as Deps } from '../deps.js';
import { INVITES_JOB } from '../ids.js';
import { rememberCopy, requestCopies } from '../message/copies.js';
import type { MessageCoalescer } from '../message/service.js';
import { inviteMessage } from '../message/views.js';
import type { CommunityEvent } from '../model.js';
import { planReminders, queueNotice, sendToEach } from '../notices/jobs.js';
import {
  cancelEvent,
  countsOf,
  findEvent,
  insertEvent,
  markDirty,
  setEventMessage,
  updateEvent,
} from '../repository.js';
import { mayManage } from '../rules.js';
import type { EventInput } from './input.js';
import { eventModal, inviteModal } from './views.js';

/** Opens the event form, the zone defaulting to the animator's own (from their Slack profile). */
export async function openEventModal(deps: Deps, triggerId: string, userId: string): Promise<void> {
  const reader = await readerOf(deps, userId, 1_500);
  await deps.gateway.openModal(
    triggerId,
    eventModal(reader.locale, {
      timezone: reader.zone,
      ...(deps.config.communityChannelId ? { channelId: deps.config.communityChannelId } : {}),
    }),
  );
}

/** Stores the event (once per submission), posts the invite, plans the reminders, tells the animator. */
export async function createEvent(
  deps: Deps,
  input: EventInput,
  userId: string,
  creationKey: string,
): Promise<void> {
  const stored = await insertEvent(deps.db, { ...input, createdBy: userId, creationKey });
  if (stored === 'duplicate') return;
  const tr = translator(await deps.users.localeOf(userId, deps.config.defaultLocale));
  const message = inviteMessage(
    stored,
    { going: 0, waitlist: 0, maybe: 0, no: 0 },
    deps.config.defaultLocale,
    deps.clock.now(),
  );
  const posted = await deps.gateway.postInChannel(input.channelId, message);
  if (!posted.ok) {
    await cancelEvent(deps.db, stored._id);
    const key =
      posted.reason === 'archived' ? 'community.postFailed.archived' : 'community.postFailed.private';
    await deps.gateway.sendDm(userId, { text: tr(key, { channel: input.channelId }) });
    return;
  }
  await setEventMessage(deps.db, stored._id, posted.ref);
  await planReminders(deps, stored);
  await deps.gateway.sendDm(userId, {
    text: tr('community.posted', { title: stored.title, channel: input.channelId }),
  });
}

/** Opens the edit form of an event for someone who may manage it. */
export async function openEditModal(deps: Deps, triggerId: string, userId: string, event: CommunityEvent) {
  const reader = await readerOf(deps, userId, 1_500);
  await deps.gateway.openModal(triggerId, eventModal(reader.locale, { timezone: event.timezone, event }));
}

/**
 * An edit: stored, the message updated, the reminders re-planned for a new time (the old jobs find
 * a different start and do nothing), a raised capacity promotes, and those going or waiting are told
 * of a new time or place.
 */
export async function editEvent(
  deps: Deps,
  coalescer: MessageCoalescer,
  eventId: string,
  input: EventInput,
  userId: string,
): Promise<'forbidden' | 'gone' | 'done'> {
  const before = await findEvent(deps.db, eventId);
  if (before?.status !== 'open') return 'gone';
  if (!mayManage(deps.config, before, userId)) return 'forbidden';
  const { channelId: _sameChannel, ...changes } = input;
  const moved = before.startsAt.getTime() !== input.startsAt.getTime() || before.place !== input.place;
  const after = await updateEvent(deps.db, before._id, changes, moved);
  if (!after) return 'gone';
  if (after.capacity !== null) await fillSeats(deps, after._id);
  await markDirty(deps.db, after._id);
  void coalescer.request(after._id);
  if (before.startsAt.getTime() !== after.startsAt.getTime()) await planReminders(deps, after);
  if (moved) await queueNotice(deps, after, 'changed');
  return 'done';
}

/** Cancels once: the message says so, those going and waiting are told, no reminder goes. */
export async function cancel(
  deps: Deps,
  coalescer: MessageCoalescer,
  event: CommunityEvent,
): Promise<boolean> {
  const cancelled = await cancelEvent(deps.db, event._id);
  if (!cancelled) return false;
  void coalescer.request(cancelled._id);
  await queueNotice(deps, cancelled, 'cancelled');
  return true;
}

/** Members of a channel (paged), or undefined when Slack will not say (then nobody is left out). */
async function channelMembers(deps: Deps, channelId: string): Promise<Set<string> | undefined> {
  try {
    const members = new Set<string>();
    let cursor: string | undefined;
    for (let page = 0; page < 20; page++) {
      const res = await deps.gateway.channelMembers(channelId, cursor);
      for (const m of res.members) members.add(m);
      cursor = res.nextCursor;
      if (!cursor) break;
    }
    return members;
  } catch {
    return undefined;
  }
}

/** The invite-by-DM form, with the freelancers of open missions who cannot see the channel already picked. */
export async function openInviteModal(deps: Deps, triggerId: string, userId: string, event: CommunityEvent) {
  const reader = await readerOf(deps, userId, 1_000);
  const freelancers = new Set<string>();
  for (const status of ['onboarding', 'active', 'offboarding'] as const)
    for await (const m of eachMissionWithStatus(deps.db, status)) freelancers.add(m.freelancerId);
  const members = await channelMembers(deps, event.channelId);
  const outside = [...freelancers].filter((u) => !members?.has(u)).slice(0, 100);
  await deps.gateway.openModal(triggerId, inviteModal(reader.locale, event._id.toString(), outside));
}

/** Queues the DM copies of the invite (durable: a job, each DM once) and runs it now. */
export async function queueInvites(
  deps: Deps,
  event: CommunityEvent,
  by: string,
  userIds: readonly string[],
  viewId: string,
) {
  const key = `${INVITES_JOB}:${event._id.toString()}:${viewId}`;
  await deps.scheduler.runner.startNow({
    key,
    name: INVITES_JOB,
    payload: { eventId: event._id.toString(), by, userIds: [...userIds] },
  });
}

/** The job: one DM copy of the invite per person, with the same buttons (answers work the same), kept current. */
export async function sendInvites(deps: Deps, payload: Record<string, unknown>, ctx: { key: string }) {
  const event = await findEvent(deps.db, String(payload.eventId ?? ''));
  if (event?.status !== 'open') return;
  const by = String(payload.by ?? '');
  const userIds = Array.isArray(payload.userIds) ? payload.userIds.map(String) : [];
  const counts = await countsOf(deps.db, event);
  const eventId = event._id.toString();
  await sendToEach(
    deps,
    ctx.key,
    userIds,
    (locale) =>
      inviteMessage(
        event,
        counts,
        locale,
        deps.clock.now(),
        translator(locale)('community.inviteDm', { user: by }),
      ),
    // Each copy is kept current with the event (message/copies.ts).
    (to, ref, message) => rememberCopy(deps, eventId, to, by, ref, message),
  );
  // An edit or a cancellation between the read above and the copies' places being stored.
  const after = await findEvent(deps.db, eventId);
  if (after && after.version !== event.version) await requestCopies(deps, after);
}
