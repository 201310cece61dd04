import { describe, expect, it } from 'vitest';
import { type ImportedProfile, importProfiles, rebuildReadModel } from '../../src/features/talent/rebuild.js';
import { eventually } from '../support/eventually.js';
import { ADMIN_ID } from '../support/harness.js';
import { harnessPerFile } from '../support/harness-hooks.js';
import { createMission } from '../support/missions.js';
import { newPerson, newUserId } from '../support/people.js';
import { resultIds, seedProfile, talentAnswer } from '../support/talent.js';

// One pool of 500 for the file: the pool mean (the prior of the shrunk rating) is the file's own.
describe('/talent on a pool of 500', () => {
  const harness = harnessPerFile('talentsearch', { now: new Date('2026-02-02T09:00:00Z') });

  it('ranks by skills matched (synonyms, accents, case), then shrunk rating, leaves out the opted-out, marks the unreachable', async () => {
    const h = harness();
    const manager = newPerson(h, 'TMGR', { locale: 'en-US', tz: 'Europe/Paris' });
    await createMission(h.db, { managerId: manager, freelancerId: newPerson(h, 'TFREE') });

    // Filler: 495 people; those with both skills are rated low (1–3), many with one skill only.
    const vocabulary = ['go', 'python', 'kubernetes', 'vue', 'java', 'figma', 'sql', 'rust'];
    const filler: ImportedProfile[] = [];
    for (let i = 0; i < 495; i += 1) {
      const skills = [vocabulary[i % vocabulary.length] ?? 'go'];
      if (i % 5 === 0) skills.push('TypeScript');
      if (i % 7 === 0) skills.push('react');
      const rating = i % 35 === 0 ? 1 + (i % 3) : i % 4 === 0 ? 4 : null;
      filler.push({
        userId: newUserId('POOL'),
        skills,
        ...(rating === null
          ? {}
          : { ratingSum: rating, ratingCount: 1, missionsDone: 1, wouldRehireCount: 1 }),
      });
    }
    await importProfiles(h.db, filler, h.clock.now());
    await rebuildReadModel(h.db);

    const star = await seedProfile(h, 'STAR', { skills: ['TypeScript', 'React'], ratings: [5, 5, 4] });
    const synonyms = await seedProfile(h, 'SYN', { skills: ['ts', 'react.js'], ratings: [5] });
    const accents = await seedProfile(h, 'ACC', { skills: ['TYPESCRIPT', 'Réact'] }); // unrated newcomer
    const optedOut = await seedProfile(h, 'OUT', {
      skills: ['typescript', 'react'],
      ratings: [5, 5, 5],
      optedOut: true,
    });
    const gone = await seedProfile(h, 'GONE', { skills: ['typescript', 'react'], ratings: [4] });
    await h.slack.sendEvent({ type: 'user_change', user: { id: gone, name: 'gone', deleted: true } });
    const answer = await eventually(async () => {
      const a = await talentAnswer(h, 'typescript react', manager);
      expect(a.all).toContain('Not reachable in Slack');
      return a;
    });
    const ids = resultIds(answer.blocks);
    // 1+1 of 2 skills: the star (3 ratings), the synonym one (one 5), the deactivated one (one 4),
    // the unrated newcomer at the pool mean, then the filler with both skills and low ratings.
    expect(ids.slice(0, 4)).toEqual([star, synonyms, gone, accents]);
    expect(ids).not.toContain(optedOut);
    expect(answer.all).toContain('people match *typescript, react*');
    expect(answer.all).toContain('Not reachable in Slack');
    expect(answer.all).toContain('*✓ ts*');
    expect(answer.all).toContain('*✓ Réact*');
    expect(answer.all).toContain('not rated yet');
    expect(answer.all).toContain('4.7 ★ (3 ratings)');
    expect(answer.all).toContain('Why here: 2/2 skills');

    // An admin sees the same list; someone who manages nothing is refused politely.
    h.standin.addUser({ id: ADMIN_ID, name: 'ada', locale: 'en-US', tz: 'Europe/Paris' });
    expect(resultIds((await talentAnswer(h, 'TS, REACT', ADMIN_ID)).blocks).slice(0, 4)).toEqual([
      star,
      synonyms,
      gone,
      accents,
    ]);
    const stranger = newPerson(h, 'STRANGE', { locale: 'en-US' });
    const refusal = await talentAnswer(h, 'typescript react', stranger);
    expect(refusal.text).toContain('The talent pool is for managers and talent admins');
  });
});
