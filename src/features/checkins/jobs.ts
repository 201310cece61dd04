import { DateTime } from 'luxon';
import type { Deps } from '../../deps.js';
import type { DomainEvents } from '../../events.js';
import { claimOnce } from '../../scheduler/once.js';
import type { Pass, Worker } from '../../scheduler/scheduler.js';
import { type DeliveryReport, deliverDue } from './delivery.js';
import { PLAN_MARK } from './ids.js';
import { planAll, planMission } from './plan.js';
import { type ReminderReport, sendDueReminders } from './reminders.js';
import { closeUnanswered } from './repository.js';

/** Planning (once an hour across all instances) and closing unanswered weeks: short passes. */
export function checkinPasses(deps: Deps): Record<string, Pass> {
  return {
    'checkins.plan': async (now) => {
      const hour = DateTime.fromJSDate(now, { zone: 'utc' }).toFormat("yyyy-MM-dd'T'HH");
      if (!(await claimOnce(deps.db, `${PLAN_MARK}:${hour}`, now))) return undefined;
      const planned = await planAll(deps, now);
      return planned ? `${planned} planned` : undefined;
    },
    'checkins.close': async (now) => {
      const missed = await closeUnanswered(deps.db, now);
      return missed ? `${missed} unanswered, now missed` : undefined;
    },
  };
}

/** The check-in DMs and their reminders: long paced deliveries, stopped at a safe point. */
export function checkinWorkers(deps: Deps): Record<string, Worker> {
  return {
    'checkins.delivery': async (now, signal) => deliveryNote(await deliverDue(deps, now, { signal })),
    'checkins.reminders': async (now, signal) => reminderNote(await sendDueReminders(deps, now, signal)),
  };
}

/** A mission whose schedule changed is re-planned at once. */
export function subscribeCheckins(deps: Deps, events: DomainEvents): void {
  events.on('mission.changed', async ({ missionId, schedule }) => {
    if (schedule) await planMission(deps, missionId, deps.clock.now());
  });
}

function deliveryNote(d: DeliveryReport): string | undefined {
  return joined([
    d.sent && `${d.sent} sent`,
    d.late && `${d.late} missed (due over 12 h ago)`,
    d.retry && `${d.retry} to retry`,
    d.undeliverable && `${d.undeliverable} undeliverable`,
    d.inDoubt && `${d.inDoubt} in doubt (not sent again)`,
  ]);
}

function reminderNote(r: ReminderReport): string | undefined {
  return joined([
    r.sent && `${r.sent} reminder(s) sent`,
    r.held && `${r.held} reminder(s) held to sending hours`,
    r.muted && `${r.muted} reminder(s) muted`,
  ]);
}

function joined(parts: (string | 0 | false)[]): string | undefined {
  const kept = parts.filter((p): p is string => typeof p === 'string');
  return kept.length > 0 ? kept.join(', ') : undefined;
}
