import { describe, expect, it } from 'vitest';
import { newPoolMembers, talentSummaryOf } from '../../src/features/talent/index.js';
import { findProfile } from '../../src/features/talent/repository.js';
import { eventually } from '../support/eventually.js';
import { ADMIN_ID, type Harness } from '../support/harness.js';
import { harnessPerFile } from '../support/harness-hooks.js';
import { homeText, openHome } from '../support/home.js';
import { createMission } from '../support/missions.js';
import { newPerson } from '../support/people.js';
import { closedMission, resultIds, seedProfile, talentAnswer } from '../support/talent.js';

const NOTE = 'Très bon sur la dette technique, à relancer en priorité';

/** A click on one of the buttons of a /talent result, from the ephemeral message. */
function click(h: Harness, userId: string, actionId: string, value: string) {
  return h.slack.sendBlockAction({
    userId,
    channelId: h.standin.state.dmFor(userId),
    message: { ts: '1700000000.000100', text: 'talent' },
    actions: [{ action_id: actionId, block_id: `talent.hit.${value}`, value }],
  });
}

describe('talent profiles: privacy, Slack account state, the freelancer’s own profile', () => {
  const harness = harnessPerFile('talentprofiles', { now: new Date('2026-03-02T09:00:00Z') });

  it('shows the private note to a manager and an admin, never to the freelancer, another freelancer or a stranger', async () => {
    const h = harness();
    h.standin.addUser({ id: ADMIN_ID, name: 'ada', locale: 'en-US', tz: 'Europe/Paris' });
    const manager = newPerson(h, 'PMGR', { locale: 'en-US' });
    const freelancer = newPerson(h, 'PFREE', { locale: 'en-US' });
    const otherFreelancer = newPerson(h, 'POTHER', { locale: 'en-US' });
    const stranger = newPerson(h, 'PSTR', { locale: 'en-US' });
    await createMission(h.db, { managerId: manager, freelancerId: otherFreelancer });
    await seedProfile(
      h,
      'PFREE',
      { skills: ['cobol'], ratings: [5], note: NOTE, managerId: manager },
      freelancer,
    );

    for (const reader of [manager, ADMIN_ID]) {
      const answer = await talentAnswer(h, 'cobol', reader);
      expect(resultIds(answer.blocks)).toEqual([freelancer]);
      expect(answer.all).toContain(NOTE);
    }
    for (const reader of [freelancer, otherFreelancer, stranger]) {
      const answer = await talentAnswer(h, 'cobol', reader);
      expect(answer.all).not.toContain(NOTE);
      expect(answer.text).toContain('The talent pool is for managers and talent admins');
    }

    // View profile: a manager's click opens the modal with the notes; forged clicks are refused.
    const opens = () =>
      h.standin.callsTo('views.open').filter((c) => JSON.stringify(c.args.view).includes(NOTE));
    const res = await click(h, manager, 'talent.profile.view', freelancer);
    expect(res.status).toBe(200);
    await eventually(() =>
      expect(opens().filter((c) => c.args.trigger_id === res.triggerId)).toHaveLength(1),
    );
    const adminClick = await click(h, ADMIN_ID, 'talent.profile.view', freelancer);
    await eventually(() =>
      expect(opens().filter((c) => c.args.trigger_id === adminClick.triggerId)).toHaveLength(1),
    );
    for (const forger of [freelancer, otherFreelancer, stranger]) {
      const before = h.standin.ephemeralsTo(forger).length;
      const forged = await click(h, forger, 'talent.profile.view', freelancer);
      await eventually(() =>
        expect(h.standin.ephemeralsTo(forger)[before]?.text).toContain('The talent pool is for managers'),
      );
      expect(
        h.standin.callsTo('views.open').filter((c) => c.args.trigger_id === forged.triggerId),
      ).toHaveLength(0);
    }

    // A freelancer who also manages a mission sees their own row without the note about them.
    await createMission(h.db, { managerId: freelancer, freelancerId: otherFreelancer });
    const own = await talentAnswer(h, 'cobol', freelancer);
    expect(resultIds(own.blocks)).toEqual([freelancer]);
    expect(own.all).not.toContain(NOTE);
    // Their Home shows their profile, never the note.
    expect(homeText(await openHome(h, freelancer))).not.toContain(NOTE);
  });

  it('counts a closed mission once when the event is replayed', async () => {
    const h = harness();
    const freelancer = newPerson(h, 'REPLAY');
    const event = closedMission(freelancer, { rating: 3, skills: ['Fortran'], title: 'Calcul' });
    await h.deps.events.emit('mission.closed', event);
    await h.deps.events.emit('mission.closed', event);
    const p = await findProfile(h.db, freelancer);
    expect(p).toMatchObject({ missionsDone: 1, ratingSum: 3, ratingCount: 1, wouldRehireCount: 1 });
    expect(p?.missionSkills).toEqual(['fortran']);
    expect(p?.lastCollaborationAt).toEqual(new Date('2026-01-15T17:00:00Z'));
    expect(await talentSummaryOf(h.db, freelancer)).toMatchObject({ missionsDone: 1, skills: ['fortran'] });
  });

  it('keeps a deactivated freelancer marked unreachable with their e-mail, and removes an erased one', async () => {
    const h = harness();
    const manager = newPerson(h, 'SMGR', { locale: 'en-US' });
    await createMission(h.db, { managerId: manager, freelancerId: newPerson(h, 'SF') });
    const deactivated = await seedProfile(h, 'DEACT', { skills: ['ada-lang'], ratings: [4] });
    const erased = await seedProfile(h, 'ERASE', { skills: ['ada-lang'], ratings: [5] });
    const { saveOwnProfile } = await import('../../src/features/talent/repository.js');
    const { syncSkillIndex } = await import('../../src/features/talent/read-model.js');
    await saveOwnProfile(
      h.db,
      deactivated,
      {
        skills: ['ada-lang'],
        availableFrom: null,
        dayRate: null,
        contactEmail: 'dee@example.org',
        optedOut: false,
      },
      h.clock.now(),
    );
    await syncSkillIndex(h.db, deactivated);
    await h.slack.sendEvent({ type: 'user_change', user: { id: deactivated, name: 'dee', deleted: true } });
    await h.slack.sendEvent({
      type: 'user_change',
      user: { id: erased, name: 'era', deleted: true, is_forgotten: true },
    });
    await eventually(async () => {
      expect((await findProfile(h.db, deactivated))?.reachable).toBe(false);
      expect(await findProfile(h.db, erased)).toBeNull();
    });
    const answer = await eventually(async () => {
      const a = await talentAnswer(h, 'ada-lang', manager);
      expect(a.all).toContain('Not reachable in Slack');
      return a;
    });
    expect(resultIds(answer.blocks)).toEqual([deactivated]);
    expect(answer.all).toContain('Not reachable in Slack (account deactivated) — contact: dee@example.org');
  });

  it('lets a freelancer edit their profile from the Home, opt out (gone from /talent) and back in', async () => {
    const h = harness();
    const manager = newPerson(h, 'EMGR', { locale: 'en-US' });
    const freelancer = newPerson(h, 'EFREE', { locale: 'en-US' });
    await createMission(h.db, { managerId: manager, freelancerId: freelancer });
    const home = homeText(await openHome(h, freelancer));
    expect(home).toContain('My talent profile');
    // No profile yet: the button creates it.
    expect(home).toContain('Create my profile');

    const res = await h.slack.sendBlockAction({
      userId: freelancer,
      view: { id: 'VHOMEPROF1', type: 'home' },
      actions: [{ action_id: 'talent.profile.edit', block_id: 'b', value: 'edit' }],
    });
    await eventually(() =>
      expect(
        h.standin.callsTo('views.open').filter((c) => c.args.trigger_id === res.triggerId && c.ok),
      ).toHaveLength(1),
    );
    const submit = (over: { rate?: string; email?: string; optOut?: boolean }) =>
      h.slack.sendViewSubmission({
        userId: freelancer,
        applyAck: false,
        view: {
          callback_id: 'talent.profile.modal',
          state: {
            values: {
              talent_skills: { talent_skills: { type: 'plain_text_input', value: 'Haskell, Elm' } },
              talent_available_from: {
                talent_available_from: { type: 'datepicker', selected_date: '2026-04-01' },
              },
              talent_day_rate: { talent_day_rate: { type: 'plain_text_input', value: over.rate ?? '650' } },
              talent_email: {
                talent_email: { type: 'email_text_input', value: over.email ?? 'e@example.org' },
              },
              talent_opt_out: {
                talent_opt_out: {
                  type: 'checkboxes',
                  selected_options: over.optOut ? [{ value: 'opt_out' }] : [],
                },
              },
            },
          },
        },
      });
    const bad = await submit({ rate: '-3' });
    expect(JSON.parse(bad.body)).toMatchObject({
      response_action: 'errors',
      errors: { talent_day_rate: 'A day rate is a number, 0 or more.' },
    });
    expect((await submit({})).status).toBe(200);
    await eventually(async () =>
      expect(await findProfile(h.db, freelancer)).toMatchObject({
        skills: ['Haskell', 'Elm'],
        availableFrom: '2026-04-01',
        dayRate: 650,
        contactEmail: 'e@example.org',
        optedOut: false,
      }),
    );
    // The modal closes at once; the search lists them once their read-model line is written.
    await eventually(async () =>
      expect(resultIds((await talentAnswer(h, 'haskell', manager)).blocks)).toEqual([freelancer]),
    );
    expect((await talentAnswer(h, 'haskell', manager)).all).toContain('available from');

    await submit({ optOut: true });
    await eventually(async () => expect((await findProfile(h.db, freelancer))?.optedOut).toBe(true));
    await eventually(async () =>
      expect(resultIds((await talentAnswer(h, 'haskell', manager)).blocks)).toEqual([]),
    );

    h.clock.set(new Date('2026-03-05T09:00:00Z'));
    await submit({});
    await eventually(async () => expect((await findProfile(h.db, freelancer))?.optedOut).toBe(false));
    const joined = await newPoolMembers(h.db, new Date('2026-03-04T00:00:00Z'));
    expect(joined.map((m) => m.userId)).toContain(freelancer);
    await eventually(async () =>
      expect(resultIds((await talentAnswer(h, 'elm', manager)).blocks)).toEqual([freelancer]),
    );
  });

  it('asks a freelancer their availability and stores their answer', async () => {
    const h = harness();
    const manager = newPerson(h, 'AMGR', { locale: 'en-US' });
    const freelancer = newPerson(h, 'AFREE', { locale: 'fr-FR' });
    await createMission(h.db, { managerId: manager, freelancerId: newPerson(h, 'AX') });
    await seedProfile(h, 'AFREE', { skills: ['ocaml'], ratings: [4] }, freelancer);
    const before = h.standin.messagesTo(freelancer).length;
    await click(h, manager, 'talent.availability.ask', freelancer);
    const dm = await eventually(() => {
      const m = h.standin.messagesTo(freelancer)[before];
      if (!m) throw new Error('no availability DM yet');
      return m;
    });
    expect(JSON.stringify(dm.blocks)).toContain('talent.availability.from');
    expect(dm.text).toContain('aimerait savoir quand vous êtes disponible');
    await h.slack.sendBlockAction({
      userId: freelancer,
      channelId: h.standin.state.dmFor(freelancer),
      message: { ts: dm.ts },
      actions: [
        {
          action_id: 'talent.availability.from',
          block_id: 'talent.availability',
          type: 'datepicker',
          selected_date: '2026-05-04',
        },
      ],
    });
    await eventually(async () =>
      expect(await findProfile(h.db, freelancer)).toMatchObject({
        availableFrom: '2026-05-04',
        availabilitySaidAt: h.clock.now(),
      }),
    );
    await eventually(async () =>
      expect((await talentAnswer(h, 'ocaml', manager)).all).toContain(
        'available from Monday, 4 May 2026, said on 2 March 2026',
      ),
    );
    // Someone who manages nothing cannot make Passerelle DM a freelancer.
    const stranger = newPerson(h, 'ASTR', { locale: 'en-US' });
    const count = h.standin.messagesTo(freelancer).length;
    await click(h, stranger, 'talent.availability.ask', freelancer);
    await eventually(() =>
      expect(h.standin.ephemeralsTo(stranger).at(-1)?.text).toContain('The talent pool is for managers'),
    );
    expect(h.standin.messagesTo(freelancer)).toHaveLength(count);
  });
  it('tells the manager when Slack does not deliver the availability question', async () => {
    const h = harness();
    const manager = newPerson(h, 'FMGR', { locale: 'en-US' });
    const freelancer = newPerson(h, 'FFREE', { locale: 'fr-FR' });
    await createMission(h.db, { managerId: manager, freelancerId: newPerson(h, 'FX') });
    await seedProfile(h, 'FFREE', { skills: ['pl1-lang'], ratings: [4] }, freelancer);
    h.standin.failNext('chat.postMessage', 'messages_tab_disabled', {
      where: (args) => args.channel === freelancer,
    });
    await click(h, manager, 'talent.availability.ask', freelancer);
    await eventually(() =>
      expect(h.standin.ephemeralsTo(manager).at(-1)?.text).toContain(
        `Slack did not deliver the question to <@${freelancer}>: nothing was sent`,
      ),
    );
    expect(
      h.standin.callsTo('chat.postMessage').filter((c) => c.args.channel === freelancer && c.ok),
      'an availability DM that went through',
    ).toHaveLength(0);
    expect(h.standin.ephemeralsTo(manager).map((e) => e.text)).not.toContain(
      `Asked <@${freelancer}> for their availability.`,
    );
  });

  it('opens the mission modal prefilled with the freelancer and the searched skills from "propose a mission"', async () => {
    const h = harness();
    const manager = newPerson(h, 'QMGR', { locale: 'en-US' });
    const freelancer = newPerson(h, 'QFREE', { locale: 'en-US' });
    await createMission(h.db, { managerId: manager, freelancerId: newPerson(h, 'QX') });
    await seedProfile(h, 'QFREE', { skills: ['Erlang', 'Gleam'], ratings: [5] }, freelancer);
    const answer = await talentAnswer(h, 'erlang gleam', manager);
    const button = (answer.blocks ?? [])
      .flatMap((b) => (b as { elements?: { action_id?: string; value?: string }[] }).elements ?? [])
      .find((e) => e.action_id === 'talent.mission.propose' && e.value?.includes(freelancer));
    expect(button, 'the propose button of the result').toBeDefined();
    const res = await click(h, manager, 'talent.mission.propose', button?.value ?? '');
    const modal = await eventually(() => {
      const call = h.standin.callsTo('views.open').find((c) => c.args.trigger_id === res.triggerId);
      if (!call?.ok) throw new Error(`no views.open for the propose click yet (${call?.error ?? 'none'})`);
      return JSON.stringify(call.args.view);
    });
    expect(modal).toContain('"callback_id":"missions.start"');
    expect(modal).toContain(`"initial_user":"${freelancer}"`);
    expect(modal).toContain('"initial_value":"erlang, gleam"');
  });
});
