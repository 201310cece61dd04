import { DateTime } from 'luxon';
import type { MissionClosed } from '../../events.js';

/** Days after a good mission closes when its manager is nudged (PRODUCT.md flow 6). */
export const NUDGE_DAYS = [30, 90, 180] as const;
/**
 * "Remind me in 2 weeks": the nudge comes back this many days later (a real extra reminder; a
 * 30-day snooze of the 30-day nudge changed nothing, the next one being at 90 days anyway).
 */
export const REMIND_AFTER_DAYS = 14;
/** Never more than one nudge or ping per person in this window, whatever their kinds. */
export const NUDGE_SPACING_DAYS = 7;
/** Alumni are asked about their availability this often. */
export const PING_EVERY_MONTHS = 3;

/** A mission ended well: rated 4 or more, and the manager would rehire. */
export function endedWell(closed: Pick<MissionClosed, 'rating' | 'wouldRehire'>): boolean {
  return (closed.rating ?? 0) >= 4 && closed.wouldRehire === true;
}

/** When the nudge of `day` is due: that many days after the closing. */
export function nudgeDue(closedAt: Date, day: number): Date {
  return DateTime.fromJSDate(closedAt, { zone: 'utc' }).plus({ days: day }).toJSDate();
}

/** Whole days from a closing to `now` (what a reminder says: "44 days ago"). */
export function daysSince(closedAt: Date, now: Date): number {
  return Math.floor(
    DateTime.fromJSDate(now, { zone: 'utc' }).diff(DateTime.fromJSDate(closedAt, { zone: 'utc' }), 'days')
      .days,
  );
}

/** The calendar date (UTC) of the ping after the one due on `due`, or of the first after a closing. */
export function nextPingDate(from: Date | string): string {
  const start =
    typeof from === 'string'
      ? DateTime.fromISO(from, { zone: 'utc' })
      : DateTime.fromJSDate(from, { zone: 'utc' });
  return start.plus({ months: PING_EVERY_MONTHS }).toISODate() ?? '';
}

/** The earliest moment a person nudged at `last` may be nudged again. */
export function nextNudgeAllowed(last: Date): Date {
  return DateTime.fromJSDate(last, { zone: 'utc' }).plus({ days: NUDGE_SPACING_DAYS }).toJSDate();
}

/** The moment the spacing window of a nudge sent at `now` ends, seen from now (for the claim's filter). */
export function spacingStart(now: Date): Date {
  return DateTime.fromJSDate(now, { zone: 'utc' }).minus({ days: NUDGE_SPACING_DAYS }).toJSDate();
}
