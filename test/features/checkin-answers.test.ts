import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitAnswer } from '../../src/features/checkins/answers/service.js';
import { FOLLOWUP_JOB } from '../../src/features/checkins/followups/service.js';
import { questionSetModel } from '../../src/features/checkins/questions/model.js';
import {
  addCustomQuestion,
  loadQuestions,
  relabelQuestion,
  seedDefaultQuestions,
} from '../../src/features/checkins/questions/service.js';
import type { Mission } from '../../src/features/missions/model.js';
import { findMission } from '../../src/features/missions/repository.js';
import { jobModel } from '../../src/scheduler/job-model.js';
import {
  answer,
  clickOpen,
  dmsAbout,
  modalOpenedWith,
  reloadCheckin,
  said,
  sentCheckin,
  storedAnswer,
  submitCheckin,
} from '../support/checkin-answers.js';
import { eventually } from '../support/eventually.js';
import { type Harness, startHarness } from '../support/harness.js';
import { createMission } from '../support/missions.js';
import { ephemeralAnswer, passAt } from '../support/passes.js';

const FREELANCER = 'UFREEL001';
const FREELANCER_2 = 'UFREEL002';
const MANAGER = 'UMGR00001';
const MANAGER_HR = 'UMGRHR001';
const ADMIN = 'UADMIN01';
const STRANGER = 'USTRANGE1';
const PAUSER = 'UPAUSER01';

let seq = 0;

describe('check-in answers', () => {
  let h: Harness;

  const mission = (over: Partial<Pick<Mission, 'freelancerId' | 'managerId'>> = {}) =>
    createMission(h.db, {
      freelancerId: FREELANCER,
      managerId: MANAGER,
      title: `Refonte paiement ${++seq}`,
      startDate: '2026-03-02',
      endDate: '2026-06-30',
      status: 'active',
      ...over,
    });

  beforeAll(async () => {
    h = await startHarness('checkinanswers', { now: new Date('2026-03-09T10:00:00Z') });
    h.standin.addUser({ id: FREELANCER, name: 'francoise', locale: 'fr-FR', tz: 'Europe/Paris' });
    h.standin.addUser({ id: FREELANCER_2, name: 'felix', locale: 'fr-FR', tz: 'Europe/Paris' });
    h.standin.addUser({ id: MANAGER, name: 'emma', locale: 'en-US', tz: 'America/New_York' });
    h.standin.addUser({ id: MANAGER_HR, name: 'hugo', locale: 'fr-FR', tz: 'Europe/Paris' });
    h.standin.addUser({ id: ADMIN, name: 'ada', locale: 'en-US', tz: 'Europe/London' });
    h.standin.addUser({ id: STRANGER, name: 'mallory', locale: 'en-US', tz: 'Europe/London' });
    h.standin.addUser({ id: 'UNOMISFR1', name: 'nina', locale: 'fr-FR', tz: 'Europe/Paris' });
    h.standin.addUser({ id: 'UNOMISEN1', name: 'nick', locale: 'en-US', tz: 'Europe/London' });
    h.standin.addUser({ id: PAUSER, name: 'paul', locale: 'fr-FR', tz: 'Europe/Paris' });
  });
  afterAll(async () => {
    await h.stop();
  });

  it('opens the modal from the DM button, in French, with who reads the answer spelled out', async () => {
    const c = await sentCheckin(h, await mission());
    const res = await clickOpen(h, c, FREELANCER);
    expect(res.status).toBe(200);
    const view = await modalOpenedWith(h, res.triggerId);
    expect(view.title.text).toBe('Point hebdomadaire');
    expect(view.private_metadata).toBe(c._id.toString());
    const ids = view.blocks.map((b) => b.block_id).filter(Boolean);
    expect(ids).toEqual(['score', 'progress', 'blockers', 'needs_help', 'note', 'visibility']);
    const visibility = view.blocks.find((b) => b.block_id === 'visibility');
    expect(visibility?.element?.initial_option?.value).toBe('manager');
    expect(visibility?.element?.options?.map((o) => o.text.text)).toEqual([
      `Mon manager (<@${MANAGER}>) et les RH`,
      'RH uniquement, en agrégé',
    ]);
    const explained = JSON.stringify(view.blocks.at(-1));
    expect(explained).toContain(`seuls les admins RH (<@${ADMIN}>) lisent vos réponses`);
    expect(explained).toContain(`<@${MANAGER}> apprend seulement que vous avez répondu`);
    expect(h.standin.ackProblems).toEqual([]);
  });

  it('/checkin opens the latest check-in still open', async () => {
    const m = await mission({ freelancerId: FREELANCER_2 });
    await sentCheckin(h, m, {
      week: '2026-W10',
      dueAt: new Date('2026-03-02T09:00:00Z'),
      status: 'missed',
      closesAt: new Date('2026-03-04T09:00:00Z'),
    });
    const current = await sentCheckin(h, m);
    const res = await h.slack.sendCommand({ command: '/checkin', text: '', userId: FREELANCER_2 });
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    const view = await modalOpenedWith(h, res.triggerId);
    expect(view.private_metadata).toBe(current._id.toString());
  });

  it('/checkin without a mission says there is none, in French and in English', async () => {
    const fr = await h.slack.sendCommand({ command: '/checkin', text: '', userId: 'UNOMISFR1' });
    const en = await h.slack.sendCommand({ command: '/checkin', text: '', userId: 'UNOMISEN1' });
    const texts = await eventually(() => {
      const f = h.standin.ephemeralsTo('UNOMISFR1')[0]?.text;
      const e = h.standin.ephemeralsTo('UNOMISEN1')[0]?.text;
      if (!f || !e) throw new Error('no answers yet');
      return { f, e };
    });
    expect(texts.f).toBe(
      "Vous n'avez pas de mission en cours en tant que freelance : il n'y a donc pas de point à remplir.",
    );
    expect(texts.e).toBe(
      'You have no mission in progress as a freelancer, so there is no check-in to answer.',
    );
    expect(
      h.standin
        .callsTo('views.open')
        .filter((c) => [fr.triggerId, en.triggerId].includes(String(c.args.trigger_id))),
    ).toEqual([]);
  });

  it('refuses a stranger, from the button and on submit, and changes nothing', async () => {
    const c = await sentCheckin(h, await mission());
    const click = await clickOpen(h, c, STRANGER);
    const refusal = await eventually(() => {
      const e = h.standin.ephemeralsTo(STRANGER).at(-1);
      if (!e) throw new Error('no refusal yet');
      return e;
    });
    expect(refusal.text).toBe('Only the freelancer of this mission can answer this check-in.');
    expect(h.standin.callsTo('views.open').some((v) => v.args.trigger_id === click.triggerId)).toBe(false);

    const res = await submitCheckin(h, c, STRANGER, answer({ score: '1' }));
    expect(res.json()).toEqual({
      response_action: 'errors',
      errors: { score: 'Only the freelancer of this mission can answer this check-in.' },
    });
    const after = await reloadCheckin(h, c._id);
    expect(after.status).toBe('sent');
    expect(after.answer).toBeNull();
  });

  it('a score of 2 with a blocker: stored, the DM says thanks, the manager gets the summary and an alert', async () => {
    const m = await mission();
    const c = await sentCheckin(h, m);
    const res = await submitCheckin(
      h,
      c,
      FREELANCER,
      answer({ score: '2', blockers: 'Accès à la recette toujours bloqué', note: 'Merci pour le point' }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    const stored = await eventually(async () => {
      const x = await reloadCheckin(h, c._id);
      if (x.status !== 'answered') throw new Error('not stored yet');
      return x;
    });
    expect(stored.answer).toMatchObject({
      score: 2,
      blockers: 'Accès à la recette toujours bloqué',
      needsHelp: false,
      visibility: 'manager',
      extra: {},
    });
    expect(stored.answeredAt).toEqual(h.clock.now());
    expect(stored.alert).toBe(true);

    const toManager = await eventually(() => {
      const dms = dmsAbout(h, MANAGER, m.title);
      if (dms.length < 2) throw new Error('follow-ups not there yet');
      return dms;
    });
    const summary = toManager.find((d) => said(d).includes(`Check-in — ${m.title}`));
    const alert = toManager.find((d) => said(d).includes('Check-in alert'));
    expect(said(summary)).toContain(`<@${FREELANCER}> answered the check-in of 9 March 2026.`);
    expect(said(summary)).toContain('2/5 — Dissatisfied');
    expect(said(summary)).toContain('Accès à la recette toujours bloqué');
    expect(said(summary)).toContain('Merci pour le point');
    expect(said(alert)).toContain('low satisfaction (2/5), a blocker is reported');
    expect(said(alert)).not.toContain('Second week in a row');
    expect(dmsAbout(h, ADMIN, m.title)).toEqual([]);

    const dm = await eventually(() => {
      const x = h.standin.message(c.message?.channel ?? '', c.message?.ts ?? '');
      if (!x?.edits) throw new Error('DM not updated yet');
      return x;
    });
    expect(said(dm)).toContain('Répondu — merci !');
    expect(said(dm)).toContain('satisfaction 2/5');
    expect(said(dm)).toContain('Modifier ma réponse');
    expect(said(dm)).toContain('lun. 16 mars 2026');
  });

  it('a second week in a row with an alert tells the admins too', async () => {
    const m = await mission();
    await sentCheckin(h, m, {
      week: '2026-W10',
      dueAt: new Date('2026-03-02T09:00:00Z'),
      status: 'answered',
      alert: true,
      answer: {
        score: 1,
        progress: '',
        blockers: 'x',
        needsHelp: false,
        note: '',
        visibility: 'manager',
        extra: {},
      },
    });
    const c = await sentCheckin(h, m);
    await submitCheckin(h, c, FREELANCER, answer({ score: '1', needsHelp: 'yes' }));
    const toAdmin = await eventually(() => {
      const dms = dmsAbout(h, ADMIN, m.title);
      if (dms.length === 0) throw new Error('no admin alert yet');
      return dms;
    });
    expect(toAdmin).toHaveLength(1);
    expect(said(toAdmin[0])).toContain('Second week in a row');
    expect(said(toAdmin[0])).toContain('help is requested');
    expect(said(toAdmin[0])).toContain(`Manager: <@${MANAGER}>`);
    const managerAlert = await eventually(() => {
      const a = dmsAbout(h, MANAGER, m.title).find((d) => said(d).includes('Check-in alert'));
      if (!a) throw new Error('no manager alert yet');
      return a;
    });
    expect(said(managerAlert)).toContain('Second week in a row');
  });

  it('"HR only": the manager only learns that an answer exists; the alert goes to the admins', async () => {
    const m = await mission({ managerId: MANAGER_HR });
    const c = await sentCheckin(h, m);
    await submitCheckin(
      h,
      c,
      FREELANCER,
      answer({
        score: '1',
        progress: 'Progrès secret',
        blockers: 'Blocage secret',
        note: 'Note secrète',
        visibility: 'hr',
      }),
    );
    const toAdmin = await eventually(() => {
      const dms = dmsAbout(h, ADMIN, m.title);
      if (dms.length === 0) throw new Error('no admin alert yet');
      return dms;
    });
    expect(said(toAdmin[0])).toContain('Blocage secret');
    expect(said(toAdmin[0])).toContain(`do not pass it on to the manager (<@${MANAGER_HR}>)`);
    const toManager = await eventually(() => {
      const dms = h.standin.messagesTo(MANAGER_HR);
      if (dms.length === 0) throw new Error('no notice yet');
      return dms;
    });
    expect(toManager).toHaveLength(1);
    const notice = said(toManager[0]);
    expect(notice).toContain(`<@${FREELANCER}> a répondu au point du 9 mars 2026`);
    expect(notice).toContain('partagé avec les RH uniquement');
    for (const hint of ['1/5', 'secret', 'Blocage', 'Progrès', 'Note', 'lerte', 'satisf'])
      expect(notice).not.toContain(hint);
    expect((await reloadCheckin(h, c._id)).alert).toBe(true);
  });

  it('invalid input comes back inline, in French, and nothing is stored', async () => {
    const c = await sentCheckin(h, await mission());
    const res = await submitCheckin(
      h,
      c,
      FREELANCER,
      answer({ score: undefined, progress: 'x'.repeat(1501), visibility: 'everyone' }),
    );
    expect(res.json()).toEqual({
      response_action: 'errors',
      errors: {
        score: 'Choisissez une note de 1 à 5.',
        progress: 'Cette réponse est trop longue.',
        visibility: 'Choisissez une des options.',
      },
    });
    const forged = await submitCheckin(h, 'not-an-id', FREELANCER, answer());
    expect(forged.json()).toMatchObject({
      response_action: 'errors',
      errors: { score: expect.stringContaining('fermez-le') },
    });
    const after = await reloadCheckin(h, c._id);
    expect(after.status).toBe('sent');
    expect(after.answer).toBeNull();
  });

  it('a submission delivered twice stores one answer and sends one summary', async () => {
    const m = await mission();
    const c = await sentCheckin(h, m);
    const v = answer({ progress: 'Livré le module panier' });
    await Promise.all([
      submitCheckin(h, c, FREELANCER, v, 'VRETRY01'),
      submitCheckin(h, c, FREELANCER, v, 'VRETRY01'),
    ]);
    await eventually(() => dmsAbout(h, MANAGER, m.title).length === 1);
    await eventually(async () => (await reloadCheckin(h, c._id)).status === 'answered');

    // The same race through the service, awaited: exactly one of them stores.
    const c2 = await sentCheckin(h, await mission(), { week: '2026-W12' });
    const input = {
      userId: FREELANCER,
      checkinId: c2._id.toString(),
      answer: storedAnswer({ score: 3 }),
    };
    const outcomes = await Promise.all([submitAnswer(h.deps, input), submitAnswer(h.deps, input)]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['stored', 'unchanged']);
    expect(dmsAbout(h, MANAGER, c2.title)).toHaveLength(1);
    expect(dmsAbout(h, MANAGER, m.title)).toHaveLength(1);
  });

  it('an edit within the window updates the answer and the manager; an alert is raised once', async () => {
    const m = await mission();
    const c = await sentCheckin(h, m);
    await submitCheckin(h, c, FREELANCER, answer({ score: '4' }));
    await eventually(() => dmsAbout(h, MANAGER, m.title).length === 1);
    expect(said(dmsAbout(h, MANAGER, m.title)[0])).not.toContain('alert');

    // Reopening prefills the modal with the stored answer.
    const click = await clickOpen(h, await reloadCheckin(h, c._id), FREELANCER);
    const view = await modalOpenedWith(h, click.triggerId);
    expect(view.title.text).toBe('Modifier le point');
    expect(view.blocks.find((b) => b.block_id === 'score')?.element?.initial_option?.value).toBe('4');

    await submitCheckin(h, c, FREELANCER, answer({ score: '2' }));
    await eventually(() => dmsAbout(h, MANAGER, m.title).length === 3);
    const [, updated, alert] = dmsAbout(h, MANAGER, m.title);
    expect(said(updated)).toContain('updated their answer');
    expect(said(alert)).toContain('low satisfaction (2/5)');

    await submitCheckin(h, c, FREELANCER, answer({ score: '1', blockers: 'Plus de budget' }));
    await eventually(() => dmsAbout(h, MANAGER, m.title).length === 4);
    const stored = await reloadCheckin(h, c._id);
    expect(stored.answer?.score).toBe(1);
    expect(stored.answeredAt).toEqual(h.clock.now());
    expect(dmsAbout(h, MANAGER, m.title).filter((d) => said(d).includes('Check-in alert'))).toHaveLength(1);
  });

  it('after the edit window, editing is refused and the answer stays', async () => {
    const c = await sentCheckin(h, await mission(), {
      status: 'answered',
      answeredAt: new Date('2026-03-02T10:00:00Z'),
      editableUntil: new Date('2026-03-09T09:00:00Z'),
      answer: storedAnswer(),
    });
    await clickOpen(h, c, FREELANCER);
    const refusal = await eventually(() => {
      const e = h.standin
        .ephemeralsTo(FREELANCER)
        .find((x) => x.text?.includes('ne peut plus être modifiée'));
      if (!e) throw new Error('no refusal yet');
      return e;
    });
    expect(refusal.text).toBe('Ce point est clos : votre réponse ne peut plus être modifiée.');
    const res = await submitCheckin(h, c, FREELANCER, answer({ score: '1' }));
    expect(res.json()).toEqual({
      response_action: 'errors',
      errors: { score: 'Ce point est clos : votre réponse ne peut plus être modifiée.' },
    });
    expect((await reloadCheckin(h, c._id)).answer?.score).toBe(4);
  });

  it('a missed check-in says it is closed', async () => {
    const c = await sentCheckin(h, await mission(), { status: 'missed', outcome: 'unanswered' });
    await clickOpen(h, c, FREELANCER);
    await eventually(() =>
      h.standin
        .ephemeralsTo(FREELANCER)
        .some((e) => e.text === "Ce point est clos : il n'a pas eu de réponse à temps."),
    );
  });

  it('pause skips the scheduled check-ins inside it (in the mission zone); resume puts the future ones back', async () => {
    const m = await mission({ freelancerId: PAUSER });
    const at = (iso: string, week: string, status: 'scheduled' | 'skipped' = 'scheduled') =>
      sentCheckin(h, m, {
        week,
        dueAt: new Date(iso),
        status,
        sentAt: null,
        outcome: status === 'skipped' ? 'paused' : null,
      });
    const past = await at('2026-03-02T09:00:00Z', '2026-W10', 'skipped');
    const lastDay = await at('2026-03-20T22:30:00Z', '2026-W12'); // 23:30 in Paris on the 20th
    const nextDay = await at('2026-03-20T23:30:00Z', '2026-W13'); // 00:30 in Paris on the 21st
    const later = await at('2026-04-06T08:00:00Z', '2026-W15');
    const statusOf = async () =>
      Promise.all([past, lastDay, nextDay, later].map(async (c) => (await reloadCheckin(h, c._id)).status));
    const command = (text: string) => ephemeralAnswer(h, '/checkin', text, PAUSER);

    expect(await command('pause until 2026-03-20')).toContain(
      "Points en pause jusqu'au vendredi 20 mars 2026 (inclus) pour votre mission.\n1 point prévu ne sera pas envoyé.",
    );
    expect((await findMission(h.db, m._id.toString()))?.checkin.pausedUntil).toBe('2026-03-20');
    expect(await statusOf()).toEqual(['skipped', 'skipped', 'scheduled', 'scheduled']);
    expect((await reloadCheckin(h, lastDay._id)).outcome).toBe('paused');

    expect(await command('pause')).toContain("Points en pause jusqu'à nouvel ordre pour votre mission.");
    expect(await statusOf()).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
    expect(await command('')).toContain("Vos points sont en pause jusqu'à nouvel ordre.");

    expect(await command('resume')).toBe('Points repris.\n3 points à venir sont de nouveau prévus.');
    const resumed = await findMission(h.db, m._id.toString());
    expect(resumed?.checkin.pausedUntil).toBeNull();
    expect(resumed?.history.map((e) => e.action)).toEqual([
      'checkins.paused',
      'checkins.paused',
      'checkins.resumed',
    ]);
    expect(await statusOf()).toEqual(['skipped', 'scheduled', 'scheduled', 'scheduled']);
    expect((await reloadCheckin(h, later._id)).outcome).toBeNull();

    expect(await command('pause until 2026-03-01')).toBe(
      "Cette date est passée : choisissez aujourd'hui ou une date ultérieure.",
    );
    expect(await command('resume')).toBe('Vos points ne sont pas en pause.');
  });

  it('/checkin help lists the subcommands; an unknown one or a bad date says so', async () => {
    const help = await h.slack.sendCommand({ command: '/checkin', text: 'help', userId: 'UNOMISEN1' });
    const body = help.json() as { response_type: string; text: string };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('`/checkin pause [until YYYY-MM-DD]`');
    expect(body.text).toContain('`/checkin resume`');
    const unknown = (
      await h.slack.sendCommand({ command: '/checkin', text: 'snooze <!channel>', userId: 'UNOMISFR1' })
    ).json() as { text: string };
    expect(unknown.text.split('\n')[0]).toBe('Je ne connais pas `snooze`.');
    expect(unknown.text).toContain('`/checkin resume` — reprendre vos points');
    const bad = (
      await h.slack.sendCommand({ command: '/checkin', text: 'pause until 2026-02-30', userId: 'UNOMISEN1' })
    ).json() as { text: string };
    expect(bad.text).toContain("I can't read `2026-02-30` as a date");
  });

  it("shows a workspace's own labels and custom questions, and stores custom answers in extra", async () => {
    try {
      await relabelQuestion(h.db, 'progress', { fr: 'Qu’avez-vous livré ?', en: 'What did you ship?' });
      await addCustomQuestion(h.db, {
        key: 'mood',
        label: { fr: 'Votre humeur', en: 'Your mood' },
        optional: false,
      });
      await seedDefaultQuestions(h.db); // a restart: the edits stay
      expect((await loadQuestions(h.db)).map((q) => q.key)).toEqual([
        'score',
        'progress',
        'blockers',
        'needsHelp',
        'note',
        'mood',
      ]);

      const m = await mission();
      const c = await sentCheckin(h, m);
      const view = await modalOpenedWith(h, (await clickOpen(h, c, FREELANCER)).triggerId);
      expect(view.blocks.find((b) => b.block_id === 'progress')?.label?.text).toBe('Qu’avez-vous livré ?');
      expect(view.blocks.find((b) => b.block_id === 'extra_mood')?.label?.text).toBe('Votre humeur');

      const missing = await submitCheckin(h, c, FREELANCER, { ...answer(), extra: { mood: '' } });
      expect(missing.json()).toEqual({
        response_action: 'errors',
        errors: { extra_mood: 'Merci de répondre à cette question.' },
      });
      await submitCheckin(h, c, FREELANCER, { ...answer(), extra: { mood: 'Motivée' } });
      const stored = await eventually(async () => {
        const x = await reloadCheckin(h, c._id);
        if (x.status !== 'answered') throw new Error('not stored yet');
        return x;
      });
      expect(stored.answer?.extra).toEqual({ mood: 'Motivée' });
      const summary = await eventually(() => {
        const d = dmsAbout(h, MANAGER, m.title)[0];
        if (!d) throw new Error('no summary yet');
        return said(d);
      });
      expect(summary).toContain('What did you ship?');
      expect(summary).toContain('Your mood');
      expect(summary).toContain('Motivée');
    } finally {
      await questionSetModel(h.db).deleteMany({});
    }
  });

  it('in the end, the manager of the HR-only answer received the notice and nothing else', async () => {
    // Follow-ups go out in parallel: checked again once every other test has run, to catch a late one.
    const toManager = h.standin.messagesTo(MANAGER_HR);
    expect(toManager).toHaveLength(1);
    expect(said(toManager[0])).not.toMatch(/1\/5|secr|Blocage|lerte/);
    expect(h.standin.ackProblems).toEqual([]);
  });

  it('a summary Slack refuses is retried by the job runner, not lost, and goes once', async () => {
    const m = await mission({ freelancerId: FREELANCER_2 });
    const c = await sentCheckin(h, m);
    h.standin.failNext('chat.postMessage', 'internal_error', { times: 1 });
    await submitCheckin(h, c, FREELANCER_2, answer({ score: '4' }));
    const job = await eventually(async () => {
      const jobs = await jobModel(h.db).find({ name: FOLLOWUP_JOB }).lean().exec();
      const j = jobs.find((x) => x.key.includes(c._id.toString()));
      if (j?.status !== 'pending' || !j.lastError) throw new Error('follow-up not failed yet');
      return j;
    });
    expect(job.lastError).toContain('internal_error');
    expect(dmsAbout(h, MANAGER, m.title)).toEqual([]);

    const start = h.clock.now();
    try {
      // The runner's first retry comes 30 s later: the next scheduler pass sends it.
      await passAt(h, new Date(start.getTime() + 10_000).toISOString());
      expect(dmsAbout(h, MANAGER, m.title)).toEqual([]);
      await passAt(h, new Date(start.getTime() + 60_000).toISOString());
      await passAt(h, new Date(start.getTime() + 60_000).toISOString());
      const toManager = dmsAbout(h, MANAGER, m.title);
      expect(toManager).toHaveLength(1);
      expect(said(toManager[0])).toContain(`Check-in — ${m.title}`);
    } finally {
      h.clock.set(start);
    }
  });
});
