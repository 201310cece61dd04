import { describe, expect, it } from 'vitest';
import {
  addAnimator,
  ephemeralTexts,
  inviteOf,
  menu,
  openedModal,
  type PostedEvent,
  postEvent,
  rsvp,
  submitEventForm,
  textOf,
} from '../support/community.js';
import { eventually } from '../support/eventually.js';
import type { Harness } from '../support/harness.js';
import { harnessPerTest } from '../support/harness-hooks.js';
import { passAt } from '../support/passes.js';
import { newChannel, newEnglishPerson, newFrenchPerson } from '../support/people.js';
import type { StandinMessage } from '../support/slack-standin-types.js';

const NOW = new Date('2026-03-10T09:00:00Z');

/** Invites `guests` by DM from the animator's menu; resolves with each guest's copy. */
async function inviteByDm(h: Harness, posted: PostedEvent, animator: string, guests: string[]) {
  await menu(h, posted, posted.event._id, animator, 'invite');
  const modal = await openedModal(h, animator, 'community.invite');
  await h.slack.sendViewSubmission({
    userId: animator,
    view: {
      id: modal.id,
      callback_id: 'community.invite',
      private_metadata: String(modal.view.private_metadata),
      state: {
        values: {
          community_invitees: {
            community_invitees: { type: 'multi_users_select', selected_users: guests },
          },
        },
      },
    },
  });
  const copies: StandinMessage[] = [];
  for (const guest of guests)
    copies.push(
      await eventually(() => {
        const m = h.standin.messagesTo(guest).find((x) => textOf(x).includes('community.rsvp.going'));
        if (!m) throw new Error(`no DM copy for ${guest}`);
        return m;
      }),
    );
  return copies;
}

const now = (h: Harness, m: StandinMessage) => textOf(h.standin.message(m.channel, m.ts));

// The copies are rewritten by the coalescer and the catch-up pass (the scheduler): a harness per test.
describe('community invite copies sent by DM stay current', () => {
  const harness = harnessPerTest('community_copies', { now: NOW });

  it('a cancellation rewrites every copy: "cancelled", no RSVP button', async () => {
    const h = harness();
    const animator = addAnimator(h);
    const channel = newChannel(h, 'COPYC', { isMember: true, members: [animator] });
    const posted = await postEvent(h, { title: 'Copy night', channel });
    const guests = [newEnglishPerson(h, 'CPA'), newFrenchPerson(h, 'CPB'), newEnglishPerson(h, 'CPC')];
    const copies = await inviteByDm(h, posted, animator, guests);

    h.clock.advance(2_000);
    await menu(h, posted, posted.event._id, animator, 'cancel');
    await eventually(() => expect(textOf(inviteOf(h, posted))).not.toContain('community.rsvp.going'));
    await passAt(h, '2026-03-10T09:00:10Z');
    await eventually(() => {
      for (const copy of copies) {
        expect(now(h, copy)).not.toContain('community.rsvp.');
        expect(now(h, copy).toLowerCase()).toMatch(/cancelled|annulé/);
      }
    });
  });

  it('an edit to a new time and place rewrites every copy; the counts follow the answers', async () => {
    const h = harness();
    const animator = addAnimator(h);
    const channel = newChannel(h, 'COPYE', { isMember: true, members: [animator] });
    const posted = await postEvent(h, { title: 'Copy moved', channel });
    const guests = [newEnglishPerson(h, 'CPD'), newEnglishPerson(h, 'CPE'), newFrenchPerson(h, 'CPF')];
    const copies = await inviteByDm(h, posted, animator, guests);

    await menu(h, posted, posted.event._id, animator, 'edit');
    const modal = await openedModal(h, animator, 'community.event');
    h.clock.advance(2_000);
    await submitEventForm(h, modal.id, {
      title: 'Copy moved',
      date: '2026-03-13',
      time: '19:00',
      timezone: 'Europe/Paris',
      duration: '90',
      place: 'Room 9',
    });
    await eventually(() => expect(textOf(inviteOf(h, posted))).toContain('Room 9'));
    await passAt(h, '2026-03-10T09:00:10Z');
    await eventually(() => {
      for (const copy of copies) {
        expect(now(h, copy)).toContain('Room 9');
        // The new time (13 March 2026, 19:00 in Paris) as a Slack date.
        expect(now(h, copy)).toContain(String(Date.parse('2026-03-13T18:00:00Z') / 1000));
      }
    });

    // An answer in the channel: the copies show the new counts (paced, the pass catches up).
    const member = newEnglishPerson(h, 'CPG');
    h.clock.advance(2_000);
    await rsvp(h, posted, posted.event._id, member, 'going');
    await eventually(() => expect(ephemeralTexts(h, member)).toHaveLength(1));
    await passAt(h, '2026-03-10T09:05:00Z');
    await eventually(() => {
      for (const copy of copies) expect(now(h, copy)).toMatch(/Going: 1|Je viens\s: 1/);
    });
  });
});
