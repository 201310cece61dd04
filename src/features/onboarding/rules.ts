import { DateTime } from 'luxon';
import type { Mission } from '../missions/index.js';
import type { ItemOwner, OnboardingItem } from './model.js';

/** Items are due at this local hour on their due day (the start of a working day). */
const DUE_HOUR = 9;
// Reminders are non-urgent: they wait for the owner's sending hours (PRODUCT.md §9).
const SENDING_START_HOUR = 9;
const SENDING_END_HOUR = 19;

/** When an item is due: the start date plus `offsetDays` calendar days, at 09:00 in `zone` (DST-safe). */
export function dueAtOf(startDate: string, offsetDays: number, zone: string): Date {
  return DateTime.fromISO(startDate, { zone })
    .plus({ days: offsetDays })
    .set({ hour: DUE_HOUR, minute: 0, second: 0, millisecond: 0 })
    .toJSDate();
}

/**
 * An item's due day (`yyyy-MM-dd`): a calendar day of the mission's zone, the same for every reader
 * (09:00 in Auckland on the 8th is still the 7th in New York, but the item is due on the 8th).
 */
export function dueDayOf(dueAt: Date, missionZone: string): string {
  return DateTime.fromJSDate(dueAt, { zone: missionZone }).toISODate() ?? '';
}

/**
 * When an item's reminder goes out. An item is overdue once its whole due day has passed in the
 * mission's zone (due "on Monday" means until Monday evening), so the reminder waits for the end of
 * that day, then for the next sending-hours moment in the owner's zone (09:00–19:00) so it never
 * wakes anyone at midnight: typically the morning after the due day.
 */
export function reminderAtOf(dueAt: Date, missionZone: string, ownerZone: string): Date {
  const overdue = DateTime.fromJSDate(dueAt, { zone: missionZone }).startOf('day').plus({ days: 1 });
  const local = overdue.setZone(ownerZone);
  if (local.hour < SENDING_START_HOUR) return local.set({ hour: SENDING_START_HOUR, minute: 0 }).toJSDate();
  if (local.hour >= SENDING_END_HOUR) {
    return local.plus({ days: 1 }).set({ hour: SENDING_START_HOUR, minute: 0, second: 0 }).toJSDate();
  }
  return local.toJSDate();
}

/** Whole calendar days from the start date to `at`, in `zone` (0 when done on the first day). */
export function daysSinceStart(startDate: string, at: Date, zone: string): number {
  const start = DateTime.fromISO(startDate, { zone });
  const day = DateTime.fromJSDate(at, { zone }).startOf('day');
  return Math.max(0, Math.round(day.diff(start, 'days').days));
}

/** The Slack user id on one side of a mission. */
export function sideUserId(mission: Mission, side: ItemOwner): string {
  return side === 'freelancer' ? mission.freelancerId : mission.managerId;
}

/** Who may tick or reopen an item: its owner, the mission's manager, or an admin. */
export function mayToggle(
  userId: string,
  item: Pick<OnboardingItem, 'ownerId'>,
  mission: Pick<Mission, 'managerId'>,
  adminUserIds: readonly string[],
): boolean {
  return userId === item.ownerId || userId === mission.managerId || adminUserIds.includes(userId);
}

/** Whether the reader's copy of the checklist offers a button on this item (the manager may confirm any). */
export function readerCanToggle(side: ItemOwner, item: Pick<OnboardingItem, 'owner'>): boolean {
  return side === 'manager' || item.owner === side;
}
