import { describe, expect, it } from 'vitest';
import { TOGGLE_ITEM } from '../../src/features/onboarding/ids.js';
import { itemsOf, openItemsOf, progressOf, startOnboarding } from '../../src/features/onboarding/index.js';
import { itemModel } from '../../src/features/onboarding/model.js';
import { eventually } from '../support/eventually.js';
import { ADMIN_ID, type Harness } from '../support/harness.js';
import { harnessPerFile } from '../support/harness-hooks.js';
import {
  blocksOf,
  click,
  dmsWith,
  reload,
  type StartedOnboarding,
  startedOnboarding,
  storedItems,
  textOf,
  ticked,
} from '../support/onboarding.js';
import { newPerson } from '../support/people.js';

/** The chat.update calls on this onboarding's two checklist messages, as `channel/ts`. */
function checklistUpdates(h: Harness, o: StartedOnboarding): string[] {
  const refs = [o.fRef, o.mRef].map((r) => `${r.channel}/${r.ts}`);
  return h.standin
    .callsTo('chat.update')
    .map((c) => `${c.args.channel}/${c.args.ts}`)
    .filter((ref) => refs.includes(ref));
}

describe('onboarding checklist', () => {
  const harness = harnessPerFile('onboarding', { now: new Date('2026-03-02T08:00:00Z') });
  const refonte = (h: Harness) => startedOnboarding(h, { title: 'Refonte du site', startDate: '2026-03-02' });

  /** A started onboarding whose "Contexte du projet lu" item (index 2) the freelancer has ticked. */
  async function withContextRead(h: Harness): Promise<StartedOnboarding> {
    const o = await refonte(h);
    const context = (await storedItems(h, o.mission))[2];
    if (!context) throw new Error('the default template has six items');
    await click(h, o.fRef, context._id.toString(), o.freelancer);
    await ticked(h, context._id);
    await eventually(() => expect(checklistUpdates(h, o), 'both checklists updated').toHaveLength(2));
    return o;
  }

  it('posts each side its checklist in its own language, once', async () => {
    const h = harness();
    const { freelancer, manager, mission, fRef, mRef } = await refonte(h);
    const fText = textOf(h.standin.message(fRef.channel, fRef.ts));
    const mText = textOf(h.standin.message(mRef.channel, mRef.ts));
    expect(fText).toContain('Onboarding — Refonte du site');
    expect(fText).toContain('*Avancement :* 0/6');
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

    const postsToThem = () =>
      h.standin
        .callsTo('chat.postMessage')
        .filter((c) => [freelancer, manager].includes(String(c.args.channel)));
    const posts = postsToThem().length;
    await startOnboarding(h.deps, mission);
    await startOnboarding(h.deps, await reload(h, mission));
    expect(postsToThem()).toHaveLength(posts);
    expect(await storedItems(h, mission)).toHaveLength(6);
    expect((await progressOf(h.deps, [mission._id.toString()])).get(mission._id.toString())).toEqual({
      done: 0,
      total: 6,
    });
  });

  it('stores a tick by the owner and updates both messages in place', async () => {
    const h = harness();
    const o = await refonte(h);
    const { freelancer, mission, fRef, mRef } = o;
    const context = (await storedItems(h, mission))[2];
    if (!context) throw new Error('setup');
    const updates = checklistUpdates(h, o).length;
    const res = await click(h, fRef, context._id.toString(), freelancer);
    expect(res.status).toBe(200);
    await eventually(() => expect(checklistUpdates(h, o)).toHaveLength(updates + 2));
    const stored = await itemModel(h.db).findById(context._id).lean().exec();
    expect(stored?.doneAt).toBeInstanceOf(Date);
    expect(stored?.doneBy).toBe(freelancer);
    const updated = checklistUpdates(h, o).slice(-2);
    expect(updated.sort()).toEqual([`${fRef.channel}/${fRef.ts}`, `${mRef.channel}/${mRef.ts}`].sort());
    expect(textOf(h.standin.message(fRef.channel, fRef.ts))).toContain('✅ *Contexte du projet lu*');
    expect(textOf(h.standin.message(fRef.channel, fRef.ts))).toContain('1/6');
    expect(textOf(h.standin.message(mRef.channel, mRef.ts))).toContain('✅ *Project context read*');
    const views = await itemsOf(h.deps, mission._id.toString(), 'en');
    expect(views.filter((v) => v.done).map((v) => v.label)).toEqual(['Project context read']);
    const open = await openItemsOf(h.deps, freelancer, 'fr');
    expect(open.map((v) => v.label)).toEqual([
      'Rencontre avec le binôme',
      'Plan du premier livrable partagé',
    ]);
  });

  it('refuses a stranger with an ephemeral message and changes nothing', async () => {
    const h = harness();
    const o = await withContextRead(h);
    const stranger = newPerson(h, 'STRANGE', { name: 'mallory', locale: 'en-US', tz: 'Europe/London' });
    const buddy = (await storedItems(h, o.mission))[3];
    if (!buddy) throw new Error('setup');
    const updates = checklistUpdates(h, o).length;
    await click(h, o.fRef, buddy._id.toString(), stranger);
    const refusal = await eventually(() => {
      const e = h.standin.ephemeralsTo(stranger)[0];
      if (!e) throw new Error(`no ephemeral to ${stranger} yet`);
      return e;
    });
    expect(refusal.text).toBe('Only the owner of this item, the mission’s manager or an admin can tick it.');
    expect(refusal.via).toBe('response_url');
    expect((await itemModel(h.db).findById(buddy._id).lean().exec())?.doneAt).toBeNull();
    expect(checklistUpdates(h, o)).toHaveLength(updates);
    expect(h.standin.message(o.fRef.channel, o.fRef.ts)?.edits).toBe(1);
  });

  it('completes the onboarding on the last tick, once, and moves the mission to active', async () => {
    const h = harness();
    h.standin.addUser({ id: ADMIN_ID, name: 'ada', locale: 'en-US', tz: 'Europe/London' });
    const o = await withContextRead(h);
    const { freelancer, manager, mission, fRef, mRef } = o;
    h.clock.set(new Date('2026-03-06T10:00:00Z'));
    const items = await storedItems(h, mission);
    const clicks: [number, { channel: string; ts: string }, string][] = [
      [0, mRef, manager],
      [1, mRef, ADMIN_ID],
      [3, fRef, freelancer],
      [4, mRef, manager],
    ];
    for (const [index, ref, user] of clicks) {
      const id = items[index]?._id;
      if (!id) throw new Error('setup');
      await click(h, ref, id.toString(), user);
      await ticked(h, id);
    }
    expect((await reload(h, mission)).status).toBe('onboarding');

    // The manager confirms the freelancer's last item from their own copy.
    const last = items[5];
    if (!last) throw new Error('setup');
    const lastBlock = blocksOf(h.standin.message(mRef.channel, mRef.ts)).find((b) =>
      b.block_id?.endsWith(last._id.toString()),
    );
    await click(h, mRef, last._id.toString(), manager);
    const done = await eventually(async () => {
      const m = await reload(h, mission);
      if (m.status !== 'active') throw new Error(`mission still ${m.status}`);
      return m;
    });
    expect(done.onboardingDurationDays).toBe(4);
    expect(done.onboardingCompletedAt).toEqual(new Date('2026-03-06T10:00:00Z'));
    expect(done.history.at(-1)).toMatchObject({
      action: 'onboarding.completed',
      from: 'onboarding',
      to: 'active',
    });
    await eventually(() => expect(dmsWith(h, freelancer, 'est terminé, en 4 jours')).toHaveLength(1));
    await eventually(() => expect(dmsWith(h, manager, 'is complete, in 4 days')).toHaveLength(1));
    await eventually(() => expect(textOf(h.standin.message(fRef.channel, fRef.ts))).toContain('6/6'));
    await eventually(() =>
      expect(textOf(h.standin.message(mRef.channel, mRef.ts))).toContain('Onboarding completed on'),
    );

    // Slack replays the last click (the payload still shows the item open): nothing flips, no new notice.
    const updates = checklistUpdates(h, o).length;
    await h.slack.sendBlockAction({
      userId: manager,
      actions: [{ action_id: TOGGLE_ITEM, block_id: lastBlock?.block_id ?? '', value: last._id.toString() }],
      message: { ts: mRef.ts, channel: mRef.channel },
      channelId: mRef.channel,
    });
    await eventually(() => expect(checklistUpdates(h, o)).toHaveLength(updates + 2));
    expect((await itemModel(h.db).findById(last._id).lean().exec())?.doneAt).toBeInstanceOf(Date);
    expect(dmsWith(h, freelancer, 'est terminé')).toHaveLength(1);
    expect(dmsWith(h, manager, 'is complete')).toHaveLength(1);
    expect((await reload(h, mission)).status).toBe('active');
  });
});
