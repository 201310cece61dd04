import type { Worker } from '../../../scheduler/scheduler.js';
import { joined } from '../delivery/jobs.js';
import type { CheckinsDeps } from '../deps.js';
import { type ReminderReport, sendDueReminders } from './service.js';

/** The reminders of unanswered check-ins: a paced delivery beside the passes. */
export function reminderWorkers(deps: CheckinsDeps): Record<string, Worker> {
  return {
    'checkins.reminders': async (now, signal) => reminderNote(await sendDueReminders(deps, now, signal)),
  };
}

function reminderNote(r: ReminderReport): string | undefined {
  return joined([
    r.sent && `${r.sent} reminder(s) sent`,
    r.held && `${r.held} reminder(s) held to sending hours`,
    r.muted && `${r.muted} reminder(s) muted`,
  ]);
}
