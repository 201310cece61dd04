import { describe, expect, it } from 'vitest';
import {
  answer,
  answerMission,
  answerPeople,
  clickOpen,
  modalOpenedWith,
  openModalId,
  reloadCheckin,
  sentCheckin,
  storedAnswer,
  submitCheckin,
} from '../support/checkin-answers.js';
import { eventually } from '../support/eventually.js';
import { ADMIN_ID } from '../support/harness.js';
import { harnessPerFile } from '../support/harness-hooks.js';
import { newPerson } from '../support/people.js';

describe('check-in modal: opening it, and who may answer what', () => {
  const harness = harnessPerFile('checkin_modal', { now: new Date('2026-03-09T10:00:00Z') });

  /** The ephemerals `userId` got whose text passes `match`; on timeout, says which came. */
  const ephemeral = (userId: string, match: (text: string) => boolean) =>
    eventually(() => {
      const all = harness().standin.ephemeralsTo(userId);
      const e = all.find((x) => match(x.text ?? ''));
      if (!e)
        throw new Error(`no such ephemeral for ${userId}; got ${JSON.stringify(all.map((x) => x.text))}`);
      return e;
    });

  it('opens the modal from the DM button, in French, with who reads the answer spelled out', async () => {
    const h = harness();
    const people = answerPeople(h);
    const c = await sentCheckin(h, await answerMission(h, people));
    const res = await clickOpen(h, c, people.freelancer);
    expect(res.status).toBe(200);
    const view = await modalOpenedWith(h, res.triggerId);
    expect(view.title.text).toBe('Point hebdomadaire');
    expect(view.private_metadata).toBe(c._id.toString());
    const ids = view.blocks.map((b) => b.block_id).filter(Boolean);
    expect(ids).toEqual(['score', 'progress', 'blockers', 'needs_help', 'note', 'visibility']);
    const visibility = view.blocks.find((b) => b.block_id === 'visibility');
    expect(visibility?.element?.initial_option?.value).toBe('manager');
    expect(visibility?.element?.options?.map((o) => o.text.text)).toEqual([
      `Mon manager (<@${people.manager}>) et les RH`,
      'RH uniquement, en agrégé',
    ]);
    const explained = JSON.stringify(view.blocks.at(-1));
    expect(explained).toContain(`seuls les admins RH (<@${ADMIN_ID}>) lisent vos réponses`);
    expect(explained).toContain(`<@${people.manager}> apprend seulement que vous avez répondu`);
    // Slack shows it: the stand-in holds it open for the freelancer (it checked the view's limits).
    expect(openModalId(h, people.freelancer, c)).toMatch(/^V/);
  });

  it('/checkin opens the latest check-in still open', async () => {
    const h = harness();
    const people = answerPeople(h);
    const m = await answerMission(h, people);
    await sentCheckin(h, m, {
      week: '2026-W10',
      dueAt: new Date('2026-03-02T09:00:00Z'),
      status: 'missed',
      closesAt: new Date('2026-03-04T09:00:00Z'),
    });
    const current = await sentCheckin(h, m);
    const res = await h.slack.sendCommand({ command: '/checkin', text: '', userId: people.freelancer });
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    const view = await modalOpenedWith(h, res.triggerId);
    expect(view.private_metadata).toBe(current._id.toString());
  });

  it('/checkin without a mission says there is none, in French and in English', async () => {
    const h = harness();
    const nina = newPerson(h, 'NOMISFR', { name: 'nina', locale: 'fr-FR', tz: 'Europe/Paris' });
    const nick = newPerson(h, 'NOMISEN', { name: 'nick', locale: 'en-US', tz: 'Europe/London' });
    const fr = await h.slack.sendCommand({ command: '/checkin', text: '', userId: nina });
    const en = await h.slack.sendCommand({ command: '/checkin', text: '', userId: nick });
    const texts = await eventually(() => {
      const f = h.standin.ephemeralsTo(nina)[0]?.text;
      const e = h.standin.ephemeralsTo(nick)[0]?.text;
      if (!f || !e) throw new Error(`answers so far: fr ${JSON.stringify(f)}, en ${JSON.stringify(e)}`);
      return { f, e };
    });
    expect(texts.f).toBe(
      "Vous n'avez pas de mission en cours en tant que freelance : il n'y a donc pas de point à remplir.",
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
    const h = harness();
    const people = answerPeople(h);
    const stranger = newPerson(h, 'STRANGE', { name: 'mallory', locale: 'en-US', tz: 'Europe/London' });
    const c = await sentCheckin(h, await answerMission(h, people));
    const click = await clickOpen(h, c, stranger);
    const refusal = await ephemeral(stranger, () => true);
    expect(refusal.text).toBe('Only the freelancer of this mission can answer this check-in.');
    expect(h.standin.callsTo('views.open').some((v) => v.args.trigger_id === click.triggerId)).toBe(false);

    const res = await submitCheckin(h, c, stranger, answer({ score: '1' }));
    expect(res.json()).toEqual({
      response_action: 'errors',
      errors: { score: 'Only the freelancer of this mission can answer this check-in.' },
    });
    const after = await reloadCheckin(h, c._id);
    expect(after.status).toBe('sent');
    expect(after.answer).toBeNull();
  });

  it('invalid input comes back inline, in French, and nothing is stored', async () => {
    const h = harness();
    const people = answerPeople(h);
    const c = await sentCheckin(h, await answerMission(h, people));
    // Through the modal Slack opened, so the errors are checked against its input blocks.
    await modalOpenedWith(h, (await clickOpen(h, c, people.freelancer)).triggerId);
    const viewId = openModalId(h, people.freelancer, c);
    const res = await submitCheckin(
      h,
      c,
      people.freelancer,
      answer({ score: undefined, progress: 'x'.repeat(1501), visibility: 'everyone' }),
      viewId,
    );
    expect(res.json()).toEqual({
      response_action: 'errors',
      errors: {
        score: 'Choisissez une note de 1 à 5.',
        progress: 'Cette réponse est trop longue.',
        visibility: 'Choisissez une des options.',
      },
    });
    expect(h.standin.ackProblems.filter((p) => p.viewId === viewId)).toEqual([]);
    expect(h.standin.view(viewId)?.closed).toBe(false);
    const forged = await submitCheckin(h, 'not-an-id', people.freelancer, answer());
    expect(forged.json()).toMatchObject({
      response_action: 'errors',
      errors: { score: expect.stringContaining('fermez-le') },
    });
    const after = await reloadCheckin(h, c._id);
    expect(after.status).toBe('sent');
    expect(after.answer).toBeNull();
  });

  it('after the edit window, editing is refused and the answer stays', async () => {
    const h = harness();
    const people = answerPeople(h);
    const c = await sentCheckin(h, await answerMission(h, people), {
      status: 'answered',
      answeredAt: new Date('2026-03-02T10:00:00Z'),
      editableUntil: new Date('2026-03-09T09:00:00Z'),
      answer: storedAnswer(),
    });
    await clickOpen(h, c, people.freelancer);
    const refusal = await ephemeral(people.freelancer, (t) => t.includes('ne peut plus être modifiée'));
    expect(refusal.text).toBe('Ce point est clos : votre réponse ne peut plus être modifiée.');
    const res = await submitCheckin(h, c, people.freelancer, answer({ score: '1' }));
    expect(res.json()).toEqual({
      response_action: 'errors',
      errors: { score: 'Ce point est clos : votre réponse ne peut plus être modifiée.' },
    });
    expect((await reloadCheckin(h, c._id)).answer?.score).toBe(4);
  });

  it('a missed check-in says it is closed', async () => {
    const h = harness();
    const people = answerPeople(h);
    const c = await sentCheckin(h, await answerMission(h, people), {
      status: 'missed',
      outcome: 'unanswered',
    });
    await clickOpen(h, c, people.freelancer);
    await ephemeral(people.freelancer, (t) => t === "Ce point est clos : il n'a pas eu de réponse à temps.");
  });
});
