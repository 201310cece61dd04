import { describe, expect, it } from 'vitest';
import { nextSendingMoment } from '../../src/calendar/sending-hours.js';
import { calendarFor } from '../../src/calendar/work-calendar.js';

const paris = calendarFor({ zone: 'Europe/Paris', fallbackCountry: 'FR' });
const at = (iso: string) => new Date(iso);
const next = (iso: string, cal = paris, hours?: { start: string; end: string }) =>
  nextSendingMoment(at(iso), cal, hours).toISOString();

describe('sending hours', () => {
  it('sends at once inside the window, 08:00 included and 19:00 excluded', () => {
    expect(next('2025-04-08T10:00:00.000Z')).toBe('2025-04-08T10:00:00.000Z'); // Tuesday 12:00
    expect(next('2025-04-08T06:00:00.000Z')).toBe('2025-04-08T06:00:00.000Z'); // 08:00
    expect(next('2025-04-08T16:59:59.999Z')).toBe('2025-04-08T16:59:59.999Z'); // 18:59:59.999
    expect(next('2025-04-08T17:00:00.000Z')).toBe('2025-04-09T06:00:00.000Z'); // 19:00 → tomorrow
  });

  it('holds a message from 21:00 until 08:00 the next working day', () => {
    expect(next('2025-04-07T19:00:00.000Z')).toBe('2025-04-08T06:00:00.000Z'); // Monday 21:00 → Tuesday
  });

  it('holds an early message until 08:00 the same day', () => {
    expect(next('2025-04-08T04:30:00.000Z')).toBe('2025-04-08T06:00:00.000Z'); // Tuesday 06:30
  });

  it('skips the weekend', () => {
    expect(next('2025-04-11T18:00:00.000Z')).toBe('2025-04-14T06:00:00.000Z'); // Friday 20:00 → Monday
    expect(next('2025-04-12T10:00:00.000Z')).toBe('2025-04-14T06:00:00.000Z'); // Saturday noon
  });

  it('skips a public holiday', () => {
    // Friday 18 April 20:00 → Tuesday 22 April (Easter Monday is a holiday in France).
    expect(next('2025-04-18T18:00:00.000Z')).toBe('2025-04-22T06:00:00.000Z');
    expect(next('2025-04-21T08:00:00.000Z')).toBe('2025-04-22T06:00:00.000Z'); // on Easter Monday
  });

  it('keeps 08:00 local across a DST change', () => {
    // Friday 28 March 20:00 CET (UTC+1) → Monday 31 March 08:00 CEST (UTC+2).
    expect(next('2025-03-28T19:00:00.000Z')).toBe('2025-03-31T06:00:00.000Z');
    // Friday 24 October 20:00 CEST → Monday 27 October 08:00 CET.
    expect(next('2025-10-24T18:00:00.000Z')).toBe('2025-10-27T07:00:00.000Z');
  });

  it('works in each person’s own zone and week', () => {
    const newYork = calendarFor({ zone: 'America/New_York', fallbackCountry: 'FR' });
    // Friday 7 March 20:00 EST → Monday 10 March 08:00 EDT.
    expect(next('2025-03-08T01:00:00.000Z', newYork)).toBe('2025-03-10T12:00:00.000Z');
    const kolkata = calendarFor({ zone: 'Asia/Kolkata', fallbackCountry: 'FR' });
    expect(next('2025-04-07T15:30:00.000Z', kolkata)).toBe('2025-04-08T02:30:00.000Z'); // 21:00 IST
    const kathmandu = calendarFor({ zone: 'Asia/Kathmandu', fallbackCountry: 'FR' });
    expect(next('2025-04-08T01:15:00.000Z', kathmandu)).toBe('2025-04-08T02:15:00.000Z'); // 07:00 +05:45
    const riyadh = calendarFor({ zone: 'Asia/Riyadh', fallbackCountry: 'FR' });
    // Thursday 8 May 20:00 → Sunday 11 May 08:00 (Friday and Saturday are the weekend).
    expect(next('2025-05-08T17:00:00.000Z', riyadh)).toBe('2025-05-11T05:00:00.000Z');
  });

  it('uses other hours when given', () => {
    const hours = { start: '09:30', end: '17:00' };
    expect(next('2025-04-08T07:00:00.000Z', paris, hours)).toBe('2025-04-08T07:30:00.000Z');
    expect(next('2025-04-08T15:00:00.000Z', paris, hours)).toBe('2025-04-09T07:30:00.000Z');
  });

  it('refuses malformed or empty windows', () => {
    expect(() => next('2025-04-08T10:00:00.000Z', paris, { start: '8:00', end: '19:00' })).toThrow(
      RangeError,
    );
    expect(() => next('2025-04-08T10:00:00.000Z', paris, { start: '08:00', end: '24:00' })).toThrow(
      RangeError,
    );
    expect(() => next('2025-04-08T10:00:00.000Z', paris, { start: '19:00', end: '08:00' })).toThrow(
      RangeError,
    );
  });

  it('sends rather than holds forever when the calendar has no working day', () => {
    const never = { zone: 'Europe/Paris', country: 'FR', workingDays: [] };
    expect(next('2025-04-12T22:00:00.000Z', never)).toBe('2025-04-12T22:00:00.000Z');
  });
});
