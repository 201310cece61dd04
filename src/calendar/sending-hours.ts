// Sending hours: scheduled, non-urgent DMs go out only between two local times on the person's
// working days, and are held (never dropped) until the next allowed moment.
import { DateTime } from 'luxon';
import { isWorkingDate, type WorkCalendar } from './work-calendar.js';

/** A daily window of local times, HH:mm, start included and end excluded. */
export interface SendingHours {
  start: string;
  end: string;
}

/** The product default: 08:00–19:00 local on working days. */
export const DEFAULT_SENDING_HOURS: SendingHours = { start: '08:00', end: '19:00' };

// Longest run of non-working days we look across (a two-week holiday plus weekends fits easily).
const SEARCH_DAYS = 30;

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Parses an HH:mm local time (00:00–23:59). */
export function parseTimeOfDay(time: string): { hour: number; minute: number } {
  const match = TIME_OF_DAY.exec(time);
  if (!match) throw new RangeError(`not an HH:mm time: ${time}`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

// Resolving a local time in a zone is luxon's costliest step (Intl offset look-ups, several per
// call); thousands of missions share a few zones, dates and times, so results are memoised, and the
// memo is simply emptied when it grows past a bound.
const instants = new Map<string, number>();
const MAX_INSTANTS = 10_000;

/**
 * The instant of a local time on a calendar date (a DateTime in UTC standing for that date) in a
 * zone. A time skipped by a spring-forward change is moved forward by the gap (luxon's rule, e.g.
 * 02:30 → 03:30 in Paris); a time repeated in autumn resolves to one of its two instants.
 */
export function localInstant(date: DateTime, time: { hour: number; minute: number }, zone: string): Date {
  const key = `${zone} ${date.year}-${date.month}-${date.day} ${time.hour}:${time.minute}`;
  let ms = instants.get(key);
  if (ms === undefined) {
    const { year, month, day } = date;
    ms = DateTime.fromObject({ year, month, day, ...time }, { zone }).toMillis();
    if (instants.size >= MAX_INSTANTS) instants.clear();
    instants.set(key, ms);
  }
  return new Date(ms);
}

/** The calendar date of an instant in a zone, as a DateTime in UTC (so that day arithmetic has no DST). */
export function localDate(at: Date, zone: string): DateTime {
  const local = DateTime.fromJSDate(at, { zone });
  return DateTime.utc(local.year, local.month, local.day);
}

/** `at` when it falls in sending hours on a working day, else the start of the next allowed window. */
export function nextSendingMoment(
  at: Date,
  cal: WorkCalendar,
  hours: SendingHours = DEFAULT_SENDING_HOURS,
): Date {
  const start = parseTimeOfDay(hours.start);
  const end = parseTimeOfDay(hours.end);
  if (start.hour * 60 + start.minute >= end.hour * 60 + end.minute) {
    throw new RangeError(`sending hours must start before they end: ${hours.start}–${hours.end}`);
  }
  const today = localDate(at, cal.zone);
  for (let i = 0; i <= SEARCH_DAYS; i++) {
    const day = today.plus({ days: i });
    if (!isWorkingDate(day, cal)) continue;
    const opens = localInstant(day, start, cal.zone);
    if (at < opens) return opens; // before the window today, or any later working day
    if (at < localInstant(day, end, cal.zone)) return at;
  }
  // No working day in sight (a calendar without working days): better sent than held forever.
  return at;
}
