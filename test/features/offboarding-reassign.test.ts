import { describe, expect, it } from 'vitest';
import { reassignManager } from '../../src/features/missions/admin/service.js';
import { itemsOfMission } from '../../src/features/offboarding/repository.js';
import { eventually } from '../support/eventually.js';
import { ADMIN_ID } from '../support/harness.js';
import { harnessPerFile } from '../support/harness-hooks.js';
import { homeText, openHome } from '../support/home.js';
import { createMission } from '../support/missions.js';
import { storedOffboarding } from '../support/offboarding.js';
import { ephemeralAnswer } from '../support/passes.js';
import { newEnglishPerson, newFrenchPerson } from '../support/people.js';

describe('a new manager during offboarding', () => {
  const harness = harnessPerFile('offboardreassign', { now: new Date('2026-03-02T10:00:00Z') });

  it('takes over the manager’s open handover items and owed evaluation (stored and on the Homes)', async () => {
    const h = harness();
    const manager = newEnglishPerson(h, 'OLDMGR', { tz: 'Europe/London' });
    const next = newEnglishPerson(h, 'NEWMGR', { tz: 'Europe/London' });
    const freelancer = newFrenchPerson(h, 'RFREE');
    const mission = await createMission(h.db, {
      managerId: manager,
      freelancerId: freelancer,
      title: 'Ledger',
      status: 'active',
      skills: ['go'],
      startDate: '2026-01-12',
      endDate: '2026-03-31',
    });
    const missionId = String(mission._id);
    expect(await ephemeralAnswer(h, '/mission-end', '', manager)).toContain('Offboarding started');
    expect(homeText(await openHome(h, manager))).toContain('Give your evaluation for *Ledger*');

    await reassignManager(h.deps, ADMIN_ID, missionId, next);

    await eventually(async () => expect((await storedOffboarding(h, missionId)).off?.managerId).toBe(next));
    const items = await itemsOfMission(h.db, missionId);
    expect(items.filter((i) => i.owner === 'manager').map((i) => i.ownerId)).toEqual(
      items.filter((i) => i.owner === 'manager').map(() => next),
    );
    expect(items.filter((i) => i.owner === 'freelancer').every((i) => i.ownerId === freelancer)).toBe(true);
    await eventually(async () => {
      expect(homeText(await openHome(h, next))).toContain('Give your evaluation for *Ledger*');
      expect(homeText(await openHome(h, manager))).not.toContain('Give your evaluation for *Ledger*');
    });
  });
});
