import { describe, expect, it } from 'vitest';
import type { MissionClosed } from '../../src/events.js';
import type { Mission } from '../../src/features/missions/model.js';
import { missionModel } from '../../src/features/missions/model.js';
import { jobModel } from '../../src/scheduler/job-model.js';
import { eventually } from '../support/eventually.js';
import type { Harness } from '../support/harness.js';
import { harnessPerTest } from '../support/harness-hooks.js';
import { homeText, openHome } from '../support/home.js';
import { runDue } from '../support/jobs-cli.js';
import { textOf } from '../support/mission-form.js';
import { createMission } from '../support/missions.js';
import {
  buttonIn,
  checked,
  clickInDm,
  dmWithButton,
  evaluationValues,
  feedbackValues,
  forgedClick,
  modalOpenedWith,
  radio,
  storedOffboarding,
  submit,
  text,
} from '../support/offboarding.js';
import { ephemeralAnswer, passAt } from '../support/passes.js';
import { newEnglishPerson, newFrenchPerson } from '../support/people.js';

async function activeMission(h: Harness, endDate = '2026-03-31') {
  const manager = newEnglishPerson(h, 'MGR', { tz: 'Europe/London' });
  const freelancer = newFrenchPerson(h, 'FREE');
  const mission = await createMission(h.db, {
    managerId: manager,
    freelancerId: freelancer,
    title: 'Checkout',
    status: 'active',
    skills: ['react'],
    startDate: '2026-01-12',
    endDate,
  });
  return { manager, freelancer, mission, missionId: String(mission._id) };
}

async function status(h: Harness, m: Mission) {
  return (await missionModel(h.db).findById(m._id).lean())?.status;
}

/** The freelancer's reminder digests (what they still owe, once, 3 days in). */
const reminders = (h: Harness, freelancer: string) =>
  h.standin.messagesTo(freelancer).filter((m) => (m.text ?? '').startsWith('⏰'));

describe('offboarding over time', () => {
  // Monday 2 March 2026, 20:00 in Paris: outside the freelancer's sending hours.
  const harness = harnessPerTest('offboardtime', { now: new Date('2026-03-02T19:00:00Z') });

  it('reminds the freelancer once after 3 days in their hours, then closes without the feedback after 7', async () => {
    const h = harness();
    const closed: MissionClosed[] = [];
    h.deps.events.on('mission.closed', (e) => {
      closed.push(e);
    });
    const { manager, freelancer, mission, missionId } = await activeMission(h);
    expect(await ephemeralAnswer(h, '/mission-end', '', manager)).toContain('Offboarding started');

    // The Homes list what is left to do.
    const fHome = homeText(await openHome(h, freelancer));
    expect(fHome).toContain('Donnez votre retour sur *Checkout*');
    expect(fHome).toContain('confirmez « Livrables remis (avec liens) »');
    expect(homeText(await openHome(h, manager))).toContain('Give your evaluation for *Checkout*');

    // The manager settles the handover (waives all four) and evaluates, sharing nothing.
    const { items } = await storedOffboarding(h, missionId);
    for (const item of items) {
      const list = await dmWithButton(h, manager, 'offboarding.item.waive', String(item._id));
      const click = await clickInDm(h, list, manager, 'offboarding.item.waive', String(item._id));
      await submit(h, await modalOpenedWith(h, click.triggerId), manager, {
        reason: text('Not needed here'),
      });
    }
    const mList = await dmWithButton(h, manager, 'offboarding.evaluation.open');
    const ev = await clickInDm(h, mList, manager, 'offboarding.evaluation.open');
    await submit(
      h,
      await modalOpenedWith(h, ev.triggerId),
      manager,
      evaluationValues({ share: checked(), renewed: radio('no') }),
    );
    await eventually(async () =>
      expect((await storedOffboarding(h, missionId)).off?.evaluationGiven).toBe(true),
    );
    expect(await status(h, mission)).toBe('offboarding');

    // Thursday 20:30 in Paris: the reminder is due, but held to the morning.
    await passAt(h, '2026-03-05T19:30:00Z');
    expect(reminders(h, freelancer)).toHaveLength(0);
    await passAt(h, '2026-03-06T07:05:00Z');
    await eventually(() => expect(reminders(h, freelancer)).toHaveLength(1));
    await passAt(h, '2026-03-06T09:00:00Z');
    expect(reminders(h, freelancer)).toHaveLength(1);

    // Seven days after the start: closed with the feedback recorded as not given.
    await passAt(h, '2026-03-09T18:00:00Z');
    expect(await status(h, mission)).toBe('offboarding');
    await passAt(h, '2026-03-09T19:05:00Z');
    expect(await status(h, mission)).toBe('completed');
    expect((await storedOffboarding(h, missionId)).off?.feedbackState).toBe('notGiven');
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({ renewed: false, rating: 5 });
    const thanks = await eventually(() => {
      const m = h.standin.messagesTo(freelancer).find((x) => textOf(x).includes('est maintenant clôturée'));
      if (!m) throw new Error('no thank-you yet');
      return m;
    });
    expect(textOf(thanks)).not.toContain('recommandation');
    const summary = await dmWithButton(h, manager, 'offboarding.private.view');
    expect(textOf(summary)).toContain('not given within 7 days');
    // No renewal was asked: no follow-up button.
    expect(h.standin.messagesTo(manager).some((m) => buttonIn(m.blocks, 'offboarding.followUp'))).toBe(false);

    // Too late for the feedback now: the digest no longer offers it, and a click from a stale copy is told so.
    await eventually(() =>
      expect(buttonIn(reminders(h, freelancer)[0]?.blocks, 'offboarding.feedback.open')).toBeUndefined(),
    );
    const late = await forgedClick(h, freelancer, 'offboarding.feedback.open', missionId);
    await eventually(() =>
      expect(h.standin.ephemeralsTo(freelancer).at(-1)?.text).toContain('délai est passé'),
    );
    expect(h.standin.callsTo('views.open').some((c) => c.args.trigger_id === late.triggerId)).toBe(false);
  });

  it('closes once when the last two items are confirmed at the same moment', async () => {
    const h = harness();
    const closed: MissionClosed[] = [];
    h.deps.events.on('mission.closed', (e) => {
      closed.push(e);
    });
    const { manager, freelancer, mission, missionId } = await activeMission(h);
    await ephemeralAnswer(h, '/mission-end', '', manager);
    const mList = await dmWithButton(h, manager, 'offboarding.evaluation.open');
    const ev = await clickInDm(h, mList, manager, 'offboarding.evaluation.open');
    await submit(
      h,
      await modalOpenedWith(h, ev.triggerId),
      manager,
      evaluationValues({ renewed: radio('no') }),
    );
    const fList = await dmWithButton(h, freelancer, 'offboarding.feedback.open');
    const fb = await clickInDm(h, fList, freelancer, 'offboarding.feedback.open');
    await submit(h, await modalOpenedWith(h, fb.triggerId), freelancer, feedbackValues());
    const [deliverables, knowledge, access, equipment] = (await storedOffboarding(h, missionId)).items.map(
      (i) => String(i._id),
    );
    for (const id of [deliverables, equipment]) {
      const click = await clickInDm(h, mList, manager, 'offboarding.item.waive', id);
      await submit(h, await modalOpenedWith(h, click.triggerId), manager, {
        reason: text('Not needed here'),
      });
    }
    await eventually(async () =>
      expect((await storedOffboarding(h, missionId)).items.filter((i) => i.open)).toHaveLength(2),
    );
    await Promise.all([
      clickInDm(h, fList, freelancer, 'offboarding.item.confirm', knowledge),
      clickInDm(h, mList, manager, 'offboarding.item.confirm', access),
    ]);
    await eventually(async () => expect(await status(h, mission)).toBe('completed'));
    await eventually(() =>
      expect(
        h.standin.messagesTo(freelancer).filter((x) => textOf(x).includes('est maintenant clôturée')),
      ).toHaveLength(1),
    );
    expect(closed).toHaveLength(1);
    expect(closed[0]?.handover.map((i) => i.state)).toEqual(['waived', 'confirmed', 'confirmed', 'waived']);
  });

  it('changes the end date from the proposal through the lifecycle, and the proposal follows the new date (jobs CLI)', async () => {
    const h = harness();
    // Ends Tuesday 31 March: the proposal is due Thursday 26 March.
    const { manager, freelancer, mission, missionId } = await activeMission(h, '2026-03-31');
    const cli = await runDue(h, '2026-03-26T10:00:00Z');
    expect(cli.code).toBe(0);
    const proposal = await dmWithButton(h, manager, 'offboarding.changeEnd', missionId);
    expect(textOf(proposal)).toContain('ends on Tuesday, 31 March 2026');

    // Only the manager (or an admin) may move it.
    await clickInDm(h, proposal, freelancer, 'offboarding.changeEnd');
    await eventually(() =>
      expect(h.standin.ephemeralsTo(freelancer).at(-1)?.text).toContain('seul le manager'),
    );
    h.clock.set(new Date('2026-03-26T10:05:00Z'));
    const click = await clickInDm(h, proposal, manager, 'offboarding.changeEnd');
    const modal = await modalOpenedWith(h, click.triggerId);
    const tooEarly = await submit(h, modal, manager, {
      end_date: { type: 'datepicker', selected_date: '2026-01-10' },
    });
    expect(tooEarly.json()).toMatchObject({ response_action: 'errors' });
    await submit(h, modal, manager, { end_date: { type: 'datepicker', selected_date: '2026-04-17' } });
    await eventually(async () => {
      const m = await missionModel(h.db).findById(mission._id).lean();
      expect(m?.endDate).toBe('2026-04-17');
      expect(m?.history.at(-1)).toMatchObject({ action: 'datesChanged', by: manager });
    });
    // Both are told; a new proposal is planned for 12 April (start of day, Paris), the old one is gone by.
    await eventually(() =>
      expect(h.standin.messagesTo(freelancer).some((m) => textOf(m).includes('17 avril 2026'))).toBe(true),
    );
    const job = await jobModel(h.db)
      .findOne({ key: `offboarding.proposal:${missionId}:2026-04-17` })
      .lean();
    expect(job?.runAt.toISOString()).toBe('2026-04-11T22:00:00.000Z');
    const proposals = () =>
      h.standin.messagesTo(manager).filter((m) => buttonIn(m.blocks, 'offboarding.start'));
    // The old proposal says what changed and offers nothing stale.
    await eventually(() => expect(proposals()).toHaveLength(0));
    expect(textOf(h.standin.message(proposal.channel, proposal.ts))).toContain(
      'is now Friday, 17 April 2026',
    );
    // Sunday 12 April: held to Monday morning in London.
    await passAt(h, '2026-04-12T10:00:00Z');
    expect(proposals()).toHaveLength(0);
    await passAt(h, '2026-04-13T07:30:00Z');
    await eventually(() => expect(proposals()).toHaveLength(1));
    expect(textOf(proposals()[0])).toContain('Friday, 17 April 2026');
  });
});
