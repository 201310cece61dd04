import { DateTime } from 'luxon';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkinMessageModel, checkinModel } from '../../src/features/checkins/model.js';
import { planMission } from '../../src/features/checkins/planning/service.js';
import { reassignManager } from '../../src/features/missions/admin/service.js';
import type { Mission } from '../../src/features/missions/model.js';
import { findMission } from '../../src/features/missions/repository.js';
import { reminderDms } from '../support/checkin-answers.js';
import { eventually } from '../support/eventually.js';
import type { Harness } from '../support/harness.js';
import { startHarness } from '../support/harness.js';
import { runDue } from '../support/jobs-cli.js';
import { createMission } from '../support/missions.js';
import { passAt } from '../support/passes.js';

/** The check-in DMs a user got (weekly ones, not reminders), in order. */
function checkinDms(h: Harness, userId: string) {
  return h.standin
    .messagesTo(userId)
    .filter((m) => /^(Weekly check-in for|Point hebdomadaire pour)/.test(m.text ?? ''));
}

async function storedCheckins(h: Harness, m: Mission) {
  return checkinModel(h.db).find({ missionId: m._id }).sort({ dueAt: 1 }).lean().exec();
}

describe('weekly check-ins: on time in every zone, once, respectful', () => {
  let h: Harness;
  const zones = [
    { id: 'UTZPARIS1', tz: 'Europe/Paris', locale: 'fr-FR' },
    { id: 'UTZNEWYO1', tz: 'America/New_York', locale: 'en-US' },
    { id: 'UTZKOLKA1', tz: 'Asia/Kolkata', locale: 'en-US' },
    { id: 'UTZLORDH1', tz: 'Australia/Lord_Howe', locale: 'en-US' },
  ] as const;

  beforeAll(async () => {
    h = await startHarness('checkins_delivery', { now: new Date('2025-02-20T00:00:00Z') });
    h.standin.addUser({ id: 'UMANAGER1', name: 'manon', locale: 'fr-FR', tz: 'Europe/Paris' });
  });
  afterAll(async () => {
    await h.stop();
  });

  it('sends the Monday 10:00 check-in at 10:00 local before and after both DST changes, in four zones', async () => {
    for (const z of zones) {
      h.standin.addUser({ id: z.id, name: z.id.toLowerCase(), locale: z.locale, tz: z.tz });
      await createMission(h.db, {
        title: `Mission ${z.tz}`,
        freelancerId: z.id,
        managerId: 'UMANAGER1',
        status: 'active',
        startDate: '2025-02-24',
        endDate: '2025-12-19',
        freelancerLocale: z.locale === 'fr-FR' ? 'fr' : 'en',
        checkin: { timezone: z.tz, country: z.tz === 'Europe/Paris' ? 'FR' : null },
      });
    }
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
        const before = checkinDms(h, z.id).length;
        await passAt(h, ten.minus({ minutes: 1 }).toUTC().toISO() ?? '');
        expect(checkinDms(h, z.id).length, `${z.tz} ${monday} 09:59`).toBe(before);
        await passAt(h, ten.toUTC().toISO() ?? '');
        expect(checkinDms(h, z.id).length, `${z.tz} ${monday} 10:00`).toBe(before + 1);
      }
    }
    // The offsets really changed: Paris 10:00 was 09:00Z in March and 08:00Z after 26 October.
    const paris = checkinModel(h.db);
    const sentParis = await paris.find({ freelancerId: 'UTZPARIS1' }).lean().exec();
    const dueZ = sentParis.map((c) => c.dueAt.toISOString());
    expect(dueZ).toContain('2025-03-24T09:00:00.000Z');
    expect(dueZ).toContain('2025-03-31T08:00:00.000Z');
    expect(dueZ).toContain('2025-10-27T09:00:00.000Z');
    const lordHowe = await paris.find({ freelancerId: 'UTZLORDH1' }).lean().exec();
    expect(lordHowe.map((c) => c.dueAt.toISOString())).toContain('2025-04-06T23:30:00.000Z');
    // In the freelancer's language.
    expect(checkinDms(h, 'UTZPARIS1')[0]?.text).toBe(
      'Point hebdomadaire pour Mission Europe/Paris : comment s’est passée la semaine ?',
    );
  });

  it('moves a French public holiday Monday to Tuesday, and sends nothing in the first four days or after the end', async () => {
    h.standin.addUser({ id: 'UHOLIDAY1', name: 'hugo', locale: 'fr-FR', tz: 'Europe/Paris' });
    // Starts Thursday 17 April: Monday 21 April (Easter Monday, a holiday) is four days later.
    const m = await createMission(h.db, {
      title: 'Pâques',
      freelancerId: 'UHOLIDAY1',
      managerId: 'UMANAGER1',
      status: 'active',
      startDate: '2025-04-17',
      endDate: '2025-05-05',
      freelancerLocale: 'fr',
    });
    await passAt(h, '2025-04-21T08:00:00Z');
    expect(checkinDms(h, 'UHOLIDAY1')).toHaveLength(0);
    await passAt(h, '2025-04-22T07:59:00Z');
    expect(checkinDms(h, 'UHOLIDAY1')).toHaveLength(0);
    await passAt(h, '2025-04-22T08:00:00Z');
    expect(checkinDms(h, 'UHOLIDAY1')).toHaveLength(1);
    await passAt(h, '2025-04-28T08:00:00Z');
    // 5 May is the end date: no check-in on it.
    await passAt(h, '2025-05-05T08:00:00Z');
    await passAt(h, '2025-05-12T08:00:00Z');
    const stored = await storedCheckins(h, m);
    expect(stored.map((c) => c.week)).toEqual(['2025-W17', '2025-W18']);
    expect(checkinDms(h, 'UHOLIDAY1')).toHaveLength(2);

    const early = await createMission(h.db, {
      title: 'Trop tôt',
      freelancerId: 'UHOLIDAY1',
      managerId: 'UMANAGER1',
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
      freelancerId: 'UHOLIDAY1',
      managerId: 'UMANAGER1',
      status: 'active',
      startDate: '2025-05-16',
      endDate: '2025-06-30',
    });
    // Starts Friday 16 May: Monday 19 May is only three days later, so the first one is 26 May.
    await passAt(h, '2025-05-19T09:00:00Z');
    expect((await storedCheckins(h, friday)).map((c) => c.week)[0]).toBe('2025-W22');
  });

  it('sends a check-in due less than 12 h ago after downtime, and marks older ones missed instead of sending late', async () => {
    h.standin.addUser({ id: 'UDOWNTIM1', name: 'dora', locale: 'en-US', tz: 'Europe/Paris' });
    h.standin.addUser({ id: 'UDOWNTIM2', name: 'dina', locale: 'en-US', tz: 'America/New_York' });
    const a = await createMission(h.db, {
      title: 'Down A',
      freelancerId: 'UDOWNTIM1',
      managerId: 'UMANAGER1',
      status: 'active',
      startDate: '2025-06-02',
      endDate: '2025-08-29',
    });
    const b = await createMission(h.db, {
      title: 'Down B',
      freelancerId: 'UDOWNTIM2',
      managerId: 'UMANAGER1',
      status: 'active',
      startDate: '2025-06-02',
      endDate: '2025-08-29',
      checkin: { timezone: 'America/New_York', time: '09:00' },
    });
    // Planned on Sunday 15 June; then the app is down until Monday 23:30 Paris (21:30Z).
    // (Monday 9 June was Whit Monday, a French holiday: that week's check-in moved to Tuesday.)
    await passAt(h, '2025-06-15T12:00:00Z');
    // Paris: due 08:00Z, 13.5 h ago → missed. New York: due 13:00Z, 8.5 h ago → sent.
    const notes = await passAt(h, '2025-06-16T21:30:00Z');
    expect(notes.join(' ')).toContain('missed (due over 12 h ago)');
    expect(checkinDms(h, 'UDOWNTIM1')).toHaveLength(0);
    expect(checkinDms(h, 'UDOWNTIM2')).toHaveLength(1);
    expect((await storedCheckins(h, a))[0]).toMatchObject({ status: 'missed', outcome: 'late' });
    expect((await storedCheckins(h, b))[0]).toMatchObject({ status: 'sent' });
  });

  it('reminds once after 24 h, then counts the week as missed; holds a 21:00 reminder until 08:00 the next working day', async () => {
    h.standin.addUser({ id: 'UREMINDE1', name: 'remi', locale: 'fr-FR', tz: 'Europe/Paris' });
    // Check-in on Thursdays at 21:00 Paris: its reminder would fall on Friday 21:00.
    const m = await createMission(h.db, {
      title: 'Soirées',
      freelancerId: 'UREMINDE1',
      managerId: 'UMANAGER1',
      status: 'active',
      startDate: '2025-08-25',
      endDate: '2025-12-19',
      freelancerLocale: 'fr',
      checkin: { weekday: 4, time: '21:00' },
    });
    await passAt(h, '2025-09-04T19:00:00Z');
    expect(checkinDms(h, 'UREMINDE1')).toHaveLength(1);
    // Friday 21:00 Paris: 24 h later, but outside sending hours: held, not sent, not dropped.
    const held = await passAt(h, '2025-09-05T19:00:00Z');
    expect(held.join(' ')).toContain('1 reminder(s) held to sending hours');
    expect(reminderDms(h, 'UREMINDE1')).toHaveLength(0);
    const [c] = await storedCheckins(h, m);
    // Next working day: Monday 8 September, 08:00 Paris (06:00Z).
    expect(c?.reminderAt?.toISOString()).toBe('2025-09-08T06:00:00.000Z');
    await passAt(h, '2025-09-08T05:59:00Z');
    expect(reminderDms(h, 'UREMINDE1')).toHaveLength(0);
    await passAt(h, '2025-09-08T06:00:00Z');
    expect(reminderDms(h, 'UREMINDE1')).toHaveLength(1);
    expect(reminderDms(h, 'UREMINDE1')[0]?.text).toContain('*Soirées*');
    await passAt(h, '2025-09-08T12:00:00Z');
    expect(reminderDms(h, 'UREMINDE1')).toHaveLength(1);
    // 24 h after the reminder, still unanswered: missed.
    await passAt(h, '2025-09-09T06:00:00Z');
    const [after] = await storedCheckins(h, m);
    expect(after).toMatchObject({ status: 'missed', outcome: 'unanswered' });
    expect(reminderDms(h, 'UREMINDE1')).toHaveLength(1);
  });

  it('moves future check-ins when the freelancer’s Slack zone changes (user_change), and keeps it in the history', async () => {
    h.standin.addUser({ id: 'UMOVING01', name: 'mo', locale: 'en-US', tz: 'Europe/Paris' });
    const m = await createMission(h.db, {
      title: 'Moving',
      freelancerId: 'UMOVING01',
      managerId: 'UMANAGER1',
      status: 'active',
      startDate: '2025-09-01',
      endDate: '2025-12-19',
      checkin: { timezone: 'Europe/Paris', timezoneAssumed: true },
    });
    await passAt(h, '2025-11-05T12:00:00Z');
    expect((await storedCheckins(h, m)).map((c) => c.dueAt.toISOString())).toContain(
      '2025-11-10T09:00:00.000Z',
    );
    const res = await h.slack.sendEvent({
      type: 'user_change',
      user: { id: 'UMOVING01', name: 'mo', tz: 'America/Toronto', tz_offset: -18000 },
    });
    expect(res.status).toBe(200);
    await eventually(async () =>
      (await storedCheckins(h, m)).some((c) => c.dueAt.toISOString() === '2025-11-10T15:00:00.000Z'),
    );
    const due = (await storedCheckins(h, m)).filter((c) => c.dueAt > new Date('2025-11-05T12:00:00Z'));
    expect(due.map((c) => c.dueAt.toISOString())).toEqual(['2025-11-10T15:00:00.000Z']);
    const stored = await findMission(h.db, m._id.toString());
    expect(stored?.checkin).toMatchObject({ timezone: 'America/Toronto', timezoneAssumed: false });
    expect(stored?.history.at(-1)).toMatchObject({
      action: 'timezoneChanged',
      details: 'Europe/Paris→America/Toronto',
    });
  });

  it('an admin’s reassignment moves the planned check-ins to the new manager even when a notice fails', async () => {
    h.standin.addUser({ id: 'UMANAGER3', name: 'mia', locale: 'en-US', tz: 'Europe/Paris' });
    h.standin.addUser({ id: 'UREASSIG1', name: 'rea', locale: 'en-US', tz: 'Europe/Paris' });
    const m = await createMission(h.db, {
      title: 'Reassigned',
      freelancerId: 'UREASSIG1',
      managerId: 'UMANAGER1',
      status: 'active',
      // Around now, wherever the earlier tests left the clock: check-ins are planned 8 days ahead.
      startDate: DateTime.fromJSDate(h.clock.now()).minus({ days: 10 }).toISODate() ?? '',
      endDate: DateTime.fromJSDate(h.clock.now()).plus({ days: 60 }).toISODate() ?? '',
    });
    await planMission(h.deps, m._id, h.clock.now());
    // The old manager's notice goes first, and Slack refuses it.
    h.standin.failNext('chat.postMessage', 'user_disabled', { times: 1 });
    await reassignManager(h.deps, 'UADMIN01', m._id.toString(), 'UMANAGER3');
    const planned = await storedCheckins(h, m);
    expect(planned.length).toBeGreaterThan(0);
    expect(planned.every((c) => c.managerId === 'UMANAGER3')).toBe(true);
    expect(h.standin.messagesTo('UMANAGER3').some((d) => (d.text ?? '').includes('Reassigned'))).toBe(true);
  });

  it('sends nothing while check-ins are paused', async () => {
    h.standin.addUser({ id: 'UPAUSED01', name: 'paula', locale: 'en-US', tz: 'Europe/Paris' });
    const m = await createMission(h.db, {
      title: 'On leave',
      freelancerId: 'UPAUSED01',
      managerId: 'UMANAGER1',
      status: 'active',
      startDate: '2025-09-01',
      endDate: '2025-12-19',
      checkin: { pausedUntil: '2025-09-21' },
    });
    await passAt(h, '2025-09-08T08:00:00Z');
    await passAt(h, '2025-09-15T08:00:00Z');
    expect(checkinDms(h, 'UPAUSED01')).toHaveLength(0);
    const stored = await storedCheckins(h, m);
    expect(stored.map((c) => [c.week, c.status, c.outcome])).toContainEqual([
      '2025-W38',
      'skipped',
      'paused',
    ]);
    await passAt(h, '2025-09-22T08:00:00Z');
    expect(checkinDms(h, 'UPAUSED01')).toHaveLength(1);
  });
});

describe('check-ins across runners and rate limits', () => {
  let h: Harness;
  const freelancers = Array.from({ length: 12 }, (_, i) => `URUNNER${String(i).padStart(2, '0')}`);

  beforeAll(async () => {
    h = await startHarness('checkins_runners', { now: new Date('2026-01-05T06:00:00Z') });
    h.standin.addUser({ id: 'UMANAGER2', name: 'max', locale: 'en-US', tz: 'Europe/Paris' });
    for (const id of freelancers) {
      h.standin.addUser({ id, name: id.toLowerCase(), locale: 'en-US', tz: 'Europe/Paris' });
      await createMission(h.db, {
        title: `Runner ${id}`,
        freelancerId: id,
        managerId: 'UMANAGER2',
        status: 'active',
        startDate: '2025-12-01',
        endDate: '2026-03-27',
      });
    }
  });
  afterAll(async () => {
    await h.stop();
  });

  it('three `npm run jobs -- run-due` processes over the same due minute send one DM per mission', async () => {
    // Monday 12 January 2026, 10:00 Paris.
    const results = await Promise.all([1, 2, 3].map(() => runDue(h, '2026-01-12T10:00:00+01:00')));
    for (const r of results) expect(r.code, r.out).toBe(0);
    for (const id of freelancers) expect(checkinDms(h, id), id).toHaveLength(1);
    const sent = results.map((r) => Number(/(\d+) sent/.exec(r.out)?.[1] ?? 0));
    expect(sent.reduce((a, b) => a + b, 0)).toBe(freelancers.length);
  });

  it('gets every DM through when Slack answers 429 (Retry-After: 2) to every other chat.postMessage', async () => {
    h.standin.rateLimit('chat.postMessage', { retryAfterSeconds: 2, every: 2 });
    const notes = await passAt(h, '2026-01-19T09:00:00Z');
    expect(notes.join(' ')).toContain(`${freelancers.length} sent`);
    for (const id of freelancers) expect(checkinDms(h, id), id).toHaveLength(2);
    expect(h.standin.rateLimitedCount('chat.postMessage')).toBeGreaterThan(0);
    h.standin.clearFaults();
  }, 60_000);

  it('counts a check-in as sent only once Slack accepted it: a 5xx outage leaves it queued, then it goes', async () => {
    h.standin.failHttp('chat.postMessage', 503, { times: 1_000 });
    const notes = await passAt(h, '2026-01-26T09:00:00Z');
    expect(notes.join(' ')).toContain(`${freelancers.length} to retry`);
    const stored = await checkinModel(h.db).find({ week: '2026-W05' }).lean().exec();
    expect(stored.every((c) => c.status === 'scheduled')).toBe(true);
    const recorded = await checkinMessageModel(h.db).countDocuments({
      _id: mongoose.trusted({ $in: stored.map((c) => c._id) }),
    });
    expect(recorded).toBe(0);
    h.standin.clearFaults();
    await passAt(h, '2026-01-26T09:01:00Z');
    for (const id of freelancers) expect(checkinDms(h, id), id).toHaveLength(3);
  }, 120_000);

  it('takes over a dead runner’s claim only once its lease has ended', async () => {
    // Monday 2 February 2026, 10:00 Paris (09:00 UTC); the hourly planning runs at 08:00.
    await passAt(h, '2026-02-02T08:00:00Z');
    const before = new Map(freelancers.map((id) => [id, checkinDms(h, id).length]));
    const got = (id: string) => checkinDms(h, id).length - (before.get(id) ?? 0);
    const week = await checkinModel(h.db).find({ week: '2026-W06' }).sort({ freelancerId: 1 }).lean().exec();
    expect(week).toHaveLength(freelancers.length);
    const ids = (from: number, to: number) => ({
      _id: mongoose.trusted({ $in: week.slice(from, to).map((c) => c._id) }),
    });
    // A runner claimed four and died before sending.
    await checkinModel(h.db).updateMany(ids(0, 4), {
      $set: { status: 'sending', claimOwner: 'dead:0', claimExpiresAt: new Date('2026-02-02T09:15:00Z') },
    });

    expect((await passAt(h, '2026-02-02T09:00:00Z')).join(' ')).toContain('8 sent');
    expect((await passAt(h, '2026-02-02T09:14:00Z')).join(' ')).not.toContain('sent');
    for (const [i, c] of week.entries()) expect(got(c.freelancerId), c.freelancerId).toBe(i < 4 ? 0 : 1);

    expect((await passAt(h, '2026-02-02T09:15:00Z')).join(' ')).toContain('4 sent');
    await passAt(h, '2026-02-02T09:30:00Z');
    for (const id of freelancers) expect(got(id), id).toBe(1);
    const stored = await checkinModel(h.db).find({ week: '2026-W06' }).lean().exec();
    expect(stored.every((c) => c.status === 'sent')).toBe(true);
  }, 60_000);
});
