import { describe, expect, it } from 'vitest';
import { reminderDms } from '../support/checkin-answers.js';
import {
  checkinDms,
  freelancerWithMission,
  newManager,
  storedCheckins,
} from '../support/checkin-delivery.js';
import { harnessPerTest } from '../support/harness-hooks.js';
import { passAt } from '../support/passes.js';

// Scheduler passes act on every check-in of the database and report counts over all: a database per test.
describe('check-in reminders', () => {
  const harness = harnessPerTest('checkin_reminders', { now: new Date('2025-02-20T00:00:00Z') });

  it('reminds once after 24 h, then counts the week as missed; holds a 21:00 reminder until 08:00 the next working day', async () => {
    const h = harness();
    // Check-in on Thursdays at 21:00 Paris: its reminder would fall on Friday 21:00.
    const { freelancer, mission: m } = await freelancerWithMission(
      h,
      newManager(h),
      {
        title: 'Soirées',
        startDate: '2025-08-25',
        endDate: '2025-12-19',
        freelancerLocale: 'fr',
        checkin: { weekday: 4, time: '21:00' },
      },
      { locale: 'fr-FR' },
    );
    await passAt(h, '2025-09-04T19:00:00Z');
    expect(checkinDms(h, freelancer)).toHaveLength(1);
    // Friday 21:00 Paris: 24 h later, but outside sending hours: held, not sent, not dropped.
    const held = await passAt(h, '2025-09-05T19:00:00Z');
    expect(held.join(' ')).toMatch(/\b1 reminder\(s\) held to sending hours/);
    expect(reminderDms(h, freelancer)).toHaveLength(0);
    const [c] = await storedCheckins(h, m);
    // Next working day: Monday 8 September, 08:00 Paris (06:00Z).
    expect(c?.reminderAt?.toISOString()).toBe('2025-09-08T06:00:00.000Z');
    await passAt(h, '2025-09-08T05:59:00Z');
    expect(reminderDms(h, freelancer)).toHaveLength(0);
    await passAt(h, '2025-09-08T06:00:00Z');
    expect(reminderDms(h, freelancer)).toHaveLength(1);
    expect(reminderDms(h, freelancer)[0]?.text).toContain('*Soirées*');
    await passAt(h, '2025-09-08T12:00:00Z');
    expect(reminderDms(h, freelancer)).toHaveLength(1);
    // 24 h after the reminder, still unanswered: missed.
    await passAt(h, '2025-09-09T06:00:00Z');
    const [after] = await storedCheckins(h, m);
    expect(after).toMatchObject({ status: 'missed', outcome: 'unanswered' });
    expect(reminderDms(h, freelancer)).toHaveLength(1);
  });
});
