import { describe, expect, it } from 'vitest';
import { type Mission, missionModel } from '../../src/features/missions/model.js';
import { eventually } from '../support/eventually.js';
import { ADMIN_ID, type Harness } from '../support/harness.js';
import { harnessPerTest } from '../support/harness-hooks.js';
import { createMission, newMission } from '../support/missions.js';
import { ephemeralAnswer } from '../support/passes.js';
import { newEnglishPerson, newFrenchPerson } from '../support/people.js';

// Each test has a database of its own: an admin sees every open mission of the workspace, and the
// "no open mission at all" answer is only true in an empty one.
const harness = harnessPerTest('missionendadm', { now: new Date('2026-03-25T10:00:00Z') });

function people(h: Harness) {
  h.standin.addUser({ id: ADMIN_ID, name: 'ada', locale: 'en-US', tz: 'Europe/Paris' });
  return {
    manager: newEnglishPerson(h, 'MGR', { tz: 'Europe/London' }),
    other: newEnglishPerson(h, 'MGR2'),
    freelancer: newFrenchPerson(h, 'FREE'),
  };
}

function open(h: Harness, managerId: string, freelancerId: string, title: string, status = 'active') {
  return createMission(h.db, {
    managerId,
    freelancerId,
    title,
    status: status as Mission['status'],
    startDate: '2026-01-12',
    endDate: '2026-04-30',
  });
}

async function statusOf(h: Harness, m: Mission) {
  return (await missionModel(h.db).findById(m._id).lean())?.status;
}

/** The picker's options (their texts) in the last ephemeral to `userId`. */
function pickerOptions(h: Harness, userId: string): string[] {
  const blocks = (h.standin.ephemeralsTo(userId).at(-1)?.blocks ?? []) as {
    accessory?: { options?: { text: { text: string } }[] };
  }[];
  return blocks.flatMap((b) => b.accessory?.options?.map((o) => o.text.text) ?? []);
}

describe('/mission-end by an admin', () => {
  it('ends, by its title, a mission the admin does not manage', async () => {
    const h = harness();
    const p = people(h);
    const delta = await open(h, p.manager, p.freelancer, 'Mission Delta');
    expect(await ephemeralAnswer(h, '/mission-end', 'Mission Delta', ADMIN_ID)).toContain(
      'Offboarding started',
    );
    expect(await statusOf(h, delta)).toBe('offboarding');
  });

  it('offers every open mission of the workspace in the picker, not only the ones the admin manages', async () => {
    const h = harness();
    const p = people(h);
    const a = await open(h, p.manager, p.freelancer, 'Alpha audit');
    const b = await open(h, p.other, p.freelancer, 'Beta build', 'onboarding');
    await open(h, p.other, p.freelancer, 'Gamma gone', 'completed');
    await open(h, p.other, p.freelancer, 'Epsilon ending', 'offboarding');
    await ephemeralAnswer(h, '/mission-end', '', ADMIN_ID);
    const options = pickerOptions(h, ADMIN_ID);
    expect(options).toHaveLength(2);
    expect(options.join('\n')).toContain('Alpha audit');
    expect(options.join('\n')).toContain('Beta build');
    expect(await statusOf(h, a)).toBe('active');
    expect(await statusOf(h, b)).toBe('onboarding');
  });

  it('keeps the picker within Block Kit’s 100 options and says how to narrow the rest', async () => {
    const h = harness();
    const p = people(h);
    await missionModel(h.db).insertMany(
      Array.from({ length: 130 }, (_, i) =>
        newMission({
          managerId: p.other,
          freelancerId: p.freelancer,
          title: `Bulk ${String(i).padStart(3, '0')}`,
          status: 'active',
          startDate: '2026-01-05',
          endDate: `2026-05-${String(1 + (i % 28)).padStart(2, '0')}`,
        }),
      ),
    );
    await ephemeralAnswer(h, '/mission-end', '', ADMIN_ID);
    expect(pickerOptions(h, ADMIN_ID)).toHaveLength(100);
    const said = h.standin.ephemeralsTo(ADMIN_ID).at(-1)?.text ?? '';
    expect(said).toContain('100 of 130');
    expect(said).toContain('/mission-end');
    // Narrowed by the title, one of those past the first hundred is there to pick.
    await ephemeralAnswer(h, '/mission-end', 'Bulk 12', ADMIN_ID);
    expect(pickerOptions(h, ADMIN_ID).map((o) => o.split(' — ')[0])).toEqual(
      Array.from({ length: 10 }, (_, i) => `Bulk 12${i}`).sort(),
    );
  });

  it('says there is no open mission in the workspace when there is none', async () => {
    const h = harness();
    const p = people(h);
    await open(h, p.manager, p.freelancer, 'Closed one', 'completed');
    const said = await ephemeralAnswer(h, '/mission-end', '', ADMIN_ID);
    expect(said).toContain('No mission of the workspace is open');
  });

  it('says when no open mission has that title, and when it is already in offboarding', async () => {
    const h = harness();
    const p = people(h);
    await open(h, p.manager, p.freelancer, 'Mission Delta', 'offboarding');
    expect(await ephemeralAnswer(h, '/mission-end', 'Mission Omega', ADMIN_ID)).toContain(
      'No open mission matches “Mission Omega”',
    );
    expect(await ephemeralAnswer(h, '/mission-end', 'Delta', ADMIN_ID)).toContain(
      '*Mission Delta* is already in offboarding',
    );
  });
});

describe('/mission-end by a manager: the refusal says why', () => {
  it('a title that is another manager’s mission, a title that matches nothing, no open mission left', async () => {
    const h = harness();
    const p = people(h);
    const mine = await open(h, p.manager, p.freelancer, 'My mission');
    const theirs = await open(h, p.other, p.freelancer, 'Their mission');
    expect(await ephemeralAnswer(h, '/mission-end', 'Their mission', p.manager)).toContain(
      '“Their mission” is not one of the missions you manage: only its manager or an admin can end it.',
    );
    expect(await ephemeralAnswer(h, '/mission-end', 'Nothing like it', p.manager)).toContain(
      'No open mission matches “Nothing like it”',
    );
    expect(await statusOf(h, theirs)).toBe('active');
    expect(await ephemeralAnswer(h, '/mission-end', '', p.manager)).toContain('Offboarding started');
    await eventually(async () => expect(await statusOf(h, mine)).toBe('offboarding'));
    expect(await ephemeralAnswer(h, '/mission-end', '', p.manager)).toContain(
      'Your open missions are all in offboarding already',
    );
  });
});
