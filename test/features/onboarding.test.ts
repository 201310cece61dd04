import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mission } from '../../src/features/missions/model.js';
import { findMission } from '../../src/features/missions/repository.js';
import { TOGGLE_ITEM } from '../../src/features/onboarding/ids.js';
import { itemsOf, openItemsOf, progressOf, startOnboarding } from '../../src/features/onboarding/index.js';
import { itemModel } from '../../src/features/onboarding/model.js';
import { eventually } from '../support/eventually.js';
import { type Harness, startHarness } from '../support/harness.js';
import { createMission } from '../support/missions.js';
import type { StandinMessage } from '../support/slack-standin.js';

const FREELANCER = 'UFREEL001';
const MANAGER = 'UMGR00001';
const STRANGER = 'USTRANGE1';
const ADMIN = 'UADMIN01';

interface Block {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: { text?: string }[];
  accessory?: { action_id: string; value: string };
}

function blocksOf(m: StandinMessage | undefined): Block[] {
  return (m?.blocks ?? []) as Block[];
}

function textOf(m: StandinMessage | undefined): string {
  return blocksOf(m)
    .map((b) => b.text?.text ?? b.elements?.map((e) => e.text ?? '').join(' ') ?? '')
    .join('\n');
}

function create(
  h: Harness,
  title: string,
  people: { freelancerId: string; managerId: string },
  startDate: string,
): Promise<Mission> {
  return createMission(h.db, { title, ...people, startDate, endDate: '2026-09-30' });
}

async function reload(h: Harness, m: Mission): Promise<Mission> {
  const found = await findMission(h.db, m._id.toString());
  if (!found) throw new Error('mission vanished');
  return found;
}

async function storedItems(h: Harness, m: Mission) {
  return itemModel(h.db).find({ missionId: m._id }).sort({ index: 1 }).lean().exec();
}

/** Clicks the button of item `index` in a checklist message, as `userId`, from that message. */
async function click(h: Harness, ref: { channel: string; ts: string }, itemId: string, userId: string) {
  const block = blocksOf(h.standin.message(ref.channel, ref.ts)).find((b) => b.block_id?.endsWith(itemId));
  if (!block) throw new Error(`no row for item ${itemId}`);
  return h.slack.sendBlockAction({
    userId,
    actions: [{ action_id: TOGGLE_ITEM, block_id: block.block_id ?? '', value: itemId }],
    message: { ts: ref.ts, channel: ref.channel },
    channelId: ref.channel,
  });
}

function dmsWith(h: Harness, userId: string, needle: string): StandinMessage[] {
  return h.standin.messagesTo(userId).filter((m) => (m.text ?? '').includes(needle));
}

describe('onboarding checklist', () => {
  let h: Harness;
  let mission: Mission;

  beforeAll(async () => {
    h = await startHarness('onboarding', { now: new Date('2026-03-02T08:00:00Z') });
    h.standin.addUser({ id: FREELANCER, name: 'francoise', locale: 'fr-FR', tz: 'Europe/Paris' });
    h.standin.addUser({ id: MANAGER, name: 'emma', locale: 'en-US', tz: 'America/New_York' });
    h.standin.addUser({ id: STRANGER, name: 'mallory', locale: 'en-US', tz: 'Europe/London' });
    h.standin.addUser({ id: ADMIN, name: 'ada', locale: 'en-US', tz: 'Europe/London' });
    mission = await create(
      h,
      'Refonte du site',
      { freelancerId: FREELANCER, managerId: MANAGER },
      '2026-03-02',
    );
  });
  afterAll(async () => {
    await h.stop();
  });

  it('posts each side its checklist in its own language, once', async () => {
    await startOnboarding(h.deps, mission);
    mission = await reload(h, mission);
    const fRef = mission.freelancerChecklistMessage;
    const mRef = mission.managerChecklistMessage;
    if (!fRef || !mRef) throw new Error('refs not stored');
    const fText = textOf(h.standin.message(fRef.channel, fRef.ts));
    const mText = textOf(h.standin.message(mRef.channel, mRef.ts));
    expect(fText).toContain('Onboarding — Refonte du site');
    expect(fText).toContain('*Avancement :* 0/6');
    expect(fText).toContain('⬜ *Contexte du projet lu*');
    expect(fText).toContain('échéance le 4 mars 2026');
    expect(mText).toContain('*Progress:* 0/6');
    expect(mText).toContain('⬜ *Project context read*');
    expect(mText).toContain('due 4 March 2026');
    // The freelancer's copy only has buttons on the freelancer's items; the manager's on all.
    const fButtons = blocksOf(h.standin.message(fRef.channel, fRef.ts)).filter((b) => b.accessory);
    const mButtons = blocksOf(h.standin.message(mRef.channel, mRef.ts)).filter((b) => b.accessory);
    expect(fButtons).toHaveLength(3);
    expect(mButtons).toHaveLength(6);

    const posts = h.standin.callsTo('chat.postMessage').length;
    await startOnboarding(h.deps, mission);
    await startOnboarding(h.deps, await reload(h, mission));
    expect(h.standin.callsTo('chat.postMessage')).toHaveLength(posts);
    expect(await storedItems(h, mission)).toHaveLength(6);
    expect((await progressOf(h.deps, [mission._id.toString()])).get(mission._id.toString())).toEqual({
      done: 0,
      total: 6,
    });
  });

  it('stores a tick by the owner and updates both messages in place', async () => {
    const items = await storedItems(h, mission);
    const context = items[2];
    if (!context || !mission.freelancerChecklistMessage || !mission.managerChecklistMessage)
      throw new Error('setup');
    const fRef = mission.freelancerChecklistMessage;
    const mRef = mission.managerChecklistMessage;
    const updates = h.standin.callsTo('chat.update').length;
    const res = await click(h, fRef, context._id.toString(), FREELANCER);
    expect(res.status).toBe(200);
    await eventually(() => h.standin.callsTo('chat.update').length === updates + 2);
    const stored = await itemModel(h.db).findById(context._id).lean().exec();
    expect(stored?.doneAt).toBeInstanceOf(Date);
    expect(stored?.doneBy).toBe(FREELANCER);
    const updated = h.standin
      .callsTo('chat.update')
      .slice(-2)
      .map((c) => `${c.args.channel}/${c.args.ts}`);
    expect(updated.sort()).toEqual([`${fRef.channel}/${fRef.ts}`, `${mRef.channel}/${mRef.ts}`].sort());
    expect(textOf(h.standin.message(fRef.channel, fRef.ts))).toContain('✅ *Contexte du projet lu*');
    expect(textOf(h.standin.message(fRef.channel, fRef.ts))).toContain('1/6');
    expect(textOf(h.standin.message(mRef.channel, mRef.ts))).toContain('✅ *Project context read*');
    const views = await itemsOf(h.deps, mission._id.toString(), 'en');
    expect(views.filter((v) => v.done).map((v) => v.label)).toEqual(['Project context read']);
    const open = await openItemsOf(h.deps, FREELANCER, 'fr');
    expect(open.map((v) => v.label)).toEqual([
      'Rencontre avec le binôme',
      'Plan du premier livrable partagé',
    ]);
  });

  it('refuses a stranger with an ephemeral message and changes nothing', async () => {
    const items = await storedItems(h, mission);
    const buddy = items[3];
    const fRef = mission.freelancerChecklistMessage;
    if (!buddy || !fRef) throw new Error('setup');
    const updates = h.standin.callsTo('chat.update').length;
    await click(h, fRef, buddy._id.toString(), STRANGER);
    const refusal = await eventually(() => {
      const e = h.standin.ephemeralsTo(STRANGER)[0];
      if (!e) throw new Error('no refusal yet');
      return e;
    });
    expect(refusal.text).toBe('Only the owner of this item, the mission’s manager or an admin can tick it.');
    expect(refusal.via).toBe('response_url');
    expect((await itemModel(h.db).findById(buddy._id).lean().exec())?.doneAt).toBeNull();
    expect(h.standin.callsTo('chat.update')).toHaveLength(updates);
    expect(h.standin.message(fRef.channel, fRef.ts)?.edits).toBe(1);
  });

  it('completes the onboarding on the last tick, once, and moves the mission to active', async () => {
    const fRef = mission.freelancerChecklistMessage;
    const mRef = mission.managerChecklistMessage;
    if (!fRef || !mRef) throw new Error('setup');
    h.clock.set(new Date('2026-03-06T10:00:00Z'));
    const items = await storedItems(h, mission);
    const clicks: [number, { channel: string; ts: string }, string][] = [
      [0, mRef, MANAGER],
      [1, mRef, ADMIN],
      [3, fRef, FREELANCER],
      [4, mRef, MANAGER],
    ];
    for (const [index, ref, user] of clicks) {
      const id = items[index]?._id;
      if (!id) throw new Error('setup');
      await click(h, ref, id.toString(), user);
      await eventually(async () => (await itemModel(h.db).findById(id).lean().exec())?.doneAt != null);
    }
    expect((await reload(h, mission)).status).toBe('onboarding');

    // The manager confirms the freelancer's last item from their own copy.
    const last = items[5];
    if (!last) throw new Error('setup');
    const lastBlock = blocksOf(h.standin.message(mRef.channel, mRef.ts)).find((b) =>
      b.block_id?.endsWith(last._id.toString()),
    );
    await click(h, mRef, last._id.toString(), MANAGER);
    const done = await eventually(async () => {
      const m = await reload(h, mission);
      if (m.status !== 'active') throw new Error(`still ${m.status}`);
      return m;
    });
    expect(done.onboardingDurationDays).toBe(4);
    expect(done.onboardingCompletedAt).toEqual(new Date('2026-03-06T10:00:00Z'));
    expect(done.history.at(-1)).toMatchObject({
      action: 'onboarding.completed',
      from: 'onboarding',
      to: 'active',
    });
    await eventually(() => dmsWith(h, FREELANCER, 'est terminé, en 4 jours').length === 1);
    await eventually(() => dmsWith(h, MANAGER, 'is complete, in 4 days').length === 1);
    await eventually(() => textOf(h.standin.message(fRef.channel, fRef.ts)).includes('6/6'));
    expect(textOf(h.standin.message(mRef.channel, mRef.ts))).toContain('Onboarding completed on');

    // Slack replays the last click (the payload still shows the item open): nothing flips, no new notice.
    const updates = h.standin.callsTo('chat.update').length;
    await h.slack.sendBlockAction({
      userId: MANAGER,
      actions: [{ action_id: TOGGLE_ITEM, block_id: lastBlock?.block_id ?? '', value: last._id.toString() }],
      message: { ts: mRef.ts, channel: mRef.channel },
      channelId: mRef.channel,
    });
    await eventually(() => h.standin.callsTo('chat.update').length === updates + 2);
    expect((await itemModel(h.db).findById(last._id).lean().exec())?.doneAt).toBeInstanceOf(Date);
    expect(dmsWith(h, FREELANCER, 'est terminé')).toHaveLength(1);
    expect(dmsWith(h, MANAGER, 'is complete')).toHaveLength(1);
    expect((await reload(h, mission)).status).toBe('active');
  });
});

describe('onboarding reminders', () => {
  const F2 = 'UFREEL002';
  const M2 = 'UMGR00002';
  let h: Harness;
  let mission: Mission;

  beforeAll(async () => {
    h = await startHarness('onboarding_reminders', { now: new Date('2026-03-09T08:00:00Z') });
    h.standin.addUser({ id: F2, name: 'felix', locale: 'fr-FR', tz: 'Europe/Paris' });
    h.standin.addUser({ id: M2, name: 'mia', locale: 'en-US', tz: 'America/New_York' });
    mission = await create(h, 'Mission B', { freelancerId: F2, managerId: M2 }, '2026-03-09');
    await startOnboarding(h.deps, mission);
    mission = await reload(h, mission);
  });
  afterAll(async () => {
    await h.stop();
  });

  it('reminds the owner of each overdue open item once, and never for a done item', async () => {
    const items = await storedItems(h, mission);
    const access = items[0];
    const mRef = mission.managerChecklistMessage;
    if (!access || !mRef) throw new Error('setup');
    await click(h, mRef, access._id.toString(), M2);
    await eventually(async () => (await itemModel(h.db).findById(access._id).lean().exec())?.doneAt != null);

    // Nothing is overdue on the start day.
    expect(await h.deps.scheduler.runOnce()).toEqual([]);

    // Thursday noon in Paris: day-0 items (Monday) and the day-2 item (Wednesday) are overdue. It is
    // 07:00 in New York, before the manager's sending hours: their reminder waits until 08:00 there.
    h.clock.set(new Date('2026-03-12T11:00:00Z'));
    const outcomes = await h.deps.scheduler.runOnce();
    expect(outcomes.map((o) => o.result).sort()).toEqual(['deferred', 'done', 'done']);
    expect(dmsWith(h, F2, '⏰')).toHaveLength(1);
    expect(dmsWith(h, M2, '⏰')).toHaveLength(0);
    h.clock.set(new Date('2026-03-12T11:59:00Z'));
    expect(await h.deps.scheduler.runOnce()).toEqual([]);
    h.clock.set(new Date('2026-03-12T12:00:00Z'));
    expect((await h.deps.scheduler.runOnce()).map((o) => o.result)).toEqual(['done']);
    const toFreelancer = dmsWith(h, F2, '⏰');
    const toManager = dmsWith(h, M2, '⏰');
    expect(toFreelancer).toHaveLength(1);
    expect(toFreelancer[0]?.text).toBe(
      '⏰ Rappel pour *Mission B* : « Contexte du projet lu » était à faire pour le 11 mars 2026 et reste ouvert.',
    );
    expect(toManager).toHaveLength(1);
    expect(toManager[0]?.text).toContain('“Contract / NDA signed” was due 9 March 2026');

    expect(await h.deps.scheduler.runOnce()).toEqual([]);
    expect(dmsWith(h, F2, '⏰')).toHaveLength(1);
    expect(dmsWith(h, M2, '⏰')).toHaveLength(1);
    const stored = await storedItems(h, mission);
    expect(stored.map((i) => i.reminderSentAt !== null)).toEqual([false, true, true, false, false, false]);
  });

  it("ticks the item from the reminder's button", async () => {
    const reminder = dmsWith(h, F2, '⏰')[0];
    if (!reminder) throw new Error('setup');
    const block = blocksOf(reminder)[0];
    const itemId = block?.accessory?.value ?? '';
    await h.slack.sendBlockAction({
      userId: F2,
      actions: [{ action_id: TOGGLE_ITEM, block_id: block?.block_id ?? '', value: itemId }],
      message: { ts: reminder.ts, channel: reminder.channel },
      channelId: reminder.channel,
    });
    await eventually(async () => (await itemModel(h.db).findById(itemId).lean().exec())?.doneAt != null);
    const fRef = mission.freelancerChecklistMessage;
    if (!fRef) throw new Error('setup');
    await eventually(() =>
      textOf(h.standin.message(fRef.channel, fRef.ts)).includes('✅ *Contexte du projet lu*'),
    );
  });
});
