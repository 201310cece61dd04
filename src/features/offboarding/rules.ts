import { DateTime } from 'luxon';
import type { Locale } from '../../config.js';
import type { HandoverItem } from '../../events.js';
import type { Mission } from '../missions/index.js';
import type { HandoverItemDoc, Offboarding } from './model.js';

/**
 * Days after offboarding starts: what each side still owes (handover items, feedback, evaluation)
 * is reminded once in their digest, then the mission closes without the feedback.
 */
export const REMINDER_DAYS = 3;
export const FEEDBACK_DEADLINE_DAYS = 7;

/** Who may start an offboarding, change its end date, waive items, evaluate, renew: the manager or an admin. */
export function mayRunOffboarding(
  userId: string,
  mission: Pick<Mission, 'managerId'>,
  admins: readonly string[],
) {
  return userId === mission.managerId || admins.includes(userId);
}

/** An item is confirmed by its owner only. */
export function mayConfirm(userId: string, item: Pick<HandoverItemDoc, 'ownerId'>): boolean {
  return userId === item.ownerId;
}

/**
 * Who may read a mission's private note, evaluation and feedback: a manager (anyone who manages or
 * managed a mission) or an admin — never the mission's freelancer, even one who manages elsewhere.
 */
export function mayReadPrivate(
  userId: string,
  mission: Pick<Mission, 'freelancerId'>,
  who: { admin: boolean; managesAny: boolean },
): boolean {
  if (userId === mission.freelancerId) return false;
  return who.admin || who.managesAny;
}

/** Missions an offboarding can start from. */
export function canStartOffboarding(status: Mission['status']): boolean {
  return status === 'onboarding' || status === 'active';
}

/** When the proposal is due: `days` before the end date, at the start of that day in the manager's zone. */
export function proposalDueAt(endDate: string, days: number, zone: string): Date {
  return DateTime.fromISO(endDate, { zone }).minus({ days }).startOf('day').toJSDate();
}

/** `days` after `from`. */
export function daysAfter(from: Date, days: number): Date {
  return new Date(from.getTime() + days * 86_400_000);
}

/** The follow-up mission's dates: from the day after the old end, for as long as the old one ran (≤ 1 year). */
export function followUpDates(mission: Pick<Mission, 'startDate' | 'endDate'>): {
  start: string;
  end: string;
} {
  const oldStart = DateTime.fromISO(mission.startDate, { zone: 'utc' });
  const oldEnd = DateTime.fromISO(mission.endDate, { zone: 'utc' });
  const start = oldEnd.plus({ days: 1 });
  const length = Math.min(Math.max(1, Math.round(oldEnd.diff(oldStart, 'days').days)), 364);
  return { start: start.toISODate() ?? '', end: start.plus({ days: length }).toISODate() ?? '' };
}

/** Whether everything is in for closing: the evaluation, and the feedback given or recorded as not given. */
export function formsSettled(off: Pick<Offboarding, 'evaluationGiven' | 'feedbackState'>): boolean {
  return off.evaluationGiven && off.feedbackState !== 'pending';
}

/** The handover card of settled items, labels in `locale`. */
export function handoverCard(items: readonly HandoverItemDoc[], locale: Locale): HandoverItem[] {
  return items
    .filter((i) => i.state !== 'open')
    .map((i) => ({
      label: i.label[locale],
      owner: i.owner,
      state: i.state as 'confirmed' | 'waived',
      by: i.by ?? '',
      at: i.at ?? new Date(0),
      ...(i.reason ? { reason: i.reason } : {}),
      links: i.links,
    }));
}
