import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../src/db/connection.js';
import { silentLogger } from '../../src/logger.js';
import { type Harness, startHarness } from '../support/harness.js';
import { harnessPerFile } from '../support/harness-hooks.js';
import { createMission } from '../support/missions.js';
import { newPerson, newUserId } from '../support/people.js';
import { resultIds, seedProfile, talentAnswer } from '../support/talent.js';

// /talent answers from an in-process cache of the read models (read-cache.ts), checked on every
// search against the stamps: a profile change made by ANOTHER app instance (its own connection, its
// own cache) must show in this instance's very next search.
describe('/talent with two app instances', () => {
  const harness = harnessPerFile('talentinstances', { now: new Date('2026-04-06T09:00:00Z') });
  let other: Harness | undefined;
  beforeAll(async () => {
    const h = harness();
    const db = await connectDatabase(h.dbUri, silentLogger());
    other = await startHarness('talentinstances-b', { now: h.clock.now(), db });
  });
  afterAll(async () => {
    await other?.stop();
    await other?.db.close();
  });

  it('shows another instance’s profile changes in the next search (new, re-rated, opted out)', async () => {
    const h = harness();
    const b = other as Harness;
    const manager = newPerson(h, 'IMGR', { locale: 'en-US', tz: 'Europe/Paris' });
    await createMission(h.db, { managerId: manager, freelancerId: newPerson(h, 'IFREE') });
    const skill = `elixir-${newUserId('S').toLowerCase()}`;

    const first = await seedProfile(h, 'IONE', { skills: [skill], ratings: [3] });
    expect(resultIds((await talentAnswer(h, skill, manager)).blocks)).toEqual([first]);
    // Asked twice: the second answer comes from this instance's cache.
    expect(resultIds((await talentAnswer(h, skill, manager)).blocks)).toEqual([first]);

    // The other instance adds a better-rated freelancer with that skill.
    const second = await seedProfile(b, 'ITWO', { skills: [skill], ratings: [5, 5] });
    expect(resultIds((await talentAnswer(h, skill, manager)).blocks)).toEqual([second, first]);

    // The other instance records three low ratings for the second one: the first one leads again.
    await seedProfile(b, 'ITWO', { skills: [skill], ratings: [1, 1, 1] }, second);
    expect(resultIds((await talentAnswer(h, skill, manager)).blocks)).toEqual([first, second]);

    // The first one opts out on the other instance: gone from this instance's next answer.
    await seedProfile(b, 'IONE', { skills: [skill], optedOut: true }, first);
    const after = await talentAnswer(h, skill, manager);
    expect(resultIds(after.blocks)).toEqual([second]);
    expect(after.all).toContain('2.6 ★ (5 ratings)');
  });
});
