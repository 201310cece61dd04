import { DateTime } from 'luxon';

/**
 * A pause without a date lasts until `/checkin resume`. It is stored as this far date rather than a
 * special value, so every reader of `pausedUntil` (the planner, the Home) keeps one rule: paused on
 * dates ≤ pausedUntil; null means not paused.
 */
export const UNTIL_FURTHER_NOTICE = '9999-12-31';

/** The instant a pause ends: the start of the day after `until`, in the mission's zone (null: never). */
export function pauseEnd(until: string, zone: string): Date | null {
  if (until === UNTIL_FURTHER_NOTICE) return null;
  return DateTime.fromISO(until, { zone }).plus({ days: 1 }).startOf('day').toJSDate();
}
