import { describe, expect, it } from 'vitest';
import { TOGGLE_ITEM } from '../../src/features/onboarding/ids.js';
import { eventually } from '../support/eventually.js';
import type { Harness } from '../support/harness.js';
import { harnessPerTest } from '../support/harness-hooks.js';
import {
  blocksOf,
  click,
  dmsWith,
  startedOnboarding,
  storedItems,
  textOf,
  ticked,
} from '../support/onboarding.js';
import { newPerson } from '../support/people.js';

// The scheduler runs every due reminder of the database and returns all their outcomes: a database per test.
describe('onboarding reminders', () => {
  const harness = harnessPerTest('onboarding_reminders', { now: new Date('2026-03-09T08:00:00Z') });

  /** Mission B: a French freelancer in Paris, an English manager in New York, started Monday 9 March. */
  const missionB = (h: Harness) =>
    startedOnboarding(h, {
      title: 'Mission B',
      startDate: '2026-03-09',
      freelancer: newPerson(h, 'FREEL', { name: 'felix', locale: 'fr-FR', tz: 'Europe/Paris' }),
      manager: newPerson(h, 'MGR', { name: 'mia', locale: 'en-US', tz: 'America/New_York' }),
    });

  it('reminds the owner of each overdue open item once, in their digest, and never for a done item', async () => {
    const h = harness();
    const { freelancer, manager, mission, mRef } = await missionB(h);
    const access = (await storedItems(h, mission))[0];
    if (!access) throw new Error('setup');
    await click(h, mRef, access._id.toString(), manager);
    await ticked(h, access._id);

    // Nothing is overdue on the start day.
    await h.deps.scheduler.runOnce();
    expect(h.standin.messagesTo(freelancer).filter((m) => m.text?.startsWith('⏰'))).toHaveLength(0);

    // Thursday noon in Paris: day-0 items (Monday) and the day-2 item (Wednesday) are overdue. It is
    // 07:00 in New York, before the manager's sending hours: their digest waits until 08:00 there.
    h.clock.set(new Date('2026-03-12T11:00:00Z'));
    await h.deps.scheduler.runOnce();
    expect(dmsWith(h, freelancer, '⏰')).toHaveLength(1);
    expect(dmsWith(h, manager, '⏰')).toHaveLength(0);
    h.clock.set(new Date('2026-03-12T11:59:00Z'));
    await h.deps.scheduler.runOnce();
    expect(dmsWith(h, manager, '⏰')).toHaveLength(0);
    h.clock.set(new Date('2026-03-12T12:00:00Z'));
    await h.deps.scheduler.runOnce();
    const toFreelancer = dmsWith(h, freelancer, '⏰');
    const toManager = dmsWith(h, manager, '⏰');
    expect(toFreelancer).toHaveLength(1);
    expect(toFreelancer[0]?.text).toBe('⏰ Votre rappel du jour\u202f: 1 chose reste à faire.');
    expect(textOf(toFreelancer[0])).toContain('⬜ *Contexte du projet lu* — à faire pour le 11 mars 2026');
    expect(toManager).toHaveLength(1);
    expect(textOf(toManager[0])).toContain('⬜ *Contract / NDA signed* — was due 9 March 2026');
    // The ticked item is not reminded.
    expect(textOf(toManager[0])).not.toContain('Accounts and tool access');

    await h.deps.scheduler.runOnce();
    expect(dmsWith(h, freelancer, '⏰')).toHaveLength(1);
    expect(dmsWith(h, manager, '⏰')).toHaveLength(1);
    const stored = await storedItems(h, mission);
    expect(stored.map((i) => i.reminderSentAt !== null)).toEqual([false, true, true, false, false, false]);
  });

  it("ticks the item from the reminder's button", async () => {
    const h = harness();
    const { freelancer, fRef } = await missionB(h);
    // Thursday 13:00 in Paris, 08:00 in New York: the freelancer's day-2 item is overdue.
    h.clock.set(new Date('2026-03-12T12:00:00Z'));
    await h.deps.scheduler.runOnce();
    const reminder = dmsWith(h, freelancer, '⏰')[0];
    if (!reminder)
      throw new Error(
        `no reminder to the freelancer: ${JSON.stringify(h.standin.messagesTo(freelancer).map((m) => m.text))}`,
      );
    const block = blocksOf(reminder).find((b) => b.accessory?.action_id === TOGGLE_ITEM);
    const itemId = block?.accessory?.value ?? '';
    await h.slack.sendBlockAction({
      userId: freelancer,
      actions: [{ action_id: TOGGLE_ITEM, block_id: block?.block_id ?? '', value: itemId }],
      message: { ts: reminder.ts, channel: reminder.channel },
      channelId: reminder.channel,
    });
    await ticked(h, itemId);
    await eventually(() =>
      expect(textOf(h.standin.message(fRef.channel, fRef.ts))).toContain('✅ *Contexte du projet lu*'),
    );
  });
});
