import { describe, expect, it } from 'vitest';
import { submitAnswer } from '../../src/features/checkins/answers/service.js';
import {
  answer,
  answerMission,
  answerPeople,
  awaitDms,
  clickOpen,
  dmsAbout,
  followUpsSettled,
  modalOpenedWith,
  openModalId,
  reloadCheckin,
  said,
  sentCheckin,
  storedAnswer,
  submitCheckin,
  texts,
} from '../support/checkin-answers.js';
import { eventually } from '../support/eventually.js';
import { ADMIN_ID } from '../support/harness.js';
import { harnessPerFile } from '../support/harness-hooks.js';
import { newPerson } from '../support/people.js';

describe('check-in answers: what the manager and the admins are told', () => {
  const harness = harnessPerFile('checkin_followups', { now: new Date('2026-03-09T10:00:00Z') });

  it('a score of 2 with a blocker: stored, the DM says thanks, the manager gets one message: the summary carrying the alert', async () => {
    const h = harness();
    const people = answerPeople(h);
    const m = await answerMission(h, people);
    const c = await sentCheckin(h, m);
    const res = await submitCheckin(
      h,
      c,
      people.freelancer,
      answer({ score: '2', blockers: 'Accès à la recette toujours bloqué', note: 'Merci pour le point' }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    const stored = await eventually(async () => {
      const x = await reloadCheckin(h, c._id);
      expect(x.status, 'the check-in status').toBe('answered');
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

    await awaitDms(h, people.manager, m.title, 1);
    await followUpsSettled(h, c._id);
    const toManager = dmsAbout(h, people.manager, m.title);
    expect(toManager, texts(toManager)).toHaveLength(1);
    const [summary] = toManager;
    const alert = summary;
    expect(said(summary)).toContain('Check-in alert');
    expect(said(summary)).toContain(`<@${people.freelancer}> answered the check-in of 9 March 2026.`);
    expect(said(summary)).toContain('2/5 — Dissatisfied');
    expect(said(summary)).toContain('Accès à la recette toujours bloqué');
    expect(said(summary)).toContain('Merci pour le point');
    expect(said(alert)).toContain('low satisfaction (2/5), a blocker is reported');
    expect(said(alert)).not.toContain('Second week in a row');
    // Each answer once: the alert does not repeat the summary.
    expect(said(summary).split('Accès à la recette toujours bloqué')).toHaveLength(2);
    await followUpsSettled(h, c._id);
    expect(dmsAbout(h, ADMIN_ID, m.title)).toEqual([]);

    const dm = await eventually(() => {
      const x = h.standin.message(c.message?.channel ?? '', c.message?.ts ?? '');
      if (!x?.edits) throw new Error(`check-in DM not edited yet: ${JSON.stringify(x?.text)}`);
      return x;
    });
    expect(said(dm)).toContain('Répondu — merci !');
    expect(said(dm)).toContain('satisfaction 2/5');
    expect(said(dm)).toContain('Modifier ma réponse');
    expect(said(dm)).toContain('lun. 16 mars 2026');
  });

  it('a second week in a row with an alert tells the admins too', async () => {
    const h = harness();
    const people = answerPeople(h);
    const m = await answerMission(h, people);
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
    await submitCheckin(h, c, people.freelancer, answer({ score: '1', needsHelp: 'yes' }));
    await awaitDms(h, ADMIN_ID, m.title, 1);
    await followUpsSettled(h, c._id);
    const toAdmin = dmsAbout(h, ADMIN_ID, m.title);
    expect(toAdmin).toHaveLength(1);
    expect(said(toAdmin[0])).toContain('Second week in a row');
    expect(said(toAdmin[0])).toContain('help is requested');
    expect(said(toAdmin[0])).toContain(`Manager: <@${people.manager}>`);
    const toManager = dmsAbout(h, people.manager, m.title);
    expect(toManager, texts(toManager)).toHaveLength(1);
    expect(said(toManager[0])).toContain('Check-in alert');
    expect(said(toManager[0])).toContain('Second week in a row');
  });

  it('"HR only": the manager only learns that an answer exists; the alert goes to the admins', async () => {
    const h = harness();
    const people = answerPeople(h);
    const hrManager = newPerson(h, 'MGRHR', { name: 'hugo', locale: 'fr-FR', tz: 'Europe/Paris' });
    const m = await answerMission(h, people, { managerId: hrManager });
    const c = await sentCheckin(h, m);
    await submitCheckin(
      h,
      c,
      people.freelancer,
      answer({
        score: '1',
        progress: 'Progrès secret',
        blockers: 'Blocage secret',
        note: 'Note secrète',
        visibility: 'hr',
      }),
    );
    const toAdmin = await awaitDms(h, ADMIN_ID, m.title, 1);
    expect(said(toAdmin[0])).toContain('Blocage secret');
    expect(said(toAdmin[0])).toContain(`do not pass it on to the manager (<@${hrManager}>)`);
    const toManager = await eventually(() => {
      const dms = h.standin.messagesTo(hrManager);
      if (dms.length === 0) throw new Error(`no DM to the manager ${hrManager} yet`);
      return dms;
    });
    expect(toManager).toHaveLength(1);
    const notice = said(toManager[0]);
    expect(notice).toContain(`<@${people.freelancer}> a répondu au point du 9 mars 2026`);
    expect(notice).toContain('partagé avec les RH uniquement');
    for (const hint of ['1/5', 'secret', 'Blocage', 'Progrès', 'Note', 'lerte', 'satisf'])
      expect(notice).not.toContain(hint);
    expect((await reloadCheckin(h, c._id)).alert).toBe(true);
  });

  it('"HR only": once every follow-up has run, the manager received the notice and nothing else', async () => {
    // Follow-ups go out in parallel: a late one would land after the notice, so wait for all of them.
    const h = harness();
    const people = answerPeople(h);
    const hrManager = newPerson(h, 'MGRHR', { name: 'hugo', locale: 'fr-FR', tz: 'Europe/Paris' });
    const c = await sentCheckin(h, await answerMission(h, people, { managerId: hrManager }));
    // Through the modal Slack opened, so Slack's view of the ack is checked too.
    await modalOpenedWith(h, (await clickOpen(h, c, people.freelancer)).triggerId);
    const viewId = openModalId(h, people.freelancer, c);
    const hidden = { score: '1', progress: 'Progrès secret', blockers: 'Blocage secret', visibility: 'hr' };
    expect((await submitCheckin(h, c, people.freelancer, answer(hidden), viewId)).body).toBe('');
    await followUpsSettled(h, c._id);
    const toManager = h.standin.messagesTo(hrManager);
    expect(toManager, texts(toManager)).toHaveLength(1);
    expect(said(toManager[0])).not.toMatch(/1\/5|secr|Blocage|lerte/);
    expect(h.standin.ackProblems.filter((p) => p.viewId === viewId)).toEqual([]);
    expect(h.standin.view(viewId)?.closed).toBe(true);
  });

  it('a submission delivered twice stores one answer and sends one summary', async () => {
    const h = harness();
    const people = answerPeople(h);
    const m = await answerMission(h, people);
    const c = await sentCheckin(h, m);
    const v = answer({ progress: 'Livré le module panier' });
    await Promise.all([
      submitCheckin(h, c, people.freelancer, v, 'VRETRY01'),
      submitCheckin(h, c, people.freelancer, v, 'VRETRY01'),
    ]);
    await awaitDms(h, people.manager, m.title, 1);
    await eventually(async () => expect((await reloadCheckin(h, c._id)).status).toBe('answered'));
    await followUpsSettled(h, c._id);
    expect(dmsAbout(h, people.manager, m.title), 'summaries of the doubled submission').toHaveLength(1);

    // The same race through the service, awaited: exactly one of them stores.
    const c2 = await sentCheckin(h, await answerMission(h, people), { week: '2026-W12' });
    const input = {
      userId: people.freelancer,
      checkinId: c2._id.toString(),
      answer: storedAnswer({ score: 3 }),
    };
    const outcomes = await Promise.all([submitAnswer(h.deps, input), submitAnswer(h.deps, input)]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['stored', 'unchanged']);
    expect(dmsAbout(h, people.manager, c2.title)).toHaveLength(1);
    expect(dmsAbout(h, people.manager, m.title)).toHaveLength(1);
  });

  it('an edit within the window updates the answer and the manager; an alert is raised once', async () => {
    const h = harness();
    const people = answerPeople(h);
    const m = await answerMission(h, people);
    const c = await sentCheckin(h, m);
    const toManager = () => dmsAbout(h, people.manager, m.title);
    await submitCheckin(h, c, people.freelancer, answer({ score: '4' }));
    await awaitDms(h, people.manager, m.title, 1);
    await followUpsSettled(h, c._id);
    expect(toManager(), 'after the first answer').toHaveLength(1);
    expect(said(toManager()[0])).not.toContain('alert');

    // Reopening prefills the modal with the stored answer.
    const click = await clickOpen(h, await reloadCheckin(h, c._id), people.freelancer);
    const view = await modalOpenedWith(h, click.triggerId);
    expect(view.title.text).toBe('Modifier le point');
    expect(view.blocks.find((b) => b.block_id === 'score')?.element?.initial_option?.value).toBe('4');

    await submitCheckin(h, c, people.freelancer, answer({ score: '2' }));
    await awaitDms(h, people.manager, m.title, 2);
    await followUpsSettled(h, c._id);
    expect(toManager(), 'after the first edit').toHaveLength(2);
    const [, updated] = toManager();
    expect(said(updated)).toContain('updated their answer');
    expect(said(updated)).toContain('Check-in alert');
    expect(said(updated)).toContain('low satisfaction (2/5)');

    await submitCheckin(h, c, people.freelancer, answer({ score: '1', blockers: 'Plus de budget' }));
    await awaitDms(h, people.manager, m.title, 3);
    await followUpsSettled(h, c._id);
    expect(toManager(), 'after the second edit').toHaveLength(3);
    const stored = await reloadCheckin(h, c._id);
    expect(stored.answer?.score).toBe(1);
    expect(stored.answeredAt).toEqual(h.clock.now());
    expect(toManager().filter((d) => said(d).includes('Check-in alert'))).toHaveLength(1);
  });
});
