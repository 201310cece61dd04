import type { WorkCalendar } from '../../../calendar/work-calendar.js';
import { nonUrgentSendTime, preferencesOf } from '../../preferences/index.js';
import { moveReminder, remindersDue } from '../delivery/repository.js';
import type { CheckinsDeps as Deps } from '../deps.js';
import type { Checkin } from '../model.js';
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
 * category drops it. Each is claimed by a conditional update before its DM (no double reminder across
 * instances) and given back if Slack refuses it. After the reminder, the week stays open one more
 * reminder delay (never past the next check-in), then counts as missed.
 */
export async function sendDueReminders(
  deps: Deps,
  now: Date,
  _signal?: AbortSignal,
): Promise<ReminderReport> {
  const report: ReminderReport = { sent: 0, held: 0, muted: 0 };
  const due = await remindersDue(deps.db, now, BATCH);
  if (due.length === 0) return report;
  const prefs = await preferencesOf(
    deps.db,
    due.map((c) => c.freelancerId),
  );
  const grace = deps.config.checkinReminderHours * 3600_000;
  await Promise.all(
    due.map(async (c) => {
      const closesAt = new Date(
        Math.min(c.closesAt?.getTime() ?? Number.POSITIVE_INFINITY, now.getTime() + grace),
      );
      const at = nonUrgentSendTime(now, calendarOf(c), prefs.get(c.freelancerId), 'reminders');
      if (at === null) {
        if (await moveReminder(deps.db, c, { reminderAt: null, closesAt })) report.muted += 1;
        return;
      }
      if (at > now) {
        if (await moveReminder(deps.db, c, { reminderAt: at })) report.held += 1;
        return;
      }
      if (!(await moveReminder(deps.db, c, { reminderAt: null, reminderSentAt: now, closesAt }))) return;
      try {
        await deps.gateway.sendDm(c.freelancerId, checkinReminderMessage(c, closesAt), 'bulk');
        report.sent += 1;
      } catch (err) {
        // Give the reminder back for the next pass.
        await moveReminder(
          deps.db,
          { _id: c._id, reminderAt: null },
          {
            reminderAt: c.reminderAt,
            reminderSentAt: null,
            closesAt: c.closesAt,
          },
        );
        deps.logger.warn('check-in reminder not delivered, will retry', {
          checkin: c._id.toString(),
          error: String(err),
        });
      }
    }),
  );
  return report;
}
