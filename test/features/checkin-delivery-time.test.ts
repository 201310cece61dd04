import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { checkinModel } from '../../src/features/checkins/model.js';
import {
  checkinDms,
  freelancerWithMission,
  newManager,
  storedCheckins,
} from '../support/checkin-delivery.js';
import { harnessPerTest } from '../support/harness-hooks.js';
import { createMission } from '../support/missions.js';
import { passAt } from '../support/passes.js';

// Each test runs scheduler passes, which plan and send for every mission of the database: each has its own.
describe('weekly check-ins: on time in every zone, on working days, within the mission', () => {
  const harness = harnessPerTest('checkins_time', { now: new Date('2025-02-20T00:00:00Z') });

  it('sends the Monday 10:00 check-in at 10:00 local before and after both DST changes, in four zones', async () => {
    const h = harness();
    const manager = newManager(h);
    const zones = [
      { tz: 'Europe/Paris', locale: 'fr-FR' },
      { tz: 'America/New_York', locale: 'en-US' },
      { tz: 'Asia/Kolkata', locale: 'en-US' },
      { tz: 'Australia/Lord_Howe', locale: 'en-US' },
    ];
    const people = new Map<string, string>();
    for (const z of zones) {
      const { freelancer } = await freelancerWithMission(
        h,
        manager,
        {
          title: `Mission ${z.tz}`,
          startDate: '2025-02-24',
          endDate: '2025-12-19',
          freelancerLocale: z.locale === 'fr-FR' ? 'fr' : 'en',
          checkin: { timezone: z.tz, country: z.tz === 'Europe/Paris' ? 'FR' : null },
        },
        { locale: z.locale, tz: z.tz },
      );
      people.set(z.tz, freelancer);
    }
    const idOf = (tz: string) => people.get(tz) ?? '';
    // Mondays around each change: Paris 30 Mar / 26 Oct, New York 9 Mar / 2 Nov, Lord Howe 6 Apr / 5 Oct.
    const mondays = [
      '2025-03-03',
      '2025-03-10',
      '2025-03-24',
      '2025-03-31',
      '2025-04-07',
      '2025-09-29',
      '2025-10-06',
      '2025-10-20',
      '2025-10-27',
      '2025-11-03',
    ];
    for (const monday of mondays) {
      // In time order: Lord Howe's Monday 10:00 is Sunday evening in UTC, New York's is afternoon.
      const due = zones
        .map((z) => ({ z, ten: DateTime.fromISO(`${monday}T10:00`, { zone: z.tz }) }))
        .sort((a, b) => a.ten.toMillis() - b.ten.toMillis());
      for (const { z, ten } of due) {
        const before = checkinDms(h, idOf(z.tz)).length;
        await passAt(h, ten.minus({ minutes: 1 }).toUTC().toISO() ?? '');
        expect(checkinDms(h, idOf(z.tz)).length, `${z.tz} ${monday} 09:59`).toBe(before);
        await passAt(h, ten.toUTC().toISO() ?? '');
        expect(checkinDms(h, idOf(z.tz)).length, `${z.tz} ${monday} 10:00`).toBe(before + 1);
      }
    }
    // The offsets really changed: Paris 10:00 was 09:00Z in March and 08:00Z after 26 October.
    const checkins = checkinModel(h.db);
    const sentParis = await checkins
      .find({ freelancerId: idOf('Europe/Paris') })
      .lean()
      .exec();
    const dueZ = sentParis.map((c) => c.dueAt.toISOString());
    expect(dueZ).toContain('2025-03-24T09:00:00.000Z');
    expect(dueZ).toContain('2025-03-31T08:00:00.000Z');
    expect(dueZ).toContain('2025-10-27T09:00:00.000Z');
    const lordHowe = await checkins
      .find({ freelancerId: idOf('Australia/Lord_Howe') })
      .lean()
      .exec();
    expect(lordHowe.map((c) => c.dueAt.toISOString())).toContain('2025-04-06T23:30:00.000Z');
    // In the freelancer's language.
    expect(checkinDms(h, idOf('Europe/Paris'))[0]?.text).toBe(
      'Point hebdomadaire pour Mission Europe/Paris : comment s’est passée la semaine ?',
    );
  });

  it('moves a French public holiday Monday to Tuesday, and sends nothing in the first four days or after the end', async () => {
    const h = harness();
    const manager = newManager(h);
    // Starts Thursday 17 April: Monday 21 April (Easter Monday, a holiday) is four days later.
    const { freelancer, mission: m } = await freelancerWithMission(
      h,
      manager,
      { title: 'Pâques', startDate: '2025-04-17', endDate: '2025-05-05', freelancerLocale: 'fr' },
      { locale: 'fr-FR' },
    );
    await passAt(h, '2025-04-21T08:00:00Z');
    expect(checkinDms(h, freelancer)).toHaveLength(0);
    await passAt(h, '2025-04-22T07:59:00Z');
    expect(checkinDms(h, freelancer)).toHaveLength(0);
    await passAt(h, '2025-04-22T08:00:00Z');
    expect(checkinDms(h, freelancer)).toHaveLength(1);
    await passAt(h, '2025-04-28T08:00:00Z');
    // 5 May is the end date: no check-in on it.
    await passAt(h, '2025-05-05T08:00:00Z');
    await passAt(h, '2025-05-12T08:00:00Z');
    const stored = await storedCheckins(h, m);
    expect(stored.map((c) => c.week)).toEqual(['2025-W17', '2025-W18']);
    expect(checkinDms(h, freelancer)).toHaveLength(2);

    const early = await createMission(h.db, {
      title: 'Trop tôt',
      freelancerId: freelancer,
      managerId: manager,
      status: 'onboarding',
      startDate: '2025-05-15',
      endDate: '2025-06-30',
    });
    // Starts Thursday 15 May: Monday 19 May is the first slot at least four days after; nothing before.
    await passAt(h, '2025-05-16T08:00:00Z');
    await passAt(h, '2025-05-19T08:00:00Z');
    expect((await storedCheckins(h, early)).map((c) => c.week)[0]).toBe('2025-W21');
    const friday = await createMission(h.db, {
      title: 'Vendredi',
      freelancerId: freelancer,
      managerId: manager,
      status: 'active',
      startDate: '2025-05-16',
      endDate: '2025-06-30',
    });
    // Starts Friday 16 May: Monday 19 May is only three days later, so the first one is 26 May.
    await passAt(h, '2025-05-19T09:00:00Z');
    expect((await storedCheckins(h, friday)).map((c) => c.week)[0]).toBe('2025-W22');
  });

  it('sends a check-in due less than 12 h ago after downtime, and marks older ones missed instead of sending late', async () => {
    const h = harness();
    const manager = newManager(h);
    const a = await freelancerWithMission(h, manager, {
      title: 'Down A',
      startDate: '2025-06-02',
      endDate: '2025-08-29',
    });
    const b = await freelancerWithMission(
      h,
      manager,
      {
        title: 'Down B',
        startDate: '2025-06-02',
        endDate: '2025-08-29',
        checkin: { timezone: 'America/New_York', time: '09:00' },
      },
      { tz: 'America/New_York' },
    );
    // Planned on Sunday 15 June; then the app is down until Monday 23:30 Paris (21:30Z).
    // (Monday 9 June was Whit Monday, a French holiday: that week's check-in moved to Tuesday.)
    await passAt(h, '2025-06-15T12:00:00Z');
    // Paris: due 08:00Z, 13.5 h ago → missed. New York: due 13:00Z, 8.5 h ago → sent.
    const notes = await passAt(h, '2025-06-16T21:30:00Z');
    expect(notes.join(' ')).toContain('missed (due over 12 h ago)');
    expect(checkinDms(h, a.freelancer)).toHaveLength(0);
    expect(checkinDms(h, b.freelancer)).toHaveLength(1);
    expect((await storedCheckins(h, a.mission))[0]).toMatchObject({ status: 'missed', outcome: 'late' });
    expect((await storedCheckins(h, b.mission))[0]).toMatchObject({ status: 'sent' });
  });

  it('sends nothing while check-ins are paused', async () => {
    const h = harness();
    const { freelancer, mission: m } = await freelancerWithMission(h, newManager(h), {
      title: 'On leave',
      startDate: '2025-09-01',
      endDate: '2025-12-19',
      checkin: { pausedUntil: '2025-09-21' },
    });
    await passAt(h, '2025-09-08T08:00:00Z');
    await passAt(h, '2025-09-15T08:00:00Z');
    expect(checkinDms(h, freelancer)).toHaveLength(0);
    const stored = await storedCheckins(h, m);
    expect(stored.map((c) => [c.week, c.status, c.outcome])).toContainEqual([
      '2025-W38',
      'skipped',
      'paused',
    ]);
    await passAt(h, '2025-09-22T08:00:00Z');
    expect(checkinDms(h, freelancer)).toHaveLength(1);
  });
});
