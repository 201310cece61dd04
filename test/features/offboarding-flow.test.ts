import { describe, expect, it } from 'vitest';
import type { MissionClosed } from '../../src/events.js';
import { missionModel } from '../../src/features/missions/model.js';
import { eventually } from '../support/eventually.js';
import { harnessPerTest } from '../support/harness-hooks.js';
import {
  missionStartWorld,
  newViewId,
  startedMission,
  submitMissionForm,
  textOf,
  values,
} from '../support/mission-form.js';
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
} from '../support/offboarding.js';
import { passAt } from '../support/passes.js';

describe('a mission from /mission-start to completed', () => {
  const harness = harnessPerTest('offboardflow', { now: new Date('2026-01-05T08:00:00Z') });

  it('proposes the offboarding 5 days before the end, gates closing on the handover, closes once and renews', async () => {
    const h = harness();
    const closed: MissionClosed[] = [];
    h.deps.events.on('mission.closed', (e) => {
      closed.push(e);
    });
    const w = missionStartWorld(h);
    // Ends Wednesday 29 April 2026: the proposal is due Friday 24 April, in the manager's hours (London).
    const viewId = newViewId('OFFB');
    await submitMissionForm(h, w, { end: '2026-04-29' }, viewId);
    const mission = await startedMission(h, viewId);
    const missionId = String(mission._id);

    await passAt(h, '2026-04-23T12:00:00Z');
    expect(
      h.standin.messagesTo(w.manager).filter((m) => buttonIn(m.blocks, 'offboarding.start')),
    ).toHaveLength(0);
    await passAt(h, '2026-04-24T09:00:00Z');
    const proposal = await dmWithButton(h, w.manager, 'offboarding.start', missionId);
    expect(textOf(proposal)).toContain('ends on Wednesday, 29 April 2026');
    await passAt(h, '2026-04-24T09:05:00Z');
    expect(
      h.standin.messagesTo(w.manager).filter((m) => buttonIn(m.blocks, 'offboarding.start')),
    ).toHaveLength(1);

    // The freelancer cannot start it from a copy of the proposal; the manager can.
    await clickInDm(h, proposal, w.freelancer, 'offboarding.start');
    await eventually(() =>
      expect(h.standin.ephemeralsTo(w.freelancer).at(-1)?.text).toContain('seul le manager'),
    );
    expect((await missionModel(h.db).findById(mission._id).lean())?.status).not.toBe('offboarding');
    await clickInDm(h, proposal, w.manager, 'offboarding.start');
    await eventually(() =>
      expect(h.standin.ephemeralsTo(w.manager).at(-1)?.text).toContain('Offboarding started'),
    );
    expect((await missionModel(h.db).findById(mission._id).lean())?.status).toBe('offboarding');
    await eventually(() => {
      const now = h.standin.message(proposal.channel, proposal.ts);
      expect(buttonIn(now?.blocks, 'offboarding.start')).toBeUndefined();
      expect(textOf(now)).toContain(`Offboarding started by <@${w.manager}>`);
    });

    // Both forms first: the mission still waits for its handover.
    const managerList = await dmWithButton(h, w.manager, 'offboarding.evaluation.open');
    expect(textOf(managerList)).toContain('Deliverables handed over (with links)');
    const evalClick = await clickInDm(h, managerList, w.manager, 'offboarding.evaluation.open');
    const evalModal = await modalOpenedWith(h, evalClick.triggerId);
    expect(JSON.stringify(evalModal.view)).toContain(
      'disclosed to the freelancer if they make a data-access request',
    );
    expect((await submit(h, evalModal, w.manager, evaluationValues())).body).toBe('');
    const freelancerList = await dmWithButton(h, w.freelancer, 'offboarding.feedback.open');
    expect(textOf(freelancerList)).toContain('Livrables remis (avec liens)');
    const fbClick = await clickInDm(h, freelancerList, w.freelancer, 'offboarding.feedback.open');
    expect(
      (await submit(h, await modalOpenedWith(h, fbClick.triggerId), w.freelancer, feedbackValues())).body,
    ).toBe('');
    await eventually(async () => {
      const { off } = await storedOffboarding(h, missionId);
      expect(off?.evaluation?.privateNote).toBe('Prefers async reviews; excellent with juniors.');
      expect(off?.evaluation?.skills).toEqual(['react', 'accessibility', 'mentoring']);
      expect(off?.feedback).toMatchObject({ overall: 5, recommend: 9, wouldWorkAgain: true });
    });
    expect((await missionModel(h.db).findById(mission._id).lean())?.status).toBe('offboarding');

    // The handover: deliverables with https links only, knowledge, access (manager), equipment waived.
    const { items } = await storedOffboarding(h, missionId);
    const [deliverables, knowledge, access, equipment] = items.map((i) => String(i._id));
    const linksClick = await clickInDm(
      h,
      freelancerList,
      w.freelancer,
      'offboarding.item.confirm',
      deliverables,
    );
    const linksModal = await modalOpenedWith(h, linksClick.triggerId);
    const refused = await submit(h, linksModal, w.freelancer, { links: text('http://drive.example.com/x') });
    expect(refused.json()).toMatchObject({
      response_action: 'errors',
      errors: { links: expect.stringContaining('https://') },
    });
    await submit(h, linksModal, w.freelancer, {
      links: text('https://drive.example.com/handover\nhttps://github.com/acme/checkout'),
    });
    await clickInDm(h, freelancerList, w.freelancer, 'offboarding.item.confirm', knowledge);
    await clickInDm(h, managerList, w.manager, 'offboarding.item.confirm', access);
    await eventually(async () =>
      expect((await storedOffboarding(h, missionId)).items.filter((i) => i.open)).toHaveLength(1),
    );
    expect((await missionModel(h.db).findById(mission._id).lean())?.status).toBe('offboarding');
    expect(closed).toHaveLength(0);
    const waiveClick = await clickInDm(h, managerList, w.manager, 'offboarding.item.waive', equipment);
    await submit(h, await modalOpenedWith(h, waiveClick.triggerId), w.manager, {
      reason: text('Worked on her own laptop'),
    });

    await eventually(async () =>
      expect((await missionModel(h.db).findById(mission._id).lean())?.status).toBe('completed'),
    );
    const done = await missionModel(h.db).findById(mission._id).lean();
    expect(done?.handover.map((i) => [i.state, i.by])).toEqual([
      ['confirmed', w.freelancer],
      ['confirmed', w.freelancer],
      ['confirmed', w.manager],
      ['waived', w.manager],
    ]);
    expect(done?.handover[0]?.links).toEqual([
      'https://drive.example.com/handover',
      'https://github.com/acme/checkout',
    ]);
    expect(done?.handover[3]?.reason).toBe('Worked on her own laptop');
    // The status change comes first (it is the gate), the event right after it.
    await eventually(() => expect(closed).toHaveLength(1));
    expect(closed[0]).toMatchObject({
      missionId,
      rating: 5,
      wouldRehire: true,
      renewed: true,
      freelancerId: w.freelancer,
    });

    // The freelancer: thanks, the shared recommendation, the Home line. The manager: the card.
    const thanks = await eventually(() => {
      const m = h.standin.messagesTo(w.freelancer).find((x) => textOf(x).includes('est maintenant clôturée'));
      if (!m) throw new Error('no thank-you yet');
      return m;
    });
    expect(textOf(thanks)).toContain('Alice shipped the new checkout on time');
    expect(textOf(thanks)).toContain('onglet *Accueil* de Passerelle');
    expect(textOf(thanks)).not.toContain('Prefers async reviews');
    const summary = await dmWithButton(h, w.manager, 'offboarding.private.view');
    expect(textOf(summary)).toContain('Handover card');
    expect(textOf(summary)).toContain('Worked on her own laptop');

    // Renewed: the button opens the prefilled follow-up, and submitting it links both missions.
    const renewal = await dmWithButton(h, w.manager, 'offboarding.followUp', missionId);
    const followClick = await clickInDm(h, renewal, w.manager, 'offboarding.followUp');
    const followModal = await modalOpenedWith(h, followClick.triggerId);
    const shown = JSON.stringify(followModal.view);
    expect(shown).toContain(`"initial_user":"${w.freelancer}"`);
    expect(shown).toContain('"initial_date":"2026-04-30"');
    expect(shown).toContain('react, typescript');
    const nextViewId = newViewId('RENEW');
    await h.slack.sendViewSubmission({
      userId: w.manager,
      applyAck: false,
      view: {
        id: nextViewId,
        callback_id: 'missions.start',
        private_metadata: String(followModal.view.private_metadata),
        state: { values: values(w, { start: '2026-04-30', end: '2026-08-31', need_expressed: undefined }) },
      },
    });
    const next = await startedMission(h, nextViewId);
    expect(next.previousMissionId).toBe(missionId);
    expect((await missionModel(h.db).findById(mission._id).lean())?.nextMissionId).toBe(String(next._id));

    // Exactly once: the deadline job and later passes do not close or announce again.
    await passAt(h, '2026-05-02T09:00:00Z');
    expect(closed).toHaveLength(1);
    expect(
      h.standin.messagesTo(w.freelancer).filter((x) => textOf(x).includes('est maintenant clôturée')),
    ).toHaveLength(1);
  });
});
