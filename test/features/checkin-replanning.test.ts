import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { planMission } from '../../src/features/checkins/planning/service.js';
import { reassignManager } from '../../src/features/missions/admin/service.js';
import { findMission } from '../../src/features/missions/repository.js';
import { freelancerWithMission, newManager, storedCheckins } from '../support/checkin-delivery.js';
import { eventually } from '../support/eventually.js';
import { ADMIN_ID } from '../support/harness.js';
import { harnessPerTest } from '../support/harness-hooks.js';
import { passAt } from '../support/passes.js';
import { newPerson } from '../support/people.js';

// Scheduler passes plan every mission of the database: a database per test.
describe('planned check-ins follow the mission: zone changes and reassignment', () => {
  const harness = harnessPerTest('checkin_replanning', { now: new Date('2025-02-20T00:00:00Z') });

  it('moves future check-ins when the freelancer’s Slack zone changes (user_change), and keeps it in the history', async () => {
    const h = harness();
    const { freelancer, mission: m } = await freelancerWithMission(h, newManager(h), {
      title: 'Moving',
      startDate: '2025-09-01',
      endDate: '2025-12-19',
      checkin: { timezone: 'Europe/Paris', timezoneAssumed: true },
    });
    await passAt(h, '2025-11-05T12:00:00Z');
    expect((await storedCheckins(h, m)).map((c) => c.dueAt.toISOString())).toContain(
      '2025-11-10T09:00:00.000Z',
    );
    const res = await h.slack.sendEvent({
      type: 'user_change',
      user: { id: freelancer, name: 'mo', tz: 'America/Toronto', tz_offset: -18000 },
    });
    expect(res.status).toBe(200);
    await eventually(async () =>
      expect((await storedCheckins(h, m)).map((c) => c.dueAt.toISOString())).toContain(
        '2025-11-10T15:00:00.000Z',
      ),
    );
    const due = (await storedCheckins(h, m)).filter((c) => c.dueAt > new Date('2025-11-05T12:00:00Z'));
    expect(due.map((c) => c.dueAt.toISOString())).toEqual(['2025-11-10T15:00:00.000Z']);
    const stored = await findMission(h.db, m._id.toString());
    expect(stored?.checkin).toMatchObject({ timezone: 'America/Toronto', timezoneAssumed: false });
    expect(stored?.history.at(-1)).toMatchObject({
      action: 'timezoneChanged',
      details: 'Europe/Paris→America/Toronto',
    });
  });

  it('an admin’s reassignment moves the planned check-ins to the new manager even when a notice fails', async () => {
    const h = harness();
    const oldManager = newManager(h);
    const newOne = newPerson(h, 'MGRNEW', { name: 'mia', locale: 'en-US', tz: 'Europe/Paris' });
    const { mission: m } = await freelancerWithMission(h, oldManager, {
      title: 'Reassigned',
      // Around now: check-ins are planned 8 days ahead.
      startDate: DateTime.fromJSDate(h.clock.now()).minus({ days: 10 }).toISODate() ?? '',
      endDate: DateTime.fromJSDate(h.clock.now()).plus({ days: 60 }).toISODate() ?? '',
    });
    await planMission(h.deps, m._id, h.clock.now());
    // The old manager's notice goes first, and Slack refuses it.
    h.standin.failNext('chat.postMessage', 'user_disabled', {
      times: 1,
      where: (args) => args.channel === oldManager,
    });
    await reassignManager(h.deps, ADMIN_ID, m._id.toString(), newOne);
    expect(
      h.standin.callsTo('chat.postMessage').filter((c) => c.args.channel === oldManager && !c.ok),
      'the refused notice to the old manager',
    ).toHaveLength(1);
    const planned = await storedCheckins(h, m);
    expect(planned.length).toBeGreaterThan(0);
    expect(planned.every((c) => c.managerId === newOne)).toBe(true);
    expect(h.standin.messagesTo(newOne).some((d) => (d.text ?? '').includes('Reassigned'))).toBe(true);
  });
});
