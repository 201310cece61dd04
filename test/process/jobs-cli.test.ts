import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOnboarding } from '../../src/features/onboarding/checklist/service.js';
import { itemModel } from '../../src/features/onboarding/model.js';
import { type Harness, startHarness } from '../support/harness.js';
import { runDue } from '../support/jobs-cli.js';
import { createMission } from '../support/missions.js';

const FREELANCER = 'UCLIFREE1';
const MANAGER = 'UCLIMGR01';

describe('npm run jobs -- run-due --at', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('jobscli', { now: new Date('2026-03-02T07:00:00Z') });
    h.standin.addUser({ id: FREELANCER, name: 'chloe', locale: 'fr-FR', tz: 'Europe/Paris' });
    h.standin.addUser({ id: MANAGER, name: 'mark', locale: 'en-US', tz: 'Europe/Paris' });
    const mission = await createMission(h.db, {
      title: 'Audit de sécurité',
      freelancerId: FREELANCER,
      managerId: MANAGER,
      startDate: '2026-03-02',
      endDate: '2026-06-30',
    });
    await startOnboarding(h.deps, mission);
  });
  afterAll(async () => {
    await h.stop();
  });

  it('sends exactly one reminder per overdue item, and none on a second run', async () => {
    const dueToday = await itemModel(h.db).countDocuments({
      dueAt: mongoose.trusted({ $lt: new Date('2026-03-02T23:00:00Z') }),
    });
    expect(dueToday).toBeGreaterThan(0);
    const before = h.standin.callsTo('chat.postMessage').length;

    // The day after the start, 10:00 in Paris: the start-day items are overdue.
    const first = await runDue(h, '2026-03-03T10:00:00+01:00');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/run-due at 2026-03-03T09:00:\d\d\.\d+Z:\n/);
    expect(first.out).toContain('2 job(s) ran');
    expect(first.out.match(/done\s+onboarding\.reminder/g)).toHaveLength(dueToday);
    const reminders = h.standin.callsTo('chat.postMessage').slice(before);
    expect(reminders).toHaveLength(dueToday);
    const reminded = await itemModel(h.db).countDocuments({
      reminderSentAt: mongoose.trusted({ $ne: null }),
    });
    expect(reminded).toBe(dueToday);

    const second = await runDue(h, '2026-03-03T10:05:00+01:00');
    expect(second.code).toBe(0);
    expect(second.out).toContain('0 job(s) ran');
    expect(h.standin.callsTo('chat.postMessage').length).toBe(before + dueToday);
  }, 60_000);

  it('rejects a malformed --at with a clear message', async () => {
    const res = await runDue(h, 'next tuesday');
    expect(res.code).toBe(1);
    expect(res.out).toContain('--at: "next tuesday" is not an ISO date-time');
  });
});
