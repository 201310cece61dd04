import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { startOnboarding } from '../../src/features/onboarding/index.js';
import { itemModel } from '../../src/features/onboarding/model.js';
import { harnessPerTest } from '../support/harness-hooks.js';
import { runDue, spawnRunDue } from '../support/jobs-cli.js';
import { createMission } from '../support/missions.js';
import { newPerson } from '../support/people.js';

// The CLI runs every due job of the database and prints how many ran: a database per test.
describe('npm run jobs -- run-due --at', () => {
  const harness = harnessPerTest('jobscli', { now: new Date('2026-03-02T07:00:00Z') });

  it('sends one reminder digest listing each overdue item, and none on a second run', async () => {
    const h = harness();
    const freelancer = newPerson(h, 'FREEL', { name: 'chloe', locale: 'fr-FR', tz: 'Europe/Paris' });
    const manager = newPerson(h, 'MGR', { name: 'mark', locale: 'en-US', tz: 'Europe/Paris' });
    const mission = await createMission(h.db, {
      title: 'Audit de sécurité',
      freelancerId: freelancer,
      managerId: manager,
      startDate: '2026-03-02',
      endDate: '2026-06-30',
    });
    await startOnboarding(h.deps, mission);
    const dueToday = await itemModel(h.db).countDocuments({
      missionId: mission._id,
      dueAt: mongoose.trusted({ $lt: new Date('2026-03-02T23:00:00Z') }),
    });
    expect(dueToday).toBeGreaterThan(0);
    const postsToThem = () =>
      h.standin
        .callsTo('chat.postMessage')
        .filter((c) => [freelancer, manager].includes(String(c.args.channel)));
    const before = postsToThem().length;

    // The day after the start, 10:00 in Paris: the start-day items are overdue.
    const first = await runDue(h, '2026-03-03T10:00:00+01:00');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/run-due at 2026-03-03T09:00:\d\d\.\d+Z:\n/);
    // The start-day items are the manager's: one digest lists them all.
    expect(first.out).toMatch(/\b1 job\(s\) ran/);
    expect(first.out.match(/done\s+reminders\.digest/g)).toHaveLength(1);
    const reminders = postsToThem().slice(before);
    expect(reminders.map((c) => c.args.channel)).toEqual([manager]);
    expect(String(reminders[0]?.args.text)).toContain(`${dueToday} things are still to do`);
    const reminded = await itemModel(h.db).countDocuments({
      missionId: mission._id,
      reminderSentAt: mongoose.trusted({ $ne: null }),
    });
    expect(reminded).toBe(dueToday);

    const second = await runDue(h, '2026-03-03T10:05:00+01:00');
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/\b0 job\(s\) ran/);
    expect(postsToThem().length).toBe(before + 1);
  }, 60_000);

  it('a reader gone before the report (`| head`, a `| tee` killed by the same Ctrl-C) does not crash the run', async () => {
    const { child, exited } = spawnRunDue(harness(), '2026-03-03T10:00:00+01:00');
    // The pipe's reading end closed: the CLI's writes to stdout fail with EPIPE.
    child.stdout?.destroy();
    const { code, out } = await exited;
    expect(out).not.toMatch(/EPIPE/);
    expect(code, out).toBe(0);
  }, 60_000);

  it('rejects a malformed --at with a clear message', async () => {
    const res = await runDue(harness(), 'next tuesday');
    expect(res.code).toBe(1);
    expect(res.out).toContain('--at: "next tuesday" is not an ISO date-time');
  });
});
