import { expect } from 'vitest';
import { checkinModel } from '../../src/features/checkins/model.js';
import { eventModel } from '../../src/features/community/model.js';
import type { Mission } from '../../src/features/missions/model.js';
import { findMission } from '../../src/features/missions/repository.js';
import { findProfile } from '../../src/features/talent/repository.js';
import { answer, followUpsSettled, submitCheckin } from './checkin-answers.js';
import { addAnimator, type PostedEvent, postEvent, rsvp } from './community.js';
import { eventually } from './eventually.js';
import type { Harness } from './harness.js';
import { missionStartWorld, newViewId, startedMission, submitMissionForm } from './mission-form.js';
import {
  buttonIn,
  clickInDm,
  dmWithButton,
  evaluationValues,
  feedbackValues,
  modalOpenedWith,
  storedOffboarding,
  submit,
  text,
} from './offboarding.js';
import { storedItems, ticked, click as tickItem } from './onboarding.js';
import { ephemeralAnswer, passAt } from './passes.js';

/** One person of the lived world and the free texts an erasure of theirs must leave nowhere. */
export interface Lived {
  id: string;
  /** What they typed, and what others wrote about them that erasure empties. */
  texts: string[];
}

/** A freelancer and a manager who went through every flow of PRODUCT.md together. */
export interface LivedWorld {
  /** The freelancer (French, Paris): check-in answers, feedback, handover links, profile. */
  freelancer: Lived;
  /** The manager (English, London): the evaluation (recommendation, private note), a waiver. */
  manager: Lived;
  mission: Mission;
  /** What the freelancer typed and the manager wrote, by what it is (for exports). */
  said: Record<
    | 'progress'
    | 'blockers'
    | 'note'
    | 'improve'
    | 'link'
    | 'skill'
    | 'email'
    | 'recommendation'
    | 'privateNote',
    string
  >;
  /** The event whose only seat the freelancer took. */
  event: PostedEvent;
}

let seq = 0;

/**
 * Drives, through the real entry points, a mission from `/mission-start` to its close and after:
 * the onboarding item ticked, a weekly check-in delivered and answered with free text (a blocker:
 * an alert), preferences, a talent profile from the Home (skills, contact e-mail), an RSVP that
 * takes the last seat of an event, the handover confirmed with links, the feedback and the
 * evaluation, the closing, the manager's re-engagement nudge and the alumnus' availability ping
 * answered. The clock starts on Monday 5 January 2026 and ends in August 2026.
 */
export async function livedEveryFlow(h: Harness): Promise<LivedWorld> {
  seq += 1;
  const tag = `pz${seq}q${Date.now().toString(36)}`;
  h.clock.set(new Date('2026-01-05T08:00:00Z'));
  const w = missionStartWorld(h);
  const person = w.freelancer;
  const typed = {
    progress: `Avancement ${tag}`,
    blockers: `Blocage ${tag}`,
    note: `Note perso ${tag}`,
    improve: `A améliorer ${tag}`,
    link: `https://drive.example.com/${tag}/handover`,
    skill: `Skill${tag}`,
    email: `${tag}@example.org`,
  };
  const wrote = {
    recommendation: `Recommandation ${tag}`,
    privateNote: `Private note ${tag}`,
    reason: `Own laptop ${tag}`,
  };

  // 1. Mission start (Monday 12 January – Wednesday 29 April 2026), onboarding item ticked.
  const viewId = newViewId('EVERY');
  await submitMissionForm(h, w, { start: '2026-01-12', end: '2026-04-29', skills: 'React' }, viewId);
  const mission = await startedMission(h, viewId);
  const ref = mission.freelancerChecklistMessage;
  const item = (await storedItems(h, mission)).find((i) => i.ownerId === person);
  if (!ref || !item) throw new Error('no freelancer checklist');
  await tickItem(h, ref, String(item._id), person);
  await ticked(h, item._id);

  // 2. Preferences and the talent profile, from the Home.
  await ephemeralAnswer(h, '/passerelle', 'mute digests', person);
  await saveProfileFromHome(h, person, typed.skill, typed.email);

  // 3. An event: they take its only seat.
  addAnimator(h);
  const event = await postEvent(h, { capacity: '1', date: '2026-01-20' });
  await rsvp(h, event, event.event._id, person, 'going');
  await eventually(async () => {
    const e = await eventModel(h.db).findById(event.event._id).lean();
    expect(e?.seats).toContain(person);
  });

  // 4. The first weekly check-in (Monday 19 January, 10:00 Paris), answered with a blocker.
  await passAt(h, '2026-01-19T08:00:00Z');
  await passAt(h, '2026-01-19T09:00:00Z');
  const checkin = await eventually(async () => {
    const c = await checkinModel(h.db).findOne({ missionId: mission._id, status: 'sent' }).lean();
    if (!c) throw new Error('no check-in sent yet');
    return c;
  });
  h.clock.set(new Date('2026-01-19T10:00:00Z'));
  await submitCheckin(
    h,
    checkin,
    person,
    answer({ progress: typed.progress, blockers: typed.blockers, note: typed.note, needsHelp: 'yes' }),
  );
  await followUpsSettled(h, checkin._id);

  // 5. Offboarding: started by the manager; both forms; the handover confirmed with links.
  h.clock.set(new Date('2026-04-27T09:00:00Z'));
  await ephemeralAnswer(h, '/mission-end', String(mission._id), w.manager);
  const managerList = await dmWithButton(h, w.manager, 'offboarding.evaluation.open');
  const evalClick = await clickInDm(h, managerList, w.manager, 'offboarding.evaluation.open');
  await submit(
    h,
    await modalOpenedWith(h, evalClick.triggerId),
    w.manager,
    evaluationValues({
      recommendation: text(wrote.recommendation),
      private_note: text(wrote.privateNote),
      renewed: { type: 'radio_buttons', selected_option: { value: 'no' } },
    }),
  );
  const freelancerList = await dmWithButton(h, person, 'offboarding.feedback.open');
  const fbClick = await clickInDm(h, freelancerList, person, 'offboarding.feedback.open');
  await submit(h, await modalOpenedWith(h, fbClick.triggerId), person, {
    ...feedbackValues(),
    improve: text(typed.improve),
  });
  const missionId = String(mission._id);
  const { items } = await storedOffboarding(h, missionId);
  const [deliverables, knowledge, access, equipment] = items.map((i) => String(i._id));
  const linksClick = await clickInDm(h, freelancerList, person, 'offboarding.item.confirm', deliverables);
  await submit(h, await modalOpenedWith(h, linksClick.triggerId), person, { links: text(typed.link) });
  await clickInDm(h, freelancerList, person, 'offboarding.item.confirm', knowledge);
  await clickInDm(h, managerList, w.manager, 'offboarding.item.confirm', access);
  const waiveClick = await clickInDm(h, managerList, w.manager, 'offboarding.item.waive', equipment);
  await submit(h, await modalOpenedWith(h, waiveClick.triggerId), w.manager, {
    reason: text(wrote.reason),
  });
  await eventually(async () => {
    expect((await findMission(h.db, missionId))?.status).toBe('completed');
  });
  await eventually(async () => expect((await findProfile(h.db, person))?.missionsDone).toBe(1));

  // 6. Re-engagement: the manager's 30-day nudge, the alumnus' quarterly availability ping answered.
  await runAt(h, '2026-05-28T09:00:00Z');
  await dmWithButton(h, w.manager, 'reengagement.propose');
  await runAt(h, '2026-07-28T09:00:00Z');
  const ping = await dmWithButton(h, person, 'reengagement.available');
  h.clock.set(new Date('2026-07-28T10:00:00Z'));
  await h.slack.sendBlockAction({
    userId: person,
    actions: [
      {
        action_id: 'reengagement.available',
        block_id: buttonIn(ping.blocks, 'reengagement.available')?.block.block_id ?? '',
        type: 'datepicker',
        selected_date: '2026-09-01',
      },
    ],
    message: { ts: ping.ts, channel: ping.channel },
    channelId: ping.channel,
  });
  await eventually(async () => expect((await findProfile(h.db, person))?.availableFrom).toBe('2026-09-01'));

  return {
    freelancer: { id: person, texts: [...Object.values(typed), wrote.recommendation, wrote.privateNote] },
    manager: { id: w.manager, texts: Object.values(wrote) },
    mission,
    said: { ...typed, recommendation: wrote.recommendation, privateNote: wrote.privateNote },
    event,
  };
}

/** Runs the scheduler (passes, workers, due jobs) as at `iso`. */
async function runAt(h: Harness, iso: string): Promise<void> {
  h.clock.set(new Date(iso));
  await h.deps.scheduler.runOnce();
}

/** Opens "Edit my profile" on the Home and saves skills and a contact e-mail. */
async function saveProfileFromHome(h: Harness, userId: string, skill: string, email: string) {
  await h.slack.sendBlockAction({
    userId,
    view: { id: `VHOME${userId}`, type: 'home' },
    actions: [{ action_id: 'talent.profile.edit', block_id: 'b', value: 'edit' }],
  });
  const input = (type: string, value: string | null) => ({ type, value });
  await h.slack.sendViewSubmission({
    userId,
    applyAck: false,
    view: {
      callback_id: 'talent.profile.modal',
      state: {
        values: {
          talent_skills: { talent_skills: input('plain_text_input', `${skill}, Elm`) },
          talent_available_from: { talent_available_from: { type: 'datepicker', selected_date: null } },
          talent_day_rate: { talent_day_rate: input('plain_text_input', '600') },
          talent_email: { talent_email: input('email_text_input', email) },
          talent_opt_out: { talent_opt_out: { type: 'checkboxes', selected_options: [] } },
        },
      },
    },
  });
  await eventually(async () => expect((await findProfile(h.db, userId))?.contactEmail).toBe(email));
}
