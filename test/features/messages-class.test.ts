import { describe, expect, it } from 'vitest';
import { checkinModel } from '../../src/features/checkins/model.js';
import { missionModel } from '../../src/features/missions/model.js';
import { itemModel as onboardingItemModel } from '../../src/features/onboarding/model.js';
import { eventually } from '../support/eventually.js';
import type { Harness } from '../support/harness.js';
import { harnessPerTest } from '../support/harness-hooks.js';
import {
  missionStartWorld,
  newViewId,
  startedMission,
  submitMissionForm,
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
import { ephemeralAnswer, passAt } from '../support/passes.js';
import type { StandinMessage } from '../support/slack-standin.js';

interface Element {
  action_id?: string;
  value?: string;
  options?: { value?: string }[];
}
interface Block {
  elements?: Element[];
  accessory?: Element;
}

/** Every action a message offers: its action_id and the values it would send. */
function actionsOf(m: StandinMessage): { actionId: string; values: string[] }[] {
  const out: { actionId: string; values: string[] }[] = [];
  for (const b of (m.blocks ?? []) as Block[]) {
    for (const e of [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]) {
      if (!e.action_id) continue;
      out.push({
        actionId: e.action_id,
        values: [e.value ?? '', ...(e.options ?? []).map((o) => o.value ?? '')],
      });
    }
  }
  return out;
}

/**
 * The interactive message kinds the app sends about a mission, each recognised by the action it
 * offered when it was posted (the stand-in keeps the latest version of each message, so the first
 * action is read from the calls log). Walking a mission to its end must leave none of them live.
 */
const KINDS: { kind: string; to: 'freelancer' | 'manager'; action: string }[] = [
  { kind: 'onboarding checklist (freelancer)', to: 'freelancer', action: 'onboarding.toggle' },
  { kind: 'onboarding checklist (manager)', to: 'manager', action: 'onboarding.toggle' },
  { kind: 'offboarding proposal', to: 'manager', action: 'offboarding.start' },
  { kind: 'handover checklist (freelancer)', to: 'freelancer', action: 'offboarding.feedback.open' },
  { kind: 'handover checklist (manager)', to: 'manager', action: 'offboarding.evaluation.open' },
  { kind: 'handover waivers (manager)', to: 'manager', action: 'offboarding.item.waive' },
  { kind: 'renewal button', to: 'manager', action: 'offboarding.followUp' },
  { kind: 'weekly check-in', to: 'freelancer', action: 'checkin_open' },
];

/**
 * What each message offered at some point of the walk (the stand-in keeps only its latest version):
 * `observe` after every step records the actions every message to these people shows then.
 */
function observer(h: Harness, userIds: string[]) {
  const offered = new Map<string, Set<string>>();
  const observe = () => {
    for (const id of userIds)
      for (const m of h.standin.messagesTo(id)) {
        const key = `${m.channel}/${m.ts}`;
        const set = offered.get(key) ?? new Set<string>();
        for (const a of actionsOf(m)) set.add(a.actionId);
        offered.set(key, set);
      }
  };
  /** Messages to `userId` that once offered `action`. */
  const postedWith = (userId: string, action: string) =>
    h.standin.messagesTo(userId).filter((m) => offered.get(`${m.channel}/${m.ts}`)?.has(action));
  return { observe, postedWith };
}

describe('no message keeps an action on a finished thing', () => {
  const harness = harnessPerTest('msgclass', { now: new Date('2026-01-05T08:00:00Z') });

  it('walks a mission from start to closed and renewed: every kind of message it got is current', async () => {
    const h = harness();
    const w = missionStartWorld(h);
    const people = { freelancer: w.freelancer, manager: w.manager };
    const viewId = newViewId('CLASS');
    await submitMissionForm(h, w, { start: '2026-01-12', end: '2026-02-20' }, viewId);
    const mission = await startedMission(h, viewId);
    const missionId = String(mission._id);
    const { observe, postedWith } = observer(h, [w.freelancer, w.manager]);
    observe();

    // A weekly check-in (Monday 19 January, 10:00 Paris) and the reminders of overdue items.
    await passAt(h, '2026-01-19T09:00:00Z');
    await passAt(h, '2026-01-20T10:00:00Z');
    observe();

    // Onboarding: the manager ticks every item from their checklist → active.
    const ref = mission.managerChecklistMessage;
    const checklist = ref ? h.standin.message(ref.channel, ref.ts) : undefined;
    if (!checklist) throw new Error("no manager's checklist");
    const onboardingItems = await onboardingItemModel(h.db).find({ missionId: mission._id }).lean();
    for (const item of onboardingItems) {
      await clickInDm(h, checklist, w.manager, 'onboarding.toggle', String(item._id));
      observe();
    }
    await eventually(async () =>
      expect((await missionModel(h.db).findById(mission._id).lean())?.status).toBe('active'),
    );

    // The proposal (Monday 16 February, the manager's morning), then a start from /mission-end.
    await passAt(h, '2026-02-16T09:00:00Z');
    await dmWithButton(h, w.manager, 'offboarding.start', missionId);
    observe();
    expect(await ephemeralAnswer(h, '/mission-end', missionId, w.manager)).toContain('Offboarding started');
    const managerList = await dmWithButton(h, w.manager, 'offboarding.evaluation.open');
    const freelancerList = await dmWithButton(h, w.freelancer, 'offboarding.feedback.open');
    const { items } = await storedOffboarding(h, missionId);
    const [deliverables, knowledge, access, equipment] = items.map((i) => String(i._id));
    observe();

    // Everything settled: links, knowledge, access, a waiver, the feedback, the evaluation (renewed).
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
    await clickInDm(h, freelancerList, w.freelancer, 'offboarding.item.confirm', knowledge);
    await clickInDm(h, managerList, w.manager, 'offboarding.item.confirm', access);
    const waiveClick = await clickInDm(h, managerList, w.manager, 'offboarding.item.waive', equipment);
    await submit(h, await modalOpenedWith(h, waiveClick.triggerId), w.manager, {
      reason: text('Own laptop'),
    });
    const fbClick = await clickInDm(h, freelancerList, w.freelancer, 'offboarding.feedback.open');
    await submit(h, await modalOpenedWith(h, fbClick.triggerId), w.freelancer, feedbackValues());
    const evalClick = await clickInDm(h, managerList, w.manager, 'offboarding.evaluation.open');
    await submit(h, await modalOpenedWith(h, evalClick.triggerId), w.manager, evaluationValues());
    await eventually(async () =>
      expect((await missionModel(h.db).findById(mission._id).lean())?.status).toBe('completed'),
    );

    // The follow-up mission is created from the renewal button.
    const renewal = await dmWithButton(h, w.manager, 'offboarding.followUp', missionId);
    observe();
    const followClick = await clickInDm(h, renewal, w.manager, 'offboarding.followUp');
    const followModal = await modalOpenedWith(h, followClick.triggerId);
    const nextViewId = newViewId('CLASSNEXT');
    await h.slack.sendViewSubmission({
      userId: w.manager,
      applyAck: false,
      view: {
        id: nextViewId,
        callback_id: 'missions.start',
        private_metadata: String(followModal.view.private_metadata),
        state: { values: values(w, { start: '2026-02-23', end: '2026-05-29', need_expressed: undefined }) },
      },
    });
    await startedMission(h, nextViewId);

    // The last week's check-in stays answerable until its week closes; then it is finished too.
    await passAt(h, '2026-02-25T10:00:00Z');

    // What is finished now: the mission, its onboarding and handover items, its check-ins.
    const checkins = await checkinModel(h.db).find({ missionId: mission._id }).lean();
    const finished = new Set([
      missionId,
      ...onboardingItems.map((i) => String(i._id)),
      ...items.map((i) => String(i._id)),
      ...checkins.map((c) => String(c._id)),
    ]);
    // Still meaningful after the end: reading the evaluation (managers and admins).
    const stillValid = new Set(['offboarding.private.view']);

    await eventually(() => {
      const stale: string[] = [];
      for (const { kind, to, action } of KINDS) {
        const messages = postedWith(people[to], action);
        if (messages.length === 0) stale.push(`${kind}: never sent (the walk must cover it)`);
        for (const m of messages)
          for (const a of actionsOf(m))
            if (
              !stillValid.has(a.actionId) &&
              a.values.some((v) => [...finished].some((id) => v.includes(id)))
            )
              stale.push(`${kind}: ${a.actionId} still offered`);
      }
      // And the class: whatever else either person got, no action on a finished thing.
      for (const [who, id] of Object.entries(people))
        for (const m of h.standin.messagesTo(id))
          for (const a of actionsOf(m))
            if (!stillValid.has(a.actionId) && a.values.some((v) => [...finished].some((f) => v.includes(f))))
              stale.push(
                `a message to the ${who} (${(m.text ?? '').slice(0, 60)}): ${a.actionId} still offered`,
              );
      expect([...new Set(stale)]).toEqual([]);
    });
    expect(
      buttonIn(h.standin.message(renewal.channel, renewal.ts)?.blocks, 'offboarding.followUp'),
    ).toBeUndefined();
  }, 120_000);
});
