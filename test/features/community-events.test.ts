import { describe, expect, it } from 'vitest';
import {
  addAnimator,
  dmTexts,
  ephemeralTexts,
  inviteOf,
  openEventForm,
  postEvent,
  rsvp,
  storedAnswers,
  storedEvent,
  submitEventForm,
  textOf,
} from '../support/community.js';
import { eventually } from '../support/eventually.js';
import { harnessPerFile } from '../support/harness-hooks.js';
import { passAt } from '../support/passes.js';
import { newChannel, newEnglishPerson, newFrenchPerson, newPerson } from '../support/people.js';

const NOW = new Date('2026-03-10T09:00:00Z');

describe('community events: invite, answers, waitlist', () => {
  const harness = harnessPerFile('community_events', { now: NOW });

  it('posts the invite; three answers update its counts in place; each person is told in their language', async () => {
    const h = harness();
    addAnimator(h);
    const posted = await postEvent(h, { title: 'Apéro freelances', capacity: undefined });
    const invite = inviteOf(h, posted);
    expect(textOf(invite)).toContain('Apéro freelances');
    // Each reader sees their own local time; the fallback is in the event's zone.
    expect(textOf(invite)).toContain(
      `<!date^${Math.floor(posted.event.startsAt.getTime() / 1000)}^{date_short_pretty} {time}|`,
    );
    expect(textOf(invite)).toContain('(Europe/Paris)');
    expect(posted.event.startsAt.toISOString()).toBe('2026-03-12T17:30:00.000Z');
    await eventually(() =>
      expect(
        dmTexts(h, 'UANIM001').some((t) => t.includes('Your invite for *Apéro freelances* is posted')),
      ).toBe(true),
    );

    const alice = newFrenchPerson(h, 'ALICE');
    const bob = newEnglishPerson(h, 'BOB');
    const carla = newFrenchPerson(h, 'CARLA');
    for (const [who, answer] of [
      [alice, 'going'],
      [bob, 'maybe'],
      [carla, 'no'],
    ] as const) {
      h.clock.advance(2_000);
      expect((await rsvp(h, posted, posted.event._id, who, answer)).status).toBe(200);
      await eventually(() => expect(ephemeralTexts(h, who)).toHaveLength(1));
    }
    expect(ephemeralTexts(h, alice)[0]).toContain('Vous venez à *Apéro freelances*');
    expect(ephemeralTexts(h, bob)[0]).toContain('Noted: maybe for *Apéro freelances*');
    expect(ephemeralTexts(h, carla)[0]).toContain('vous ne pouvez pas venir');
    await eventually(() =>
      expect(textOf(inviteOf(h, posted))).toContain(
        '✅ Je viens : 1 · 🤔 Peut-être : 1 · ❌ Je ne peux pas : 1',
      ),
    );
    expect(inviteOf(h, posted).edits).toBeGreaterThanOrEqual(1);

    // Changing one's mind replaces the answer (one per person).
    h.clock.advance(2_000);
    await rsvp(h, posted, posted.event._id, carla, 'going');
    await eventually(() =>
      expect(textOf(inviteOf(h, posted))).toContain(
        '✅ Je viens : 2 · 🤔 Peut-être : 1 · ❌ Je ne peux pas : 0',
      ),
    );
    expect(await storedAnswers(h, posted.event._id)).toHaveLength(3);
  });

  it('refuses /event-invite to someone who is neither animator nor admin, saying who can', async () => {
    const h = harness();
    const someone = newPerson(h, 'NOBODY', { locale: 'en-US' });
    const res = await h.slack.sendCommand({ command: '/event-invite', text: '', userId: someone });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ response_type: 'ephemeral' });
    expect(String((res.json() as { text: string }).text)).toContain('Only community animators and admins');
    expect(String((res.json() as { text: string }).text)).toContain('<@UANIM001>');
    expect(h.standin.openModals(someone)).toEqual([]);
    const help = await h.slack.sendCommand({ command: '/event-invite', text: 'help', userId: someone });
    expect(String((help.json() as { text: string }).text)).toContain('opens the event form');
  });

  it('checks the form inline: future start, sane duration, https link, capacity, deadline before start', async () => {
    const h = harness();
    addAnimator(h, 'America/New_York');
    const modal = await openEventForm(h);
    // The zone defaults to the animator's own.
    expect(JSON.stringify(modal.view.blocks)).toContain('America/New_York');
    const channel = newChannel(h, 'FORM', { isMember: true });
    const ack = await submitEventForm(h, modal.id, {
      title: 'Bad one',
      date: '2026-03-01',
      time: '10:00',
      timezone: 'America/New_York',
      duration: '2',
      place: 'http://insecure.example.com',
      capacity: '0',
      channel,
    });
    expect(ack?.response_action).toBe('errors');
    expect(Object.keys(ack?.errors ?? {}).sort()).toEqual([
      'community_capacity',
      'community_duration',
      'community_place',
    ]);
    const ack2 = await submitEventForm(h, modal.id, {
      title: 'Bad two',
      date: '2026-03-01',
      time: '10:00',
      timezone: 'Mars/Olympus',
      duration: '60',
      place: 'Room 4',
      channel,
    });
    expect(ack2?.errors).toMatchObject({ community_timezone: expect.stringContaining('time zone') });
    const ack3 = await submitEventForm(h, modal.id, {
      title: 'Bad three',
      date: '2026-03-01',
      time: '10:00',
      timezone: 'Europe/Paris',
      duration: '60',
      place: 'Room 4',
      channel,
    });
    expect(ack3?.errors).toEqual({ community_date: 'The event must start in the future.' });
    const ack4 = await submitEventForm(h, modal.id, {
      title: 'Bad four',
      date: '2026-03-20',
      time: '10:00',
      timezone: 'Europe/Paris',
      duration: '60',
      place: 'Room 4',
      channel,
      deadlineDate: '2026-03-21',
    });
    expect(ack4?.errors).toEqual({ community_deadline_date: 'The RSVP deadline must be before the start.' });
  });

  it('capacity 2: the third "going" waits and is told their position; a seat freed promotes them by DM', async () => {
    const h = harness();
    addAnimator(h);
    const posted = await postEvent(h, { title: 'Atelier 2 places', capacity: '2' });
    const [a, b, c] = [
      newFrenchPerson(h, 'SEATA'),
      newEnglishPerson(h, 'SEATB'),
      newEnglishPerson(h, 'SEATC'),
    ];
    for (const who of [a, b, c]) {
      h.clock.advance(2_000);
      await rsvp(h, posted, posted.event._id, who, 'going');
      await eventually(() => expect(ephemeralTexts(h, who)).toHaveLength(1));
    }
    expect(ephemeralTexts(h, c)[0]).toContain('you’re on the waitlist, number 1');
    expect((await storedEvent(h, posted.event._id)).seats.sort()).toEqual([a, b].sort());
    await eventually(() =>
      expect(textOf(inviteOf(h, posted))).toContain('2 / 2 places prises · 1 en liste d’attente'),
    );

    h.clock.advance(2_000);
    await rsvp(h, posted, posted.event._id, a, 'no');
    await eventually(() =>
      expect(
        dmTexts(h, c).some((t) => t.includes('A seat freed up: you’re now going to *Atelier 2 places*')),
      ).toBe(true),
    );
    expect((await storedEvent(h, posted.event._id)).seats.sort()).toEqual([b, c].sort());
    await eventually(() =>
      expect(textOf(inviteOf(h, posted))).toContain('2 / 2 places prises · 0 en liste d’attente'),
    );
    // Nobody else was told anything by DM.
    expect(dmTexts(h, b)).toEqual([]);
  });

  it('closes answers after the RSVP deadline, politely', async () => {
    const h = harness();
    addAnimator(h);
    const posted = await postEvent(h, {
      title: 'Deadline event',
      deadlineDate: '2026-03-11',
      deadlineTime: '12:00',
    });
    const late = newEnglishPerson(h, 'LATE');
    h.clock.set(new Date('2026-03-11T12:00:00Z'));
    await rsvp(h, posted, posted.event._id, late, 'going');
    await eventually(() =>
      expect(ephemeralTexts(h, late)[0]).toContain('Answers to *Deadline event* are closed, sorry.'),
    );
    expect(await storedAnswers(h, posted.event._id)).toEqual([]);
  });

  it('50 concurrent clicks: each answer stored once, counts right, the message ends with the final counts', async () => {
    const h = harness();
    addAnimator(h);
    const posted = await postEvent(h, { title: 'Big meetup' });
    const people = Array.from({ length: 50 }, (_, i) => newEnglishPerson(h, `RUSH${i}`));
    const answers = ['going', 'maybe', 'no'] as const;
    const updatesBefore = h.standin.callsTo('chat.update').length;
    const res = await Promise.all(
      people.map((p, i) => rsvp(h, posted, posted.event._id, p, answers[i % 3] ?? 'going')),
    );
    expect(res.every((r) => r.status === 200)).toBe(true);
    await eventually(() => expect(people.every((p) => ephemeralTexts(h, p).length === 1)).toBe(true));
    const stored = await storedAnswers(h, posted.event._id);
    expect(stored).toHaveLength(50);
    expect(new Set(stored.map((s) => s.userId)).size).toBe(50);
    // The interval passes; the pass (or the trailing update) brings the message to the final counts.
    await passAt(h, new Date(NOW.getTime() + 5_000).toISOString());
    await eventually(() =>
      expect(textOf(inviteOf(h, posted))).toContain(
        '✅ Je viens : 17 · 🤔 Peut-être : 17 · ❌ Je ne peux pas : 16',
      ),
    );
    // Clean once the update that showed them is recorded (the pass's, or a trailing one's).
    await eventually(async () => expect((await storedEvent(h, posted.event._id)).dirty).toBe(false));
    // Coalesced: a handful of updates, not fifty.
    expect(h.standin.callsTo('chat.update').length - updatesBefore).toBeLessThanOrEqual(5);
  });
});
