// The weekly check-in slot rule: which instant, in which week, each mission's check-in is due.
// Pure: the caller passes the rule (from the mission and the freelancer's calendar) and instants.
import { DateTime } from 'luxon';
import { localDate, localInstant, parseTimeOfDay } from '../../../calendar/sending-hours.js';
import { isWorkingDate, type WorkCalendar } from '../../../calendar/work-calendar.js';

/** A mission's check-in rule: ISO weekday and HH:mm local time, the freelancer's calendar, the dates. */
export interface SlotRule {
  weekday: number;
  time: string;
  calendar: WorkCalendar;
  /** yyyy-MM-dd calendar dates in the freelancer's zone. */
  startDate: string;
  endDate: string;
}

/** One week's check-in: the ISO week of its nominal date, the instant, the local date, moved or not. */
export interface Slot {
  week: string;
  dueAt: Date;
  localDate: string;
  moved: boolean;
}

// The first check-in comes once the freelancer has had a few days on the mission: its local date is
// at least this many days after the start date (start Thursday → the next Monday qualifies, start
// Friday → it does not).
const MIN_DAYS_AFTER_START = 4;

// Loop guard for the searches: about ten years of weeks, far beyond any mission.
const MAX_WEEKS = 530;

const WEEK = /^(\d{4})-W(\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// The loops below run for every mission, and each luxon DateTime costs several µs to build, so
// pure conversions that missions share (a week's Monday, a start date, a week's placement) are
// memoised; a memo is simply emptied when it grows past a bound.
const MAX_MEMO = 20_000;
const mondays = new Map<string, DateTime>();
const startDates = new Map<string, DateTime>();
const earliestDates = new Map<string, string>();
const instantMondays = new Map<string, DateTime>();
const startMondays = new Map<string, DateTime>();

function memo<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    if (cache.size >= MAX_MEMO) cache.clear();
    cache.set(key, value);
  }
  return value;
}

interface Bounds {
  earliest: string;
  endDate: string;
  time: { hour: number; minute: number };
}

function boundsOf(rule: SlotRule): Bounds {
  if (!Number.isInteger(rule.weekday) || rule.weekday < 1 || rule.weekday > 7) {
    throw new RangeError(`not an ISO weekday: ${rule.weekday}`);
  }
  const start = memo(startDates, rule.startDate, () => dateOf(rule.startDate));
  if (!ISO_DATE.test(rule.startDate) || !start.isValid || !ISO_DATE.test(rule.endDate)) {
    throw new RangeError(`not yyyy-MM-dd dates: ${rule.startDate}, ${rule.endDate}`);
  }
  return {
    earliest: memo(
      earliestDates,
      rule.startDate,
      () => start.plus({ days: MIN_DAYS_AFTER_START }).toISODate() ?? '',
    ),
    endDate: rule.endDate,
    time: parseTimeOfDay(rule.time),
  };
}

// Calendar dates are luxon DateTimes in UTC, so that adding days never meets a DST change.
function dateOf(isoDate: string): DateTime {
  return DateTime.fromISO(isoDate, { zone: 'utc' });
}

function weekName(date: DateTime): string {
  return date.toFormat("kkkk-'W'WW");
}

function mondayOf(week: string): DateTime {
  return memo(mondays, week, () => parseWeek(week));
}

function parseWeek(week: string): DateTime {
  // luxon reads ISO weeks (`2025-W14` → its Monday); W00, W53 of a 52-week year and other forms are
  // invalid or normalised, which the round trip catches.
  const monday = WEEK.test(week) ? DateTime.fromISO(week, { zone: 'utc' }) : null;
  if (!monday?.isValid || weekName(monday) !== week) throw new RangeError(`not an ISO week: ${week}`);
  return monday;
}

/** The ISO week (e.g. 2025-W14) of an instant, in a zone's local calendar. */
export function weekOf(at: Date, zone: string): string {
  return weekName(localDate(at, zone));
}

// Where a week's check-in lands depends only on the calendar, weekday and time, which thousands of
// missions share, and takes a dozen luxon steps plus holiday look-ups; each mission's own dates are
// then checked against it with two string comparisons.
interface Placement {
  week: string;
  localDate: string;
  dueAt: number;
  moved: boolean;
}
const placements = new Map<string, Placement | null>();

function place(rule: SlotRule, time: Bounds['time'], monday: DateTime): Placement | null {
  const nominal = monday.plus({ days: rule.weekday - 1 });
  for (let i = 0; i < 7; i++) {
    const date = nominal.plus({ days: i });
    if (!isWorkingDate(date, rule.calendar)) continue;
    const dueAt = localInstant(date, time, rule.calendar.zone).getTime();
    return { week: weekName(nominal), localDate: date.toISODate() ?? '', dueAt, moved: i > 0 };
  }
  // No working day before the next week's nominal date (say a week of holidays): no check-in.
  return null;
}

function slotFrom(rule: SlotRule, bounds: Bounds, monday: DateTime): Slot | null {
  const { zone, country, workingDays } = rule.calendar;
  const key = `${monday.toISODate()} ${rule.weekday} ${rule.time} ${zone} ${country} ${workingDays.join()}`;
  const placement = memo(placements, key, () => place(rule, bounds.time, monday));
  if (!placement) return null;
  const { week, localDate, dueAt, moved } = placement;
  if (localDate < bounds.earliest || localDate >= bounds.endDate) return null;
  return { week, dueAt: new Date(dueAt), localDate, moved };
}

/**
 * The check-in of an ISO week, or null: the week's `weekday` at `time` local, moved to the next
 * working day (before the next week's nominal date) if needed, then kept only if its date is at
 * least four days after the start date and before the end date.
 */
export function slotOfWeek(rule: SlotRule, week: string): Slot | null {
  return slotFrom(rule, boundsOf(rule), mondayOf(week));
}

// The Monday of an instant's local week, `weeksBack` weeks earlier. Keyed by instant: a job passes
// the same `now` for every mission.
function localMonday(at: Date, zone: string, weeksBack: number): DateTime {
  return memo(instantMondays, `${zone} ${at.getTime()} ${weeksBack}`, () =>
    localDate(at, zone).startOf('week').minus({ weeks: weeksBack }),
  );
}

// Mondays to try for slots due at or after `from`: a slot can move into the following week, so start
// one week before `from`'s own, and never earlier than the weeks that can hold the first slot.
function firstMonday(from: Date, rule: SlotRule, bounds: Bounds): DateTime {
  const fromWeek = localMonday(from, rule.calendar.zone, 1);
  const startWeek = memo(startMondays, bounds.earliest, () =>
    dateOf(bounds.earliest).startOf('week').minus({ weeks: 1 }),
  );
  return fromWeek < startWeek ? startWeek : fromWeek;
}

/** The first check-in due at or after `from`, or null if none is left before the end date. */
export function firstSlotFrom(rule: SlotRule, from: Date): Slot | null {
  const bounds = boundsOf(rule);
  let monday = firstMonday(from, rule, bounds);
  for (let n = 0; n < MAX_WEEKS && (monday.toISODate() ?? '') < bounds.endDate; n++) {
    const slot = slotFrom(rule, bounds, monday);
    if (slot && slot.dueAt >= from) return slot;
    monday = monday.plus({ weeks: 1 });
  }
  return null;
}

/** The check-ins due in [from, to), in order. */
export function slotsBetween(rule: SlotRule, from: Date, to: Date): Slot[] {
  const bounds = boundsOf(rule);
  const slots: Slot[] = [];
  if (to <= from) return slots;
  const lastMonday = localMonday(to, rule.calendar.zone, 0);
  let monday = firstMonday(from, rule, bounds);
  for (let n = 0; n < MAX_WEEKS && monday <= lastMonday && (monday.toISODate() ?? '') < bounds.endDate; n++) {
    const slot = slotFrom(rule, bounds, monday);
    if (slot && slot.dueAt >= from && slot.dueAt < to) slots.push(slot);
    monday = monday.plus({ weeks: 1 });
  }
  return slots;
}
