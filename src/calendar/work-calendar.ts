// A person's working calendar: their zone, the country whose week and public holidays apply, and
// which weekdays they work. Pure (no Slack, no database), so check-ins and sending hours can share it.
import ct from 'countries-and-timezones';
import Holidays from 'date-holidays';
import { DateTime, IANAZone } from 'luxon';

/** A person's working calendar; workingDays are ISO weekdays (1 = Monday … 7 = Sunday), sorted. */
export interface WorkCalendar {
  zone: string;
  country: string;
  workingDays: readonly number[];
}

const MON_FRI: readonly number[] = [1, 2, 3, 4, 5];
const SUN_THU: readonly number[] = [1, 2, 3, 4, 7];

// Countries whose working week is Sunday–Thursday (weekend Friday–Saturday), as of 2025. The UAE is
// absent on purpose: it moved to Monday–Friday in 2022. Left at Monday–Friday although their week
// differs, until someone confirms the current rule: IR (Saturday–Wednesday, Thursday off for
// offices, a Saturday switch debated), NP (Sunday–Friday), AF, BN, PS. A mission or profile can
// always name its own working days.
const SUNDAY_TO_THURSDAY = new Set([
  'IL', // Israel
  'SA', // Saudi Arabia (since 2013)
  'KW', // Kuwait
  'QA', // Qatar
  'BH', // Bahrain
  'OM', // Oman (since 2013)
  'JO', // Jordan
  'EG', // Egypt
  'DZ', // Algeria (since 2009)
  'IQ', // Iraq
  'SY', // Syria
  'YE', // Yemen (since 2013)
  'LY', // Libya
  'SD', // Sudan
  'BD', // Bangladesh
  'MV', // Maldives
]);

// Zones whose city is in dispute, where neither listed country is a safe guess.
const DISPUTED_ZONES = new Set(['Europe/Simferopol']);

/**
 * The country a time zone belongs to, or `fallback` when the zone does not say.
 *
 * Since the 2022 tz merges a canonical zone often lists several countries (Europe/Paris: FR, MC;
 * Europe/Brussels: BE, LU, NL). The first one is the country of the city the zone is named for;
 * the others keep a name of their own (Europe/Monaco, Europe/Amsterdam) that their devices report,
 * so a person reporting the shared name is most likely in the first country. We answer `fallback`
 * for names that are not a place (UTC, Etc/GMT+5, and legacy names such as CET or EST, to which the
 * library copies the countries of the zone they link to), for unknown names, and for disputed zones.
 */
export function countryOfZone(zone: string, fallback: string): string {
  if (!zone.includes('/') || zone.startsWith('Etc/') || DISPUTED_ZONES.has(zone)) return fallback;
  return ct.getTimezone(zone)?.countries[0] ?? fallback;
}

/** The usual working days of a country: Sunday–Thursday where that is the norm, else Monday–Friday. */
export function defaultWorkingDays(country: string): readonly number[] {
  return SUNDAY_TO_THURSDAY.has(country.toUpperCase()) ? SUN_THU : MON_FRI;
}

function normaliseCountry(country: string): string {
  const code = country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) throw new RangeError(`not an ISO 3166 country code: ${country}`);
  return code;
}

/** Builds a calendar: country explicit > from the zone > fallback; working days explicit > country's. */
export function calendarFor(input: {
  zone: string;
  country?: string | null;
  workingDays?: readonly number[] | null;
  fallbackCountry: string;
}): WorkCalendar {
  // Offsets ("+02:00") are refused on purpose: they ignore daylight saving.
  if (!IANAZone.isValidZone(input.zone)) throw new RangeError(`not an IANA time zone: ${input.zone}`);
  const country = input.country
    ? normaliseCountry(input.country)
    : countryOfZone(input.zone, normaliseCountry(input.fallbackCountry));
  const explicit = input.workingDays ?? [];
  for (const day of explicit) {
    if (!Number.isInteger(day) || day < 1 || day > 7) throw new RangeError(`not an ISO weekday: ${day}`);
  }
  const workingDays =
    explicit.length > 0 ? [...new Set(explicit)].sort((a, b) => a - b) : defaultWorkingDays(country);
  return { zone: input.zone, country, workingDays };
}

// Per country: the Holidays instance (costly to build: it parses the country's rules) and the public
// holiday dates of the years computed so far (getHolidays works out a whole year at each call, far
// too slow to repeat for every mission).
interface CountryHolidays {
  source: Holidays;
  years: Set<number>;
  dates: Set<string>;
}
const byCountry = new Map<string, CountryHolidays>();

const ISO_DATE = /^(\d{4})-\d{2}-\d{2}$/;

// Adds a year's public holidays. A holiday's `date` is local to the country ("2025-04-21 00:00:00",
// or "2025-03-30 00:00:00 -0600" for holidays that begin the evening before); its date part is the
// day off. Some last several days (Eid, Russian New Year) and are expanded; those that begin at
// noon or later (CN Women's Day, IS Christmas Eve) are half days for some and are not days off.
function addYear(entry: CountryHolidays, year: number): void {
  entry.years.add(year);
  for (const holiday of entry.source.getHolidays(year)) {
    if (holiday.type !== 'public' || holiday.date.slice(11, 19) !== '00:00:00') continue;
    const first = DateTime.fromISO(holiday.date.slice(0, 10), { zone: 'utc' });
    const days = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / 86_400_000));
    for (let i = 0; i < days; i++) {
      const date = first.plus({ days: i }).toISODate();
      if (date) entry.dates.add(date);
    }
  }
}

/** Whether a calendar date (yyyy-MM-dd) is a public holiday in a country (unknown country: never). */
export function isPublicHoliday(isoDate: string, country: string): boolean {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new RangeError(`not a yyyy-MM-dd date: ${isoDate}`);
  const year = Number(match[1]);
  const code = country.toUpperCase();
  let entry = byCountry.get(code);
  if (!entry) {
    entry = { source: new Holidays(code), years: new Set(), dates: new Set() };
    byCountry.set(code, entry);
  }
  // The previous year too: a holiday starting in late December can run into January.
  if (!entry.years.has(year)) addYear(entry, year);
  if (!entry.years.has(year - 1)) addYear(entry, year - 1);
  return entry.dates.has(isoDate);
}

/** Whether a calendar date (yyyy-MM-dd) is one of the calendar's working days and not a holiday. */
export function isWorkingDay(isoDate: string, cal: WorkCalendar): boolean {
  const date = DateTime.fromISO(isoDate, { zone: 'utc' });
  if (!date.isValid || !ISO_DATE.test(isoDate)) throw new RangeError(`not a yyyy-MM-dd date: ${isoDate}`);
  return isWorkingDate(date, cal);
}

/** isWorkingDay for a calendar date already held as a luxon DateTime (spares a parse in loops). */
export function isWorkingDate(date: DateTime, cal: WorkCalendar): boolean {
  return cal.workingDays.includes(date.weekday) && !isPublicHoliday(date.toISODate() ?? '', cal.country);
}
