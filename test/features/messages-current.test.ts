import { describe, expect, it } from 'vitest';
import { missionModel } from '../../src/features/missions/model.js';
import { eventually } from '../support/eventually.js';
import type { Harness } from '../support/harness.js';
import { harnessPerTest } from '../support/harness-hooks.js';
import {
  missionStartWorld,
  newViewId,
  startedMission,
  submitMissionForm,
  textOf,
} from '../support/mission-form.js';
import {
  buttonIn,
  clickInDm,
  dmWithButton,
  evaluationValues,
  feedbackValues,
  modalOpenedWith,
  radio,
  storedOffboarding,
  submit,
  text,
} from '../support/offboarding.js';
import { ephemeralAnswer } from '../support/passes.js';
import type { StandinMessage } from '../support/slack-standin.js';

/** The message as Slack shows it now (after every chat.update). */
function now(h: Harness, m: StandinMessage): StandinMessage {
  const latest = h.standin.message(m.channel, m.ts);
  if (!latest) throw new Error(`message ${m.channel}/${m.ts} is gone`);
  return latest;
}

const FINISHED_ACTIONS = [
  'offboarding.item.confirm',
  'offboarding.item.waive',
  'offboarding.feedback.open',
  'offboarding.evaluation.open',
];

describe('offboarding messages stay current for everyone who got them', () => {
  const harness = harnessPerTest('msgcurrent', { now: new Date('2026-01-05T08:00:00Z') });

  it('confirm → both counts move; feedback → no feedback button; close → no action left and both say closed', async () => {
    const h = harness();
    const w = missionStartWorld(h);
    const viewId = newViewId('CURR');
    await submitMissionForm(h, w, { end: '2026-04-29' }, viewId);
    const mission = await startedMission(h, viewId);
    const missionId = String(mission._id);
    expect(await ephemeralAnswer(h, '/mission-end', missionId, w.manager)).toContain('Offboarding started');

    const managerList = await dmWithButton(h, w.manager, 'offboarding.evaluation.open');
    const freelancerList = await dmWithButton(h, w.freelancer, 'offboarding.feedback.open');
    expect(textOf(freelancerList)).toContain('0/4');
    const { items } = await storedOffboarding(h, missionId);
    const [deliverables, knowledge, access, equipment] = items.map((i) => String(i._id));

    // The freelancer confirms an item from their DM: the manager's copy moves too.
    await clickInDm(h, freelancerList, w.freelancer, 'offboarding.item.confirm', knowledge);
    await eventually(() => {
      expect(textOf(now(h, freelancerList))).toContain('1/4 réglés');
      expect(textOf(now(h, managerList)), "the manager's handover message").toContain('1/4 settled');
    });
    // The manager confirms theirs: the freelancer's copy moves.
    await clickInDm(h, managerList, w.manager, 'offboarding.item.confirm', access);
    await eventually(() =>
      expect(textOf(now(h, freelancerList)), "the freelancer's handover message").toContain('2/4 réglés'),
    );

    // The feedback: the freelancer's message has no live feedback button any more and says so.
    const fbClick = await clickInDm(h, freelancerList, w.freelancer, 'offboarding.feedback.open');
    await submit(h, await modalOpenedWith(h, fbClick.triggerId), w.freelancer, feedbackValues());
    await eventually(() => {
      const fl = now(h, freelancerList);
      expect(
        buttonIn(fl.blocks, 'offboarding.feedback.open'),
        'feedback button after the feedback',
      ).toBeUndefined();
      expect(textOf(fl)).toContain('Retour donné le');
    });

    // The rest: links, the waiver, the evaluation → the mission closes.
    const linksClick = await clickInDm(
      h,
      freelancerList,
      w.freelancer,
      'offboarding.item.confirm',
      deliverables,
    );
    await submit(h, await modalOpenedWith(h, linksClick.triggerId), w.freelancer, {
      links: text('https://drive.example.com/handover'),
    });
    const waiveClick = await clickInDm(h, managerList, w.manager, 'offboarding.item.waive', equipment);
    await submit(h, await modalOpenedWith(h, waiveClick.triggerId), w.manager, {
      reason: text('Own laptop'),
    });
    const evalClick = await clickInDm(h, managerList, w.manager, 'offboarding.evaluation.open');
    await submit(
      h,
      await modalOpenedWith(h, evalClick.triggerId),
      w.manager,
      evaluationValues({ renewed: radio('no') }),
    );
    await eventually(async () =>
      expect((await missionModel(h.db).findById(mission._id).lean())?.status).toBe('completed'),
    );

    await eventually(() => {
      for (const [who, m, closedLine] of [
        ['freelancer', freelancerList, 'Mission clôturée le'],
        ['manager', managerList, 'Mission closed on'],
      ] as const) {
        const shown = now(h, m);
        for (const action of FINISHED_ACTIONS)
          expect(
            buttonIn(shown.blocks, action),
            `${action} in the ${who}'s handover message`,
          ).toBeUndefined();
        expect(textOf(shown), `the ${who}'s handover message`).toContain(closedLine);
        expect(textOf(shown)).toMatch(/4\/4/);
      }
    });
  });
});
