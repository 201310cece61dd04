import { describe, expect, it } from 'vitest';
import { CONFIRM_ITEM, OPEN_EVALUATION, OPEN_FEEDBACK } from '../../src/features/offboarding/ids.js';
import { handoverItemModel } from '../../src/features/offboarding/model.js';
import { eventually } from '../support/eventually.js';
import type { Harness } from '../support/harness.js';
import { harnessPerTest } from '../support/harness-hooks.js';
import { spawnRunDue } from '../support/jobs-cli.js';
import { createMission } from '../support/missions.js';
import { buttonIn, clickInDm, storedOffboarding } from '../support/offboarding.js';
import { blocksOf, textOf } from '../support/onboarding.js';
import { ephemeralAnswer, passAt } from '../support/passes.js';
import { newEnglishPerson, newFrenchPerson, newPerson } from '../support/people.js';
import type { StandinMessage } from '../support/slack-standin.js';

const digests = (h: Harness, userId: string): StandinMessage[] =>
  h.standin.messagesTo(userId).filter((m) => (m.text ?? '').startsWith('⏰'));

const buttons = (m: StandinMessage | undefined, actionId: string) =>
  blocksOf(m).filter((b) => b.accessory?.action_id === actionId).length;

/** A manager (English, London) offboarding `n` missions, each with its own French freelancer. */
async function offboardingMany(h: Harness, n: number) {
  const manager = newEnglishPerson(h, 'OMGR', { tz: 'Europe/London' });
  const missions = [];
  for (let i = 0; i < n; i++) {
    const freelancer = newFrenchPerson(h, 'OFREE');
    const mission = await createMission(h.db, {
      managerId: manager,
      freelancerId: freelancer,
      title: `Offboarding ${i + 1}`,
      status: 'active',
      startDate: '2026-01-12',
      endDate: '2026-03-31',
    });
    const missionId = String(mission._id);
    expect(await ephemeralAnswer(h, '/mission-end', missionId, manager)).toContain('Offboarding started');
    missions.push({ freelancer, missionId });
  }
  return { manager, missions };
}

// Scheduler passes act on the whole database: a database per test.
describe('offboarding reminders in the digest', () => {
  // Monday 2 March 2026, 10:00 in Paris.
  const harness = harnessPerTest('digest_offboarding', { now: new Date('2026-03-02T09:00:00Z') });

  it('reminds each side once, 3 days in, of everything it owes on every mission, in one DM', async () => {
    const h = harness();
    const { manager, missions } = await offboardingMany(h, 3);
    await passAt(h, '2026-03-04T09:00:00Z');
    expect(digests(h, manager)).toHaveLength(0);

    // Thursday: the manager owes, per mission, "access revoked" and the evaluation.
    await passAt(h, '2026-03-05T09:30:00Z');
    const toManager = digests(h, manager);
    expect(toManager).toHaveLength(1);
    expect(buttons(toManager[0], CONFIRM_ITEM)).toBe(3);
    expect(buttons(toManager[0], OPEN_EVALUATION)).toBe(3);
    for (let i = 1; i <= 3; i++) expect(textOf(toManager[0])).toContain(`*Offboarding ${i}*`);
    for (const m of missions) {
      const got = digests(h, m.freelancer);
      expect(got).toHaveLength(1);
      expect(buttons(got[0], CONFIRM_ITEM)).toBe(3);
      expect(buttons(got[0], OPEN_FEEDBACK)).toBe(1);
      expect(got[0]?.text).toBe('⏰ Votre rappel du jour\u202f: 4 choses restent à faire.');
    }

    // Later that day and the next days: nothing more (one reminder per item).
    await passAt(h, '2026-03-05T15:00:00Z');
    await passAt(h, '2026-03-06T09:00:00Z');
    expect(digests(h, manager)).toHaveLength(1);
    for (const m of missions) expect(digests(h, m.freelancer)).toHaveLength(1);
  }, 120_000);

  it('confirms a handover item from the digest: the item is settled and the digest redrawn as a digest', async () => {
    const h = harness();
    const { missions } = await offboardingMany(h, 1);
    const first = missions[0];
    if (!first) throw new Error('setup');
    await passAt(h, '2026-03-05T09:30:00Z');
    const digest = digests(h, first.freelancer)[0];
    if (!digest) throw new Error('no digest to the freelancer');
    const { items } = await storedOffboarding(h, first.missionId);
    const knowledge = items.find((i) => i.key === 'knowledge');
    if (!knowledge) throw new Error('no knowledge item');
    expect(buttonIn(digest.blocks, CONFIRM_ITEM, String(knowledge._id))).toBeDefined();
    await clickInDm(h, digest, first.freelancer, CONFIRM_ITEM, String(knowledge._id));
    await eventually(async () =>
      expect((await handoverItemModel(h.db).findById(knowledge._id).lean())?.state).toBe('confirmed'),
    );
    await eventually(() => {
      const now = h.standin.message(digest.channel, digest.ts);
      expect(now?.text ?? '').toMatch(/^⏰/);
      expect(buttonIn(now?.blocks, CONFIRM_ITEM, String(knowledge._id))).toBeUndefined();
      expect(buttons(now, CONFIRM_ITEM)).toBe(2);
      expect(textOf(now)).toContain('✅ Passation\u202f: *Transfert de connaissances');
    });
  }, 60_000);

  it('a run-due killed (SIGKILL) mid-pass over 30 people sends no digest twice and the rest after the lease', async () => {
    const h = harness();
    // 30 managers with one onboarding mission each: 60 digests due on Monday 9 March.
    const people: string[] = [];
    for (let i = 0; i < 15; i++) {
      const manager = newPerson(h, `KMGR${i}`, { locale: 'en-US', tz: 'Europe/Paris' });
      const freelancer = newPerson(h, `KFREE${i}`, { locale: 'fr-FR', tz: 'Europe/Paris' });
      const mission = await createMission(h.db, {
        managerId: manager,
        freelancerId: freelancer,
        startDate: '2026-03-02',
        endDate: '2026-06-30',
      });
      const { startOnboarding } = await import('../../src/features/onboarding/index.js');
      await startOnboarding(h.deps, mission);
      people.push(manager, freelancer);
    }
    const counts = () => people.map((p) => digests(h, p).length);
    const total = () => counts().reduce((a, b) => a + b, 0);
    const { child, exited } = spawnRunDue(h, '2026-03-09T10:00:00+01:00');
    await eventually(() => {
      if (total() < 3) throw new Error(`only ${total()} digest(s) so far`);
    }, 60_000);
    child.kill('SIGKILL');
    await exited;
    expect(total()).toBeLessThan(people.length);

    // Nobody takes the dead runner's jobs before their lease (15 min) ends; then the rest goes.
    await passAt(h, '2026-03-09T09:05:00Z');
    await passAt(h, '2026-03-09T09:20:00Z');
    const after = counts();
    expect(Math.max(...after), 'a digest sent twice').toBe(1);
    // At most the jobs in flight at the kill (the runner runs 4 at once) are in doubt, never resent.
    expect(after.filter((n) => n === 0).length).toBeLessThanOrEqual(4);
  }, 120_000);
});
