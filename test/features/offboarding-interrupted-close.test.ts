import { describe, expect, it } from 'vitest';
import type { MissionClosed } from '../../src/events.js';
import { closeWithHandover } from '../../src/features/missions/index.js';
import {
  insertOffboarding,
  storeEvaluation,
  storeFeedback,
} from '../../src/features/offboarding/repository.js';
import { harnessPerTest } from '../support/harness-hooks.js';
import { createMission } from '../support/missions.js';
import { storedOffboarding } from '../support/offboarding.js';
import { passAt } from '../support/passes.js';
import { newEnglishPerson, newFrenchPerson } from '../support/people.js';
import { startedOffboarding } from '../support/stats-records.js';

describe('a closing the process stopped in the middle of', () => {
  const harness = harnessPerTest('offboardcrash', { now: new Date('2026-04-01T09:00:00Z') });

  it('is finished by the next pass: the talent pool counts the mission once, the offboarding is closed', async () => {
    const h = harness();
    const manager = newEnglishPerson(h, 'MGR');
    const freelancer = newFrenchPerson(h, 'FREE');
    const mission = await createMission(h.db, {
      managerId: manager,
      freelancerId: freelancer,
      title: 'Checkout',
      status: 'offboarding',
      skills: ['react'],
      startDate: '2026-01-12',
      endDate: '2026-03-31',
    });
    const missionId = String(mission._id);
    await insertOffboarding(
      h.db,
      startedOffboarding(
        { missionId, freelancerId: freelancer, managerId: manager },
        new Date('2026-03-26T09:00:00Z'),
      ),
    );
    await storeFeedback(h.db, missionId, {
      overall: 5,
      onboarding: 4,
      communication: 5,
      recognition: 4,
      improve: '',
      wouldWorkAgain: true,
      recommend: 9,
      at: new Date('2026-03-31T10:00:00Z'),
    });
    await storeEvaluation(h.db, missionId, {
      rating: 5,
      skills: ['react'],
      recommendation: 'Great work',
      shareRecommendation: false,
      privateNote: '',
      wouldRehire: true,
      renewed: false,
      by: manager,
      at: new Date('2026-03-31T11:00:00Z'),
    });
    // The status change went through, then the process died: no event, the offboarding still open.
    expect(
      await closeWithHandover(h.db, mission._id, [], { at: h.clock.now(), by: manager, action: 'close' }),
    ).not.toBeNull();
    const closed: MissionClosed[] = [];
    h.deps.events.on('mission.closed', (e) => {
      closed.push(e);
    });

    // A closing in flight is left alone; two minutes on, it counts as interrupted.
    expect((await passAt(h, '2026-04-01T09:01:00Z')).join('\n')).not.toContain('interrupted');
    expect(closed).toHaveLength(0);
    const notes = await passAt(h, '2026-04-01T09:03:00Z');
    expect(notes.join('\n')).toContain('1 interrupted closing(s) finished');
    expect(closed.map((e) => [e.missionId, e.rating])).toEqual([[missionId, 5]]);
    expect((await storedOffboarding(h, missionId)).off?.closed).toBe(true);
    const profile = await h.db.collection('talent_profiles').findOne({ userId: freelancer });
    expect(profile?.missionsDone).toBe(1);
    // Nothing left to finish: the next pass emits nothing again.
    await passAt(h, '2026-04-01T09:06:00Z');
    expect(closed).toHaveLength(1);
  });
});
