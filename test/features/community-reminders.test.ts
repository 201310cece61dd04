import { describe, expect, it } from 'vitest';
import {
  addAnimator,
  dmTexts,
  ephemeralTexts,
  inviteOf,
  menu,
  openedModal,
  postEvent,
  rsvp,
  storedAnswers,
  textOf,
} from '../support/community.js';
import { eventually } from '../support/eventually.js';
import { harnessPerTest } from '../support/harness-hooks.js';
import { runDue } from '../support/jobs-cli.js';
import { createMission } from '../support/missions.js';
import { passAt } from '../support/passes.js';
import { newChannel, newEnglishPerson, newFrenchPerson } from '../support/people.js';

const NOW = new Date('2026-03-10T09:00:00Z');
/** The events of this file start on Thursday 12 March 2026, 18:30 in Paris (12:30 in New York). */
const START = new Date('2026-03-12T17:30:00Z');
const reminders = (texts: string[]) => texts.filter((t) => t.includes('⏰'));

// Reminders are durable jobs the scheduler runs over the whole database: a harness per test.
describe('community events: reminders, cancellation, guests', () => {
  const harness = harnessPerTest('community_reminders', { now: NOW });

  it('the jobs CLI sends the 24 h and 1 h reminders once each, at their moment, in Paris and New York', async () => {
    const h = harness();
    addAnimator(h);
    const posted = await postEvent(h, { title: 'Soirée Paris-NY' });
    const paris = newFrenchPerson(h, 'PARIS');
    const ny = newEnglishPerson(h, 'NEWYORK');
    const muted = newEnglishPerson(h, 'MUTED');
    const unsure = newEnglishPerson(h, 'UNSURE');
    for (const [who, answer] of [
      [paris, 'going'],
      [ny, 'going'],
      [muted, 'going'],
      [unsure, 'maybe'],
    ] as const) {
      await rsvp(h, posted, posted.event._id, who, answer);
      await eventually(() => expect(ephemeralTexts(h, who)).toHaveLength(1));
    }
    // Event reminders are muted only by the "events" category.
    const mute = await h.slack.sendCommand({ command: '/passerelle', text: 'mute events', userId: muted });
    expect(mute.status).toBe(200);
    await eventually(() => expect(ephemeralTexts(h, muted).join()).toContain('event reminders'));

    // One minute before the 24 h moment: nothing.
    let run = await runDue(h, '2026-03-11T17:29:00Z');
    expect(run.code).toBe(0);
    expect(reminders(dmTexts(h, paris))).toEqual([]);
    // At the 24 h moment (18:30 in Paris, 13:30 in New York: time-bound, whatever the hour).
    run = await runDue(h, '2026-03-11T17:30:00Z');
    expect(run.code, run.out).toBe(0);
    expect(reminders(dmTexts(h, paris))).toHaveLength(1);
    expect(reminders(dmTexts(h, paris))[0]).toContain('Demain : *Soirée Paris-NY*');
    expect(reminders(dmTexts(h, ny))).toHaveLength(1);
    expect(reminders(dmTexts(h, ny))[0]).toContain('Tomorrow: *Soirée Paris-NY*');
    // Each reader's own time through <!date>, with a fallback in the event's zone.
    expect(reminders(dmTexts(h, ny))[0]).toContain(
      `<!date^${START.getTime() / 1000}^{date_short_pretty} {time}|`,
    );
    expect(reminders(dmTexts(h, muted))).toEqual([]);
    expect(reminders(dmTexts(h, unsure))).toEqual([]);

    // Someone says "going" after the 24 h moment: no 24 h reminder for them, the 1 h one yes.
    const late = newEnglishPerson(h, 'LATE');
    h.clock.set(new Date('2026-03-11T18:00:00Z'));
    await rsvp(h, posted, posted.event._id, late, 'going');
    await eventually(() => expect(ephemeralTexts(h, late)).toHaveLength(1));
    await passAt(h, '2026-03-11T18:01:00Z');
    expect(reminders(dmTexts(h, late))).toEqual([]);
    expect(reminders(dmTexts(h, paris))).toHaveLength(1);

    run = await runDue(h, '2026-03-12T16:30:00Z');
    expect(run.code, run.out).toBe(0);
    for (const who of [paris, ny, late])
      expect(reminders(dmTexts(h, who))).toHaveLength(who === late ? 1 : 2);
    expect(reminders(dmTexts(h, ny))[1]).toContain('In one hour: *Soirée Paris-NY*');
    expect(reminders(dmTexts(h, paris))[1]).toContain('Dans une heure');
    // Run again: nothing twice.
    await passAt(h, '2026-03-12T16:45:00Z');
    expect(reminders(dmTexts(h, paris))).toHaveLength(2);
    expect(reminders(dmTexts(h, muted))).toEqual([]);
  });

  it('a cancelled event: attendees and the waitlist are told, the message says so, no reminder goes', async () => {
    const h = harness();
    const animator = addAnimator(h);
    const posted = await postEvent(h, { title: 'Atelier annulé', capacity: '1' });
    const seated = newFrenchPerson(h, 'SEATED');
    const waiting = newEnglishPerson(h, 'WAITING');
    const maybe = newEnglishPerson(h, 'MAYBE');
    for (const [who, answer] of [
      [seated, 'going'],
      [waiting, 'going'],
      [maybe, 'maybe'],
    ] as const) {
      h.clock.advance(2_000);
      await rsvp(h, posted, posted.event._id, who, answer);
      await eventually(() => expect(ephemeralTexts(h, who)).toHaveLength(1));
    }
    // Someone else cannot cancel.
    await menu(h, posted, posted.event._id, maybe, 'cancel');
    await eventually(() => expect(ephemeralTexts(h, maybe)[1]).toContain('Only the event’s creator'));
    h.clock.advance(2_000);
    await menu(h, posted, posted.event._id, animator, 'cancel');
    await eventually(() => expect(dmTexts(h, seated).join()).toContain('🚫 *Atelier annulé*'));
    await eventually(() => expect(dmTexts(h, waiting).join()).toContain('is cancelled'));
    expect(dmTexts(h, maybe)).toEqual([]);
    await eventually(() => expect(textOf(inviteOf(h, posted))).toContain('🚫 Annulé'));
    expect(JSON.stringify(inviteOf(h, posted).blocks)).not.toContain('community.rsvp.going');

    await passAt(h, '2026-03-11T17:30:00Z');
    await passAt(h, '2026-03-12T16:30:00Z');
    for (const who of [seated, waiting]) expect(reminders(dmTexts(h, who))).toEqual([]);
    // Answers are closed.
    await rsvp(h, posted, posted.event._id, maybe, 'going');
    await eventually(() => expect(ephemeralTexts(h, maybe).at(-1)).toContain('was cancelled'));
  });

  it('a guest outside the channel is invited by DM, answers from the DM and gets the reminders', async () => {
    const h = harness();
    const animator = addAnimator(h);
    const guest = newEnglishPerson(h, 'GUEST', { isGuest: true });
    const member = newFrenchPerson(h, 'MEMBER');
    const channel = newChannel(h, 'COMMG', { isMember: true, members: [animator, member] });
    await createMission(h.db, { freelancerId: guest, managerId: member });
    const posted = await postEvent(h, { title: 'Guest night', channel });

    await menu(h, posted, posted.event._id, animator, 'invite');
    const modal = await openedModal(h, animator, 'community.invite');
    // The freelancer of an open mission who is not in the channel is picked already.
    expect(JSON.stringify(modal.view.blocks)).toContain(guest);
    expect(JSON.stringify(modal.view.blocks)).not.toContain(member);
    await h.slack.sendViewSubmission({
      userId: animator,
      view: {
        id: modal.id,
        callback_id: 'community.invite',
        private_metadata: String(modal.view.private_metadata),
        state: {
          values: {
            community_invitees: {
              community_invitees: { type: 'multi_users_select', selected_users: [guest] },
            },
          },
        },
      },
    });
    const copy = await eventually(() => {
      const m = h.standin
        .messagesTo(guest)
        .find((x) => textOf(x).includes('invites you to a community event'));
      if (!m) throw new Error('no DM invite');
      return m;
    });
    expect(textOf(copy)).toContain('community.rsvp.going');

    await rsvp(h, { channel: copy.channel, ts: copy.ts }, posted.event._id, guest, 'going');
    await eventually(() => expect(ephemeralTexts(h, guest)[0]).toContain('You’re going to *Guest night*'));
    // The DM copy shows the new counts at once; the channel message follows (coalesced).
    await eventually(() => expect(textOf(h.standin.message(copy.channel, copy.ts))).toContain('Going: 1'));
    await passAt(h, '2026-03-10T09:00:05Z');
    await eventually(() => expect(textOf(inviteOf(h, posted))).toContain('Je viens : 1'));
    expect((await storedAnswers(h, posted.event._id)).map((a) => a.userId)).toEqual([guest]);

    await passAt(h, '2026-03-11T17:30:00Z');
    expect(reminders(dmTexts(h, guest))).toHaveLength(1);
    expect(reminders(dmTexts(h, guest))[0]).toContain('Tomorrow: *Guest night*');
  });
});
