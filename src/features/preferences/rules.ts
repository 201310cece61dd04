import { nextSendingMoment } from '../../calendar/sending-hours.js';
import type { WorkCalendar } from '../../calendar/work-calendar.js';
import type { MuteCategory, Preferences } from './model.js';

/**
 * When a scheduled, non-urgent DM of `category` may go to a person (PRODUCT.md §9): never if they
 * muted the category (null); otherwise after their snooze, at the next moment of their sending hours
 * (08:00–19:00 on their working days, in their zone). Held, never dropped.
 */
export function nonUrgentSendTime(
  now: Date,
  cal: WorkCalendar,
  prefs: Pick<Preferences, 'muted' | 'snoozedUntil'> | undefined,
  category: MuteCategory,
): Date | null {
  if (prefs?.muted.includes(category)) return null;
  const from = prefs?.snoozedUntil && prefs.snoozedUntil > now ? prefs.snoozedUntil : now;
  return nextSendingMoment(from, cal);
}
