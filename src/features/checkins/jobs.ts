import { DateTime } from 'luxon';
import type { Deps } from '../../deps.js';
import { claimOnce } from '../../scheduler/once.js';
import { deliverDue } from './delivery.js';
import { registerFollowUpJob } from './followups.js';
import { PLAN_MARK } from './ids.js';
import { planAll, planMission } from './plan.js';
import { sendDueReminders } from './reminders.js';
import { closeUnanswered } from './repository.js';

/**
 * Check-ins in the scheduler's pass, in order: plan (once an hour across all instances), send what is
 * due, remind, close unanswered weeks. A mission whose schedule changes is re-planned at once. Follow-ups of
 * answers are jobs of the runner.
 */
export function registerCheckinJobs(deps: Deps): void {
  registerFollowUpJob(deps);
  deps.scheduler.addPlanner('checkins', async () => {
    const now = deps.clock.now();
    const hour = DateTime.fromJSDate(now, { zone: 'utc' }).toFormat("yyyy-MM-dd'T'HH");
    const planned = (await claimOnce(deps.db, `${PLAN_MARK}:${hour}`, now)) ? await planAll(deps, now) : 0;
    const d = await deliverDue(deps, now);
    const r = await sendDueReminders(deps, now);
    const missed = await closeUnanswered(deps.db, now);
    const parts = [
      planned && `${planned} planned`,
      d.sent && `${d.sent} sent`,
      d.late && `${d.late} missed (due over 12 h ago)`,
      d.retry && `${d.retry} to retry`,
      d.undeliverable && `${d.undeliverable} undeliverable`,
      r.sent && `${r.sent} reminder(s) sent`,
      r.held && `${r.held} reminder(s) held to sending hours`,
      r.muted && `${r.muted} reminder(s) muted`,
      missed && `${missed} unanswered, now missed`,
    ].filter(Boolean);
    return parts.length > 0 ? parts.join(', ') : undefined;
  });
  deps.events.on('mission.changed', async ({ missionId, schedule }) => {
    if (schedule) await planMission(deps, missionId, deps.clock.now());
  });
}
