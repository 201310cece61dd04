import type { Locale } from '../../../config.js';
import type { Outgoing } from '../../../delivery/dispatcher.js';
import { t } from '../../../i18n/index.js';
import type { JobContext } from '../../../scheduler/runner.js';
import type { OutgoingMessage, PostedRef } from '../../../slack/gateway.js';
import { preferencesOf } from '../../preferences/index.js';
import type { CommunityDeps as Deps } from '../deps.js';
import { NOTICE_JOB, REMINDER_JOB, type ReminderKind, reminderJobKey, reminderOffsets } from '../ids.js';
import type { CommunityEvent } from '../model.js';
import { answersWithStatus, findEvent } from '../repository.js';
import { remindersToPlan } from '../rules.js';
import { dm, placeOf, slackDate, titleOf } from '../views.js';

/** Queues the reminders still to come (24 h and 1 h before); keyed by start time, so an edit plans new ones. */
export async function planReminders(deps: Deps, event: CommunityEvent): Promise<void> {
  for (const r of remindersToPlan(event.startsAt, deps.clock.now())) {
    await deps.scheduler.runner.enqueue({
      key: reminderJobKey(event._id.toString(), event.startsAt, r.kind),
      name: REMINDER_JOB,
      runAt: r.at,
      payload: { eventId: event._id.toString(), startsAt: event.startsAt.toISOString(), kind: r.kind },
    });
  }
}

/** Queues a notice to everyone going and waiting (an edit of the time or place, a cancellation) and runs it now. */
export async function queueNotice(
  deps: Deps,
  event: CommunityEvent,
  kind: 'changed' | 'cancelled',
): Promise<void> {
  const key = `${NOTICE_JOB}:${event._id.toString()}:${kind}:${event.editVersion}`;
  await deps.scheduler.runner.startNow({
    key,
    name: NOTICE_JOB,
    payload: { eventId: event._id.toString(), kind },
  });
}

/** Who is "going" and was seated (the waitlist too with `withWaitlist`). */
async function attendees(deps: Deps, event: CommunityEvent, withWaitlist: boolean) {
  const going = await answersWithStatus(deps.db, event._id, 'going');
  if (event.capacity === null || withWaitlist) return going;
  const seated = new Set(event.seats);
  return going.filter((a) => seated.has(a.userId));
}

/**
 * Sends one DM per person under the job's key (reminders, notices, invite copies), crash-safe: what an earlier run of the same job got
 * accepted or left in doubt (the journal) is never sent again; a refusal that may pass makes the
 * job retry the rest. `onSent`: where each accepted DM is (those of an earlier run included).
 */
export async function sendToEach(
  deps: Deps,
  jobKey: string,
  userIds: readonly string[],
  message: (locale: Locale) => OutgoingMessage,
  onSent?: (userId: string, ref: PostedRef, message: OutgoingMessage | null) => Promise<void>,
): Promise<number> {
  const past = await deps.dispatcher.recover(jobKey);
  const items: Outgoing[] = [];
  for (const userId of userIds) {
    const key = `${jobKey}:${userId}`;
    const receipt = past.accepted.get(key);
    // Sent by an earlier run: told again where it is (idempotent), so that it is kept current.
    if (receipt) await onSent?.(userId, receipt, null);
    if (receipt || past.inDoubt.has(key)) continue;
    const locale = await deps.users.localeOf(userId, deps.config.defaultLocale);
    items.push({ key, to: userId, message: message(locale) });
  }
  if (items.length === 0) return 0;
  const results = await deps.dispatcher.send(jobKey, items, { signal: deps.scheduler.stopSignal });
  if (onSent)
    for (const r of results) {
      const item = items.find((o) => o.key === r.key);
      if (r.status === 'sent' && item) await onSent(item.to, r.ref, item.message);
    }
  const retry = results.filter((r) => r.status === 'unsent' || (r.status === 'refused' && !r.permanent));
  if (retry.length > 0) throw new Error(`${retry.length} DM(s) to send again`);
  return results.filter((r) => r.status === 'sent').length;
}

function whenOf(event: CommunityEvent, locale: Locale): string {
  return slackDate(event.startsAt, locale, event.timezone);
}

/**
 * A reminder (24 h or 1 h before) to those going: time-bound, so it goes at its time whatever the
 * hour, muted only by the "events" category; not for answers given after its moment, not after an
 * edit moved the event (the job of the old time finds nothing), not for a cancelled event.
 */
export async function sendReminders(
  deps: Deps,
  payload: Record<string, unknown>,
  ctx: Pick<JobContext, 'key' | 'now'>,
) {
  const kind = payload.kind as ReminderKind;
  if (!(kind in reminderOffsets)) return;
  const event = await findEvent(deps.db, String(payload.eventId ?? ''));
  if (event?.status !== 'open' || event.startsAt.toISOString() !== payload.startsAt) return;
  if (ctx.now >= event.startsAt) return;
  const moment = new Date(event.startsAt.getTime() - reminderOffsets[kind]);
  const going = (await attendees(deps, event, false)).filter((a) => a.answeredAt <= moment);
  const prefs = await preferencesOf(
    deps.db,
    going.map((a) => a.userId),
  );
  const to = going.map((a) => a.userId).filter((u) => !prefs.get(u)?.muted.includes('events'));
  await sendToEach(deps, ctx.key, to, (locale) =>
    dm(
      t(locale, `community.reminder.${kind}`, {
        title: titleOf(event),
        when: whenOf(event, locale),
        place: placeOf(event),
      }),
    ),
  );
}

/** The notice of an edit (new time or place) or a cancellation, to those going and waiting. */
export async function sendNotice(deps: Deps, payload: Record<string, unknown>, ctx: Pick<JobContext, 'key'>) {
  const event = await findEvent(deps.db, String(payload.eventId ?? ''));
  if (!event) return;
  const kind = payload.kind === 'cancelled' ? 'cancelled' : 'changed';
  const to = (await attendees(deps, event, true)).map((a) => a.userId);
  await sendToEach(deps, ctx.key, to, (locale) =>
    dm(
      kind === 'cancelled'
        ? t(locale, 'community.cancelledNotice', { title: titleOf(event), when: whenOf(event, locale) })
        : t(locale, 'community.changed', {
            title: titleOf(event),
            when: whenOf(event, locale),
            place: placeOf(event),
          }),
    ),
  );
}

/** The DM to someone promoted from the waitlist. */
export async function sendPromoted(
  deps: Deps,
  payload: Record<string, unknown>,
  ctx: Pick<JobContext, 'key'>,
) {
  const event = await findEvent(deps.db, String(payload.eventId ?? ''));
  const userId = String(payload.userId ?? '');
  if (event?.status !== 'open' || !event.seats.includes(userId)) return;
  const locale = await deps.users.localeOf(userId, deps.config.defaultLocale);
  const text = t(locale, 'community.promoted', { title: titleOf(event), when: whenOf(event, locale) });
  await deps.dispatcher.sendForJob(
    ctx.key,
    { to: userId, message: dm(text) },
    { signal: deps.scheduler.stopSignal },
  );
}
