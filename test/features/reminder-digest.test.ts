import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { TOGGLE_ITEM } from '../../src/features/onboarding/ids.js';
import { itemModel } from '../../src/features/onboarding/model.js';
import { eventually } from '../support/eventually.js';
import type { Harness } from '../support/harness.js';
import { harnessPerTest } from '../support/harness-hooks.js';
import { blocksOf, startedOnboarding, textOf, ticked } from '../support/onboarding.js';
import { newPerson } from '../support/people.js';
import type { StandinMessage } from '../support/slack-standin.js';

/** The reminder DMs a person got (the digest, or the old one-per-item reminders). */
const reminderDms = (h: Harness, userId: string): StandinMessage[] =>
  h.standin.messagesTo(userId).filter((m) => (m.text ?? '').startsWith('⏰'));

/** `n` missions of one English manager (Paris), each with its own French freelancer, started on Monday 2 March 2026. */
async function managerOfMany(h: Harness, n: number) {
  const manager = newPerson(h, 'DMGR', { locale: 'en-US', tz: 'Europe/Paris' });
  const missions = [];
  for (let i = 0; i < n; i++) {
    const freelancer = newPerson(h, 'DFREE', { locale: 'fr-FR', tz: 'Europe/Paris' });
    missions.push(
      await startedOnboarding(h, { title: `Mission ${i + 1}`, startDate: '2026-03-02', freelancer, manager }),
    );
  }
  return { manager, missions };
}

// Scheduler passes act on the whole database: a database per test.
describe('one reminder digest per person and day', () => {
  const harness = harnessPerTest('reminder_digest', { now: new Date('2026-03-02T08:00:00Z') });

  it('sends a manager of 22 missions one DM listing them (first items, then "more on your Home"), each freelancer one, and nothing more that day', async () => {
    const h = harness();
    const { manager, missions } = await managerOfMany(h, 22);

    // Monday 9 March, 10:00 in Paris: every item of every mission is overdue.
    h.clock.set(new Date('2026-03-09T09:00:00Z'));
    await h.deps.scheduler.runOnce();

    const toManager = reminderDms(h, manager);
    expect(toManager).toHaveLength(1);
    const digest = toManager[0];
    expect(blocksOf(digest).length).toBeLessThanOrEqual(50);
    const shown = textOf(digest);
    expect(shown).toContain('*Mission 1*');
    expect(shown).toMatch(/…and \d+ more on your Passerelle \*Home\* tab\./);
    expect(digest?.text).toContain('66');
    for (const m of missions) {
      const got = reminderDms(h, m.freelancer);
      expect(got, `freelancer of ${m.mission.title}`).toHaveLength(1);
      // Three items of one mission: all listed, each with its button.
      expect(blocksOf(got[0]).filter((b) => b.accessory?.action_id === TOGGLE_ITEM)).toHaveLength(3);
      expect(textOf(got[0])).toContain(`*${m.mission.title}*`);
    }
    const items = await itemModel(h.db)
      .find({ missionId: mongoose.trusted({ $in: missions.map((m) => m.mission._id) }) })
      .lean();
    expect(items.every((i) => i.reminderSentAt !== null)).toBe(true);

    // Later passes that day (and the next day) send nothing more: every item had its one reminder.
    h.clock.set(new Date('2026-03-09T14:00:00Z'));
    await h.deps.scheduler.runOnce();
    h.clock.set(new Date('2026-03-10T09:00:00Z'));
    await h.deps.scheduler.runOnce();
    expect(reminderDms(h, manager)).toHaveLength(1);
    for (const m of missions) expect(reminderDms(h, m.freelancer)).toHaveLength(1);
  }, 120_000);

  it('holds the digest outside sending hours to their start, then sends it once', async () => {
    const h = harness();
    const { manager, missions } = await managerOfMany(h, 2);
    // Tuesday 10 March, 06:30 in Paris: everything is overdue, but it is before 08:00.
    h.clock.set(new Date('2026-03-10T05:30:00Z'));
    await h.deps.scheduler.runOnce();
    expect(reminderDms(h, manager)).toHaveLength(0);
    h.clock.set(new Date('2026-03-10T06:59:00Z'));
    await h.deps.scheduler.runOnce();
    expect(reminderDms(h, manager)).toHaveLength(0);
    h.clock.set(new Date('2026-03-10T07:00:00Z'));
    await h.deps.scheduler.runOnce();
    expect(reminderDms(h, manager)).toHaveLength(1);
    for (const m of missions) expect(reminderDms(h, m.freelancer)).toHaveLength(1);
    expect(
      blocksOf(reminderDms(h, manager)[0]).filter((b) => b.accessory?.action_id === TOGGLE_ITEM),
    ).toHaveLength(6);
  }, 60_000);

  it('ticks an item from the digest: the digest and both checklists show it done', async () => {
    const h = harness();
    const { missions } = await managerOfMany(h, 2);
    const first = missions[0];
    if (!first) throw new Error('setup');
    h.clock.set(new Date('2026-03-09T09:00:00Z'));
    await h.deps.scheduler.runOnce();
    const digest = reminderDms(h, first.freelancer)[0];
    if (!digest) throw new Error('no digest to the freelancer');
    const row = blocksOf(digest).find((b) => b.accessory?.action_id === TOGGLE_ITEM);
    const itemId = row?.accessory?.value ?? '';
    await h.slack.sendBlockAction({
      userId: first.freelancer,
      actions: [{ action_id: TOGGLE_ITEM, block_id: row?.block_id ?? '', value: itemId }],
      message: { ts: digest.ts, channel: digest.channel },
      channelId: digest.channel,
    });
    await ticked(h, itemId);
    await eventually(() =>
      expect(textOf(h.standin.message(first.fRef.channel, first.fRef.ts))).toContain(
        '✅ *Contexte du projet lu*',
      ),
    );
    await eventually(() => {
      const now = h.standin.message(digest.channel, digest.ts);
      expect(textOf(now)).toContain('✅');
      // The ticked item has no button any more; the two others keep theirs.
      expect(blocksOf(now).filter((b) => b.accessory?.action_id === TOGGLE_ITEM)).toHaveLength(2);
    });
    // Ticking it again from the stale digest does not reopen it.
    await h.slack.sendBlockAction({
      userId: first.freelancer,
      actions: [{ action_id: TOGGLE_ITEM, block_id: row?.block_id ?? '', value: itemId }],
      message: { ts: digest.ts, channel: digest.channel },
      channelId: digest.channel,
    });
    await ticked(h, itemId);
    expect(reminderDms(h, first.freelancer)).toHaveLength(1);
  }, 60_000);
});
