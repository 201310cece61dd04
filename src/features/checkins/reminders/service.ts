import { randomBytes } from 'node:crypto';
import type { WorkCalendar } from '../../../calendar/work-calendar.js';
import { insertNew } from '../../../db/duplicates.js';
import type { Outgoing } from '../../../delivery/dispatcher.js';
import { nonUrgentSendTime, preferencesOf } from '../../preferences/index.js';
import { moveReminder, remindersDue } from '../delivery/repository.js';
import type { CheckinsDeps as Deps } from '../deps.js';
import { type Checkin, checkinReminderMessageModel } from '../model.js';
import { checkinReminderMessage } from './views.js';

const BATCH = 500;

/** What one reminder pass did. */
export interface ReminderReport {
  sent: number;
  held: number;
  muted: number;
}

function calendarOf(c: Checkin): WorkCalendar {
  return { zone: c.zone, country: c.country, workingDays: c.workingDays };
}

/**
 * The one reminder of each unanswered check-in, `checkinReminderHours` after it was sent. A reminder
 * is non-urgent: it waits for the freelancer's sending hours and snooze, and a muted "reminders"
 * category drops it. Reminders go through the dispatcher, each claimed by a conditional update just
 * before its slice goes (no double reminder across instances; a crash leaves only the slices in
 * flight claimed, and those are not sent again) and given back if Slack refuses it. After the
 * reminder, the week stays open one more reminder delay (never past the next check-in), then counts
 * as missed.
 */
export async function sendDueReminders(deps: Deps, now: Date, signal?: AbortSignal): Promise<ReminderReport> {
  const report: ReminderReport = { sent: 0, held: 0, muted: 0 };
  const due = await remindersDue(deps.db, now, BATCH);
  if (due.length === 0) return report;
  const prefs = await preferencesOf(
    deps.db,
    due.map((c) => c.freelancerId),
  );
  const grace = deps.config.checkinReminderHours * 3600_000;
  const closesAtOf = (c: Checkin) =>
    new Date(Math.min(c.closesAt?.getTime() ?? Number.POSITIVE_INFINITY, now.getTime() + grace));
  const toSend: Checkin[] = [];
  await Promise.all(
    due.map(async (c) => {
      const at = nonUrgentSendTime(now, calendarOf(c), prefs.get(c.freelancerId), 'reminders');
      if (at === null) {
        if (await moveReminder(deps.db, c, { reminderAt: null, closesAt: closesAtOf(c) })) report.muted += 1;
      } else if (at > now) {
        if (await moveReminder(deps.db, c, { reminderAt: at })) report.held += 1;
      } else toSend.push(c);
    }),
  );
  const byKey = new Map(toSend.map((c) => [`reminder:${c._id.toHexString()}`, c]));
  const items = [...byKey].map(
    ([key, c]): Outgoing => ({ key, to: c.freelancerId, message: checkinReminderMessage(c, closesAtOf(c)) }),
  );
  const claim = async (slice: Outgoing[]) => {
    const got = await Promise.all(
      slice.map(async (o) => {
        const c = byKey.get(o.key);
        const claimed =
          c &&
          (await moveReminder(deps.db, c, {
            reminderAt: null,
            reminderSentAt: now,
            closesAt: closesAtOf(c),
          }));
        return claimed ? [o] : [];
      }),
    );
    return got.flat();
  };
  const scope = `reminders:${randomBytes(6).toString('hex')}`;
  const results = await deps.dispatcher.send(scope, items, { signal, claim });
  for (const r of results) {
    const c = byKey.get(r.key);
    if (r.status === 'sent') report.sent += 1;
    else if (r.status === 'refused' && !r.permanent && c) {
      // Give the reminder back for the next pass.
      await moveReminder(
        deps.db,
        { _id: c._id, reminderAt: null },
        { reminderAt: c.reminderAt, reminderSentAt: null, closesAt: c.closesAt },
      );
    }
  }
  // Where each reminder landed: its button follows the week (answered, missed).
  await insertNew(
    checkinReminderMessageModel(deps.db),
    results.flatMap((r) => {
      const c = byKey.get(r.key);
      return r.status === 'sent' && c ? [{ _id: c._id, channel: r.ref.channel, ts: r.ref.ts }] : [];
    }),
  );
  await deps.dispatcher.forget(scope);
  return report;
}
