import { describe, expect, it } from 'vitest';
import { checkinModel } from '../../src/features/checkins/model.js';
import { reminderDms } from '../support/checkin-answers.js';
import type { Harness } from '../support/harness.js';
import { harnessPerTest } from '../support/harness-hooks.js';
import { createMission } from '../support/missions.js';
import { ephemeralAnswer, passAt } from '../support/passes.js';
import { newPerson } from '../support/people.js';

/** Someone who mutes reminders (French, Paris) and someone who snoozes (English, New York), each with a mission. */
async function muterAndSnoozer(h: Harness): Promise<{ muter: string; snoozer: string }> {
  const muter = newPerson(h, 'MUTER', { name: 'muriel', locale: 'fr-FR', tz: 'Europe/Paris' });
  const snoozer = newPerson(h, 'SNOOZ', { name: 'sam', locale: 'en-US', tz: 'America/New_York' });
  const manager = newPerson(h, 'MGR', { name: 'marc', locale: 'fr-FR', tz: 'Europe/Paris' });
  for (const [freelancerId, timezone] of [
    [muter, 'Europe/Paris'],
    [snoozer, 'America/New_York'],
  ] as const) {
    await createMission(h.db, {
      title: `Mission de ${freelancerId}`,
      freelancerId,
      managerId: manager,
      status: 'active',
      startDate: '2025-09-29',
      endDate: '2025-12-19',
      checkin: { timezone },
    });
  }
  return { muter, snoozer };
}

// Scheduler passes act on every check-in of the database and their notes count all: a database per test.
describe('/passerelle mute, snooze and settings: what Passerelle may send you', () => {
  const harness = harnessPerTest('preferences', { now: new Date('2025-10-01T08:00:00Z') });

  /** Runs `/passerelle <text>` as `userId` and returns the ephemeral answer. */
  const passerelle = (userId: string, text: string) =>
    ephemeralAnswer(harness(), '/passerelle', text, userId);
  const pass = (iso: string) => passAt(harness(), iso);

  /** The muter mutes reminders, the snoozer snoozes until Thursday 16 October. */
  async function muteAndSnooze(people: { muter: string; snoozer: string }) {
    await passerelle(people.muter, 'mute reminders');
    await passerelle(people.snoozer, 'snooze until 2025-10-16');
  }

  it('answers each subcommand in the caller’s language and keeps the choice', async () => {
    const { muter, snoozer } = await muterAndSnoozer(harness());
    expect(await passerelle(muter, 'mute reminders')).toBe(
      'C’est fait : plus de rappels de Passerelle. `/passerelle unmute` les rétablit.',
    );
    expect(await passerelle(muter, 'mute everything')).toContain('Utilisation : `/passerelle mute');
    expect(await passerelle(snoozer, 'snooze until 2025-10-16')).toBe(
      'Snoozed until Thu, 16 Oct 2025, 23:59: reminders, nudges and digests wait until then (alerts and answers to what you do still come).',
    );
    expect(await passerelle(snoozer, 'snooze 500d')).toContain('1 to 90 days');
    const settings = await passerelle(snoozer, 'settings');
    expect(settings).toContain('*Muted:* nothing');
    expect(settings).toContain('*Snoozed until* Thu, 16 Oct 2025, 23:59');
  });

  it('a muted category stops the check-in reminder; a snooze holds it to the end of the snooze, then sending hours', async () => {
    const h = harness();
    const people = await muterAndSnoozer(h);
    const { muter, snoozer } = people;
    await muteAndSnooze(people);
    // Monday 6 October, 10:00 in each zone: both check-ins go (time-bound, not held by a snooze).
    await pass('2025-10-06T08:00:00Z');
    await pass('2025-10-06T14:00:00Z');
    for (const id of [muter, snoozer]) {
      const dms = h.standin.messagesTo(id).map((m) => m.text ?? '');
      expect(
        dms.some((t) => /^(Weekly check-in|Point hebdomadaire)/.test(t)),
        JSON.stringify(dms),
      ).toBe(true);
    }
    // 24 h later: the muted reminder is dropped, the snoozed one waits.
    const notes = (await pass('2025-10-07T14:00:00Z')).join(' ');
    expect(notes).toMatch(/\b1 reminder\(s\) muted/);
    expect(notes).toMatch(/\b1 reminder\(s\) held to sending hours/);
    expect(reminderDms(h, muter)).toHaveLength(0);
    expect(reminderDms(h, snoozer)).toHaveLength(0);
    const held = await checkinModel(h.db).findOne({ freelancerId: snoozer, week: '2025-W41' }).lean().exec();
    // The snooze ends Thursday 16 October 23:59 New York; the next sending moment is Friday 08:00 there.
    expect(held?.reminderAt?.toISOString()).toBe('2025-10-17T12:00:00.000Z');
    // The week closes at the next check-in: Tuesday 14 October, as Monday 13 is Columbus Day in the US.
    expect(held?.closesAt?.toISOString()).toBe('2025-10-14T14:00:00.000Z');
    await pass('2025-10-13T08:00:00Z');
    // Closed before the snooze ends: no late reminder, the week is missed.
    await pass('2025-10-14T14:00:00Z');
    expect(reminderDms(h, snoozer)).toHaveLength(0);
    const closed = await checkinModel(h.db)
      .findOne({ freelancerId: snoozer, week: '2025-W41' })
      .lean()
      .exec();
    expect(closed).toMatchObject({ status: 'missed', outcome: 'unanswered' });
    expect(reminderDms(h, muter)).toHaveLength(0);
  });

  it('after unsnooze, the reminder goes at the next sending moment', async () => {
    const h = harness();
    const people = await muterAndSnoozer(h);
    const { muter, snoozer } = people;
    // Muted and snoozed through the weeks of 6 and 13 October, as in the test above.
    await muteAndSnooze(people);
    for (const at of ['2025-10-06T08:00:00Z', '2025-10-06T14:00:00Z', '2025-10-07T14:00:00Z']) await pass(at);
    for (const at of ['2025-10-13T08:00:00Z', '2025-10-14T14:00:00Z']) await pass(at);

    expect(await passerelle(snoozer, 'unsnooze')).toBe(
      'Snooze over: messages come at the usual times again.',
    );
    expect(await passerelle(muter, 'unmute reminders')).toBe('C’est fait : les rappels sont rétablis.');
    // The snoozer's check-in of Tuesday 14 October: its reminder 24 h later goes (10:00 in New York).
    await pass('2025-10-15T14:00:00Z');
    expect(reminderDms(h, snoozer)).toHaveLength(1);
    // The muter's next check-in (Monday 20 October) is reminded again.
    await pass('2025-10-20T08:00:00Z');
    await pass('2025-10-21T08:00:00Z');
    expect(reminderDms(h, muter)).toHaveLength(1);
  });
});
