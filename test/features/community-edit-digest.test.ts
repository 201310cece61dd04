import { describe, expect, it } from 'vitest';
import { flagDirty, storeAnswer } from '../../src/features/community/repository.js';
import {
  addAnimator,
  dmTexts,
  ephemeralTexts,
  inviteOf,
  menu,
  openedModal,
  postEvent,
  rsvp,
  storedEvent,
  submitEventForm,
  textOf,
} from '../support/community.js';
import { eventually } from '../support/eventually.js';
import { harnessPerTest } from '../support/harness-hooks.js';
import { homeText, openHome } from '../support/home.js';
import { passAt } from '../support/passes.js';
import { newEnglishPerson, newFrenchPerson } from '../support/people.js';

const NOW = new Date('2026-03-10T09:00:00Z');
const DIGEST_CHANNEL = 'CDIGEST01';
const reminders = (texts: string[]) => texts.filter((t) => t.includes('⏰'));

describe('community events: edit, attendee list, Home, weekly digest', () => {
  const harness = harnessPerTest('community_edit', {
    now: NOW,
    config: { communityChannelId: DIGEST_CHANNEL, communityDigest: { weekday: 1, hour: 9, minute: 0 } },
  });

  it('an edit to a new time tells those going, updates the message and re-plans the reminders', async () => {
    const h = harness();
    const animator = addAnimator(h);
    const posted = await postEvent(h, { title: 'Moved meetup', capacity: '5' });
    const fr = newFrenchPerson(h, 'EDITFR');
    const en = newEnglishPerson(h, 'EDITEN');
    for (const who of [fr, en]) {
      h.clock.advance(2_000);
      await rsvp(h, posted, posted.event._id, who, 'going');
      await eventually(() => expect(ephemeralTexts(h, who)).toHaveLength(1));
    }
    await menu(h, posted, posted.event._id, animator, 'edit');
    const modal = await openedModal(h, animator, 'community.event');
    expect(JSON.stringify(modal.view.blocks)).toContain('"initial_value":"Moved meetup"');
    h.clock.advance(2_000);
    const ack = await submitEventForm(h, modal.id, {
      title: 'Moved meetup',
      date: '2026-03-13',
      time: '19:00',
      timezone: 'Europe/Paris',
      duration: '90',
      place: 'Room 4',
      capacity: '5',
    });
    expect(ack?.response_action).toBeUndefined();
    await eventually(() => expect(dmTexts(h, en).join()).toContain('*Moved meetup* has changed'));
    await eventually(() => expect(dmTexts(h, fr).join()).toContain('a changé'));
    expect((await storedEvent(h, posted.event._id)).startsAt.toISOString()).toBe('2026-03-13T18:00:00.000Z');
    await eventually(() => expect(textOf(inviteOf(h, posted))).toContain('Room 4'));
    // The old time's reminder finds the event moved: nothing; the new one goes.
    await passAt(h, '2026-03-11T17:30:00Z');
    expect(reminders(dmTexts(h, en))).toEqual([]);
    await passAt(h, '2026-03-12T18:00:00Z');
    expect(reminders(dmTexts(h, en))).toHaveLength(1);
  });

  it('raising the capacity promotes the first in line; lowering it keeps those already in', async () => {
    const h = harness();
    const animator = addAnimator(h);
    const posted = await postEvent(h, { title: 'Growing', capacity: '1' });
    const [a, b, c] = [newEnglishPerson(h, 'CAPA'), newEnglishPerson(h, 'CAPB'), newEnglishPerson(h, 'CAPC')];
    for (const who of [a, b, c]) {
      h.clock.advance(2_000);
      await rsvp(h, posted, posted.event._id, who, 'going');
      await eventually(() => expect(ephemeralTexts(h, who)).toHaveLength(1));
    }
    const edit = async (capacity: string) => {
      await menu(h, posted, posted.event._id, animator, 'edit');
      const modal = await openedModal(h, animator, 'community.event');
      h.clock.advance(2_000);
      await submitEventForm(h, modal.id, {
        title: 'Growing',
        date: '2026-03-12',
        time: '18:30',
        timezone: 'Europe/Paris',
        duration: '90',
        place: 'https://meet.example.com/apero',
        capacity,
      });
    };
    await edit('2');
    await eventually(() => expect(dmTexts(h, b).join()).toContain('A seat freed up'));
    expect(dmTexts(h, c)).toEqual([]);
    expect((await storedEvent(h, posted.event._id)).seats.sort()).toEqual([a, b].sort());
    await edit('1');
    await eventually(async () => expect((await storedEvent(h, posted.event._id)).capacity).toBe(1));
    // Nobody loses their seat, and nobody new gets one.
    expect((await storedEvent(h, posted.event._id)).seats.sort()).toEqual([a, b].sort());
    h.clock.advance(2_000);
    await rsvp(h, posted, posted.event._id, a, 'no');
    await eventually(async () => expect((await storedEvent(h, posted.event._id)).seats).toEqual([b]));
    expect(dmTexts(h, c)).toEqual([]);
    // Same time and place: nobody is told of a change.
    expect(dmTexts(h, a).join()).not.toContain('has changed');
  });

  it('the attendee list shows who is going and the waitlist in order, to the animator only', async () => {
    const h = harness();
    const animator = addAnimator(h);
    const posted = await postEvent(h, { title: 'Listed', capacity: '1' });
    const [a, b] = [newEnglishPerson(h, 'LISTA'), newEnglishPerson(h, 'LISTB')];
    for (const who of [a, b]) {
      h.clock.advance(2_000);
      await rsvp(h, posted, posted.event._id, who, 'going');
      await eventually(() => expect(ephemeralTexts(h, who)).toHaveLength(1));
    }
    await menu(h, posted, posted.event._id, animator, 'list');
    const list = await openedModal(h, animator, 'community.attendees');
    const text = JSON.stringify(list.view.blocks);
    expect(text).toContain(`*Going* (1)\\n• <@${a}>`);
    expect(text).toContain(`*Waitlist* (1)\\n1. <@${b}>`);
    await menu(h, posted, posted.event._id, b, 'list');
    await eventually(() => expect(ephemeralTexts(h, b).at(-1)).toContain('Only the event’s creator'));
  });

  it('the Home shows a person their events with their answer, and the animator the counts', async () => {
    const h = harness();
    const animator = addAnimator(h);
    const posted = await postEvent(h, { title: 'Home event', capacity: '1' });
    const [a, b] = [newEnglishPerson(h, 'HOMEA'), newEnglishPerson(h, 'HOMEB')];
    for (const who of [a, b]) {
      h.clock.advance(2_000);
      await rsvp(h, posted, posted.event._id, who, 'going');
      await eventually(() => expect(ephemeralTexts(h, who)).toHaveLength(1));
    }
    expect(homeText(await openHome(h, a))).toContain('*Home event*');
    expect(homeText(await openHome(h, a))).toContain('— going');
    expect(homeText(await openHome(h, b))).toContain('— waitlist');
    expect(homeText(await openHome(h, animator))).toContain('✅ 1 · ⏳ 1 · 🤔 0 · ❌ 0');
  });

  it('a process that died half-way leaves nothing stale: the pass gives the seat back, promotes and updates the message', async () => {
    const h = harness();
    addAnimator(h);
    const posted = await postEvent(h, { title: 'Crash event', capacity: '1' });
    const [a, b] = [newEnglishPerson(h, 'CRASHA'), newEnglishPerson(h, 'CRASHB')];
    for (const who of [a, b]) {
      h.clock.advance(2_000);
      await rsvp(h, posted, posted.event._id, who, 'going');
      await eventually(() => expect(ephemeralTexts(h, who)).toHaveLength(1));
    }
    await eventually(async () => expect((await storedEvent(h, posted.event._id)).dirty).toBe(false));
    // What a process dying right after storing A's "can't" leaves: the answer and the dirty flag,
    // the seat still held, the message not updated, B not promoted.
    await flagDirty(h.db, posted.event._id);
    await storeAnswer(h.db, posted.event._id, a, 'no', h.clock.now(), Date.now() / 1000);
    expect((await storedEvent(h, posted.event._id)).seats).toEqual([a]);
    await passAt(h, new Date(h.clock.now().getTime() + 60_000).toISOString());
    expect((await storedEvent(h, posted.event._id)).seats).toEqual([b]);
    await eventually(() => expect(dmTexts(h, b).join()).toContain('A seat freed up'));
    await eventually(() =>
      expect(textOf(inviteOf(h, posted))).toContain('1 / 1 places prises · 0 en liste d’attente'),
    );
    await eventually(async () => expect((await storedEvent(h, posted.event._id)).dirty).toBe(false));
  });

  it('the weekly digest: once a week at its time, nothing when there is nothing to say', async () => {
    const h = harness();
    h.standin.addChannel({ id: DIGEST_CHANNEL, name: 'community', isMember: true });
    addAnimator(h);
    // Monday 16 March, 09:00 in Paris: no event to come, nothing posted.
    await passAt(h, '2026-03-16T08:00:00Z');
    expect(h.standin.messagesTo(DIGEST_CHANNEL)).toEqual([]);
    h.clock.set(new Date('2026-03-17T09:00:00Z'));
    await postEvent(h, { title: 'Digest event', date: '2026-03-26', channel: DIGEST_CHANNEL });
    const before = h.standin.messagesTo(DIGEST_CHANNEL).length;
    await passAt(h, '2026-03-23T07:59:00Z');
    expect(h.standin.messagesTo(DIGEST_CHANNEL)).toHaveLength(before);
    await passAt(h, '2026-03-23T08:00:00Z');
    await passAt(h, '2026-03-23T10:00:00Z');
    const digests = h.standin.messagesTo(DIGEST_CHANNEL).filter((m) => textOf(m).includes('Cette semaine'));
    expect(digests).toHaveLength(1);
    expect(textOf(digests[0])).toContain('*Digest event*');
  });
});
