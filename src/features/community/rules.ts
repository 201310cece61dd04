import { DateTime } from 'luxon';
import type { Config } from '../../config.js';
import { isAdmin, isAnimator } from '../../roles.js';
import { type ReminderKind, reminderOffsets } from './ids.js';
import type { CommunityEvent } from './model.js';

/** Who may create events: community animators and admins. */
export function mayCreateEvents(config: Config, userId: string): boolean {
  return isAnimator(config, userId) || isAdmin(config, userId);
}

/** Who may list, edit, cancel an event or invite to it: its creator, animators and admins. */
export function mayManage(config: Config, event: Pick<CommunityEvent, 'createdBy'>, userId: string): boolean {
  return event.createdBy === userId || mayCreateEvents(config, userId);
}

/** Whether answers are still taken: the event is open, not started, and its RSVP deadline not passed. */
export function answersOpen(
  event: Pick<CommunityEvent, 'status' | 'startsAt' | 'deadline'>,
  now: Date,
): boolean {
  if (event.status !== 'open') return false;
  if (event.startsAt <= now) return false;
  return event.deadline === null || event.deadline > now;
}

/** The reminders still to come for an event planned (or re-planned) at `now`. */
export function remindersToPlan(startsAt: Date, now: Date): { kind: ReminderKind; at: Date }[] {
  return (Object.keys(reminderOffsets) as ReminderKind[])
    .map((kind) => ({ kind, at: new Date(startsAt.getTime() - reminderOffsets[kind]) }))
    .filter((r) => r.at > now);
}

/** When the digest is posted: ISO weekday (1 = Monday) and local time. */
export interface DigestSlot {
  weekday: number;
  hour: number;
  minute: number;
}

/** The digest slot of the ISO week containing `now`, in `zone`, and the key of that week. */
export function digestSlotOfWeek(now: Date, slot: DigestSlot, zone: string): { at: Date; week: string } {
  const local = DateTime.fromJSDate(now, { zone });
  const at = local
    .startOf('week')
    .plus({ days: slot.weekday - 1 })
    .set({ hour: slot.hour, minute: slot.minute, second: 0, millisecond: 0 });
  return { at: at.toJSDate(), week: `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}` };
}

/** Where a person stands once their "going" is stored. */
export type Standing = { kind: 'going' } | { kind: 'waitlisted'; position: number };

/**
 * The position of `userId` among those waiting for a seat: the "going" answers without a seat, in
 * the order they said "going".
 */
export function waitlistPosition(
  going: readonly { userId: string }[],
  seats: readonly string[],
  userId: string,
): number {
  const seated = new Set(seats);
  const waiting = going.filter((a) => !seated.has(a.userId));
  const i = waiting.findIndex((a) => a.userId === userId);
  return i < 0 ? waiting.length + 1 : i + 1;
}
