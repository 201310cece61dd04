import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { calendarFor, type WorkCalendar } from '../../src/calendar/work-calendar.js';
import {
  firstSlotFrom,
  type SlotRule,
  slotOfWeek,
  slotsBetween,
  weekOf,
} from '../../src/features/checkins/planning/rules.js';

const calendar = (zone: string, workingDays?: number[]) =>
  calendarFor({ zone, workingDays, fallbackCountry: 'FR' });
const rule = (cal: WorkCalendar, over: Partial<SlotRule> = {}): SlotRule => ({
  weekday: 1,
  time: '10:00',
  calendar: cal,
  startDate: '2025-01-01',
  endDate: '2027-01-01',
  ...over,
});
const dueAt = (r: SlotRule, week: string) => slotOfWeek(r, week)?.dueAt.toISOString();

describe('the slot of a week, across zones and DST', () => {
  it('keeps Monday 10:00 in Paris before and after both 2025 changes (30 March, 26 October)', () => {
    const r = rule(calendar('Europe/Paris'));
    expect(dueAt(r, '2025-W13')).toBe('2025-03-24T09:00:00.000Z'); // CET
    expect(dueAt(r, '2025-W14')).toBe('2025-03-31T08:00:00.000Z'); // CEST
    expect(dueAt(r, '2025-W43')).toBe('2025-10-20T08:00:00.000Z'); // CEST
    expect(dueAt(r, '2025-W44')).toBe('2025-10-27T09:00:00.000Z'); // CET
    expect(slotOfWeek(r, '2025-W14')).toEqual({
      week: '2025-W14',
      dueAt: new Date('2025-03-31T08:00:00.000Z'),
      localDate: '2025-03-31',
      moved: false,
    });
  });

  it('keeps Monday 10:00 in New York around 9 March and 2 November 2025', () => {
    const r = rule(calendar('America/New_York'));
    expect(dueAt(r, '2025-W10')).toBe('2025-03-03T15:00:00.000Z'); // EST
    expect(dueAt(r, '2025-W11')).toBe('2025-03-10T14:00:00.000Z'); // EDT
    expect(dueAt(r, '2025-W44')).toBe('2025-10-27T14:00:00.000Z'); // EDT
    expect(dueAt(r, '2025-W45')).toBe('2025-11-03T15:00:00.000Z'); // EST
  });

  it('handles half-hour and 45-minute offsets', () => {
    expect(dueAt(rule(calendar('Asia/Kolkata')), '2025-W15')).toBe('2025-04-07T04:30:00.000Z'); // +05:30
    expect(dueAt(rule(calendar('Asia/Kathmandu')), '2025-W15')).toBe('2025-04-07T04:15:00.000Z'); // +05:45
  });

  it('follows Lord Howe’s half-hour DST (6 April, 5 October 2025)', () => {
    const r = rule(calendar('Australia/Lord_Howe'));
    expect(dueAt(r, '2025-W14')).toBe('2025-03-30T23:00:00.000Z'); // Monday 31 March, +11
    expect(dueAt(r, '2025-W15')).toBe('2025-04-06T23:30:00.000Z'); // Monday 7 April, +10:30
    expect(dueAt(r, '2025-W40')).toBe('2025-09-28T23:30:00.000Z'); // Monday 29 September, +10:30
    expect(dueAt(r, '2025-W41')).toBe('2025-10-05T23:00:00.000Z'); // Monday 6 October, +11
  });

  it('moves a time skipped by spring-forward to a real instant, the gap later', () => {
    const everyDay = [1, 2, 3, 4, 5, 6, 7];
    const paris = rule(calendar('Europe/Paris', everyDay), { weekday: 7, time: '02:30' });
    const slot = slotOfWeek(paris, '2025-W13'); // Sunday 30 March, 02:00 → 03:00
    expect(slot?.dueAt.toISOString()).toBe('2025-03-30T01:30:00.000Z');
    expect(slot?.moved).toBe(false);
    expect(DateTime.fromJSDate(slot?.dueAt ?? new Date(0), { zone: 'Europe/Paris' }).toFormat('HH:mm')).toBe(
      '03:30',
    );
    const newYork = rule(calendar('America/New_York', everyDay), { weekday: 7, time: '02:30' });
    expect(dueAt(newYork, '2025-W10')).toBe('2025-03-09T07:30:00.000Z'); // 03:30 EDT
    const lordHowe = rule(calendar('Australia/Lord_Howe', everyDay), { weekday: 7, time: '02:15' });
    expect(dueAt(lordHowe, '2025-W40')).toBe('2025-10-04T15:45:00.000Z'); // 02:45, +11
  });

  it('gives one slot, not two, for a time repeated by fall-back', () => {
    const everyDay = [1, 2, 3, 4, 5, 6, 7];
    const paris = rule(calendar('Europe/Paris', everyDay), { weekday: 7, time: '02:30' });
    const slots = slotsBetween(paris, new Date('2025-10-25T00:00:00Z'), new Date('2025-10-27T00:00:00Z'));
    expect(slots.map((s) => s.dueAt.toISOString())).toEqual(['2025-10-26T01:30:00.000Z']); // luxon: +01:00
    const newYork = rule(calendar('America/New_York', everyDay), { weekday: 7, time: '01:30' });
    const ny = slotsBetween(newYork, new Date('2025-11-01T00:00:00Z'), new Date('2025-11-03T00:00:00Z'));
    expect(ny.map((s) => s.dueAt.toISOString())).toEqual(['2025-11-02T06:30:00.000Z']); // luxon: -05:00
  });
});

describe('moving a slot off non-working days', () => {
  it('moves a French public holiday Monday to Tuesday', () => {
    expect(slotOfWeek(rule(calendar('Europe/Paris')), '2025-W17')).toEqual({
      week: '2025-W17',
      dueAt: new Date('2025-04-22T08:00:00.000Z'), // Tuesday 10:00, the day after Easter Monday
      localDate: '2025-04-22',
      moved: true,
    });
  });

  it('lands on a part-time freelancer’s working day', () => {
    const slot = slotOfWeek(rule(calendar('Europe/Paris', [2, 4])), '2025-W15');
    expect(slot).toMatchObject({ localDate: '2025-04-08', moved: true });
    expect(slot?.dueAt.toISOString()).toBe('2025-04-08T08:00:00.000Z');
  });

  it('follows a Sunday–Thursday week', () => {
    const riyadh = calendar('Asia/Riyadh');
    // Friday 9 May is the weekend: Sunday 11 May 10:00 (+03:00), still week 19.
    expect(slotOfWeek(rule(riyadh, { weekday: 5 }), '2025-W19')).toEqual({
      week: '2025-W19',
      dueAt: new Date('2025-05-11T07:00:00.000Z'),
      localDate: '2025-05-11',
      moved: true,
    });
    expect(dueAt(rule(riyadh, { weekday: 7 }), '2025-W19')).toBe('2025-05-11T07:00:00.000Z');
  });

  it('may move into the next ISO week, keeping its own week name', () => {
    // Friday 15 August 2025 (Assumption) → Monday 18 August, before the next Friday.
    const slot = slotOfWeek(rule(calendar('Europe/Paris'), { weekday: 5 }), '2025-W33');
    expect(slot).toMatchObject({ week: '2025-W33', localDate: '2025-08-18', moved: true });
    expect(weekOf(slot?.dueAt ?? new Date(0), 'Europe/Paris')).toBe('2025-W34');
  });

  it('has no slot when no working day comes before the next week’s nominal date', () => {
    expect(slotOfWeek(rule(calendar('Europe/Paris', [1])), '2025-W17')).toBeNull(); // Easter Monday
    expect(slotOfWeek(rule(calendar('Europe/Paris', [1])), '2025-W18')?.localDate).toBe('2025-04-28');
  });
});

describe('mission bounds', () => {
  const paris = calendar('Europe/Paris');

  it('starts at the first slot at least four days after the start date', () => {
    // Start Thursday 3 April: Monday 7 April is exactly four days later and counts.
    expect(slotOfWeek(rule(paris, { startDate: '2025-04-03' }), '2025-W15')?.localDate).toBe('2025-04-07');
    // Start Friday 4 April: Monday 7 April is too soon; the first is Monday 14 April.
    expect(slotOfWeek(rule(paris, { startDate: '2025-04-04' }), '2025-W15')).toBeNull();
    expect(slotOfWeek(rule(paris, { startDate: '2025-04-04' }), '2025-W16')?.localDate).toBe('2025-04-14');
    // Start on the slot's own day: not that day.
    expect(slotOfWeek(rule(paris, { startDate: '2025-04-07' }), '2025-W15')).toBeNull();
    expect(slotOfWeek(rule(paris, { startDate: '2025-04-01' }), '2025-W14')).toBeNull();
  });

  it('checks the bounds on the moved date', () => {
    // Start Friday 18 April: Easter Monday would be too soon, the moved Tuesday 22 April is not.
    expect(slotOfWeek(rule(paris, { startDate: '2025-04-18' }), '2025-W17')?.localDate).toBe('2025-04-22');
    // End Tuesday 22 April: the moved slot falls on the end date, so none.
    expect(slotOfWeek(rule(paris, { endDate: '2025-04-22' }), '2025-W17')).toBeNull();
  });

  it('has none on or after the end date', () => {
    expect(slotOfWeek(rule(paris, { endDate: '2025-04-14' }), '2025-W16')).toBeNull();
    expect(slotOfWeek(rule(paris, { endDate: '2025-04-14' }), '2025-W15')?.localDate).toBe('2025-04-07');
    expect(slotOfWeek(rule(paris, { endDate: '2025-04-15' }), '2025-W16')?.localDate).toBe('2025-04-14');
  });
});

describe('ISO weeks', () => {
  it('names weeks by ISO week-year at year boundaries', () => {
    expect(weekOf(new Date('2025-12-29T09:00:00Z'), 'Europe/Paris')).toBe('2026-W01');
    expect(weekOf(new Date('2027-01-01T12:00:00Z'), 'Europe/Paris')).toBe('2026-W53');
    expect(weekOf(new Date('2025-01-01T12:00:00Z'), 'Europe/Paris')).toBe('2025-W01');
    // Sunday 23:30 UTC is already Monday in Paris.
    expect(weekOf(new Date('2025-12-28T23:30:00Z'), 'UTC')).toBe('2025-W52');
    expect(weekOf(new Date('2025-12-28T23:30:00Z'), 'Europe/Paris')).toBe('2026-W01');
  });

  it('finds week 1 of 2026 starting on Monday 29 December 2025', () => {
    const r = rule(calendar('Europe/Paris'));
    expect(slotOfWeek(r, '2026-W01')).toEqual({
      week: '2026-W01',
      dueAt: new Date('2025-12-29T09:00:00.000Z'),
      localDate: '2025-12-29',
      moved: false,
    });
    // Thursday 1 January 2026 is a holiday: the Thursday slot of 2026-W01 moves to Friday 2 January.
    expect(slotOfWeek(rule(calendar('Europe/Paris'), { weekday: 4 }), '2026-W01')?.localDate).toBe(
      '2026-01-02',
    );
    expect(slotOfWeek(r, '2026-W53')?.localDate).toBe('2026-12-28');
  });

  it('refuses weeks that do not exist', () => {
    const r = rule(calendar('Europe/Paris'));
    expect(() => slotOfWeek(r, '2025-W53')).toThrow(RangeError);
    expect(() => slotOfWeek(r, '2025-W00')).toThrow(RangeError);
    expect(() => slotOfWeek(r, '2025-14')).toThrow(RangeError);
  });

  it('refuses a malformed rule', () => {
    const r = rule(calendar('Europe/Paris'));
    expect(() => slotOfWeek({ ...r, weekday: 8 }, '2025-W14')).toThrow(/weekday/);
    expect(() => slotOfWeek({ ...r, time: '25:00' }, '2025-W14')).toThrow(/HH:mm/);
    expect(() => slotOfWeek({ ...r, startDate: '1 April' }, '2025-W14')).toThrow(/yyyy-MM-dd/);
  });
});

describe('finding slots', () => {
  const paris = calendar('Europe/Paris');

  it('finds the first slot due at or after an instant', () => {
    const r = rule(paris);
    expect(firstSlotFrom(r, new Date('2025-04-07T08:00:00Z'))?.localDate).toBe('2025-04-07'); // exactly
    expect(firstSlotFrom(r, new Date('2025-04-07T08:00:00.001Z'))?.localDate).toBe('2025-04-14');
    expect(firstSlotFrom(r, new Date('2025-04-21T09:00:00Z'))?.dueAt.toISOString()).toBe(
      '2025-04-22T08:00:00.000Z',
    );
  });

  it('finds a slot moved into the week of the instant', () => {
    const r = rule(paris, { weekday: 5 });
    const slot = firstSlotFrom(r, new Date('2025-08-17T22:00:00Z')); // Monday 18 August 00:00 in Paris
    expect(slot).toMatchObject({ week: '2025-W33', localDate: '2025-08-18' });
  });

  it('starts with the mission and stops at its end', () => {
    const r = rule(paris, { startDate: '2025-04-04', endDate: '2025-05-05' });
    expect(firstSlotFrom(r, new Date('2024-01-01T00:00:00Z'))?.localDate).toBe('2025-04-14');
    expect(firstSlotFrom(r, new Date('2025-04-28T09:00:00Z'))).toBeNull();
    expect(firstSlotFrom(r, new Date('2030-01-01T00:00:00Z'))).toBeNull();
  });

  it('lists the slots due in [from, to), in order', () => {
    const r = rule(paris);
    const april = slotsBetween(r, new Date('2025-04-01T00:00:00Z'), new Date('2025-04-28T08:00:00Z'));
    expect(april.map((s) => [s.week, s.dueAt.toISOString(), s.moved])).toEqual([
      ['2025-W15', '2025-04-07T08:00:00.000Z', false],
      ['2025-W16', '2025-04-14T08:00:00.000Z', false],
      ['2025-W17', '2025-04-22T08:00:00.000Z', true],
    ]);
    expect(slotsBetween(r, new Date('2025-04-08T00:00:00Z'), new Date('2025-04-01T00:00:00Z'))).toEqual([]);
  });

  it('lists only the mission’s slots over a wide range', () => {
    const r = rule(paris, { startDate: '2025-04-04', endDate: '2025-05-05' });
    const all = slotsBetween(r, new Date('2020-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'));
    expect(all.map((s) => s.localDate)).toEqual(['2025-04-14', '2025-04-22', '2025-04-28']);
  });
});
