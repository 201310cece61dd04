import { describe, expect, it } from 'vitest';
import { type RankFacts, rank, rankTop } from '../../src/features/talent/rules.js';
import { Prng } from '../support/fuzz-random.js';

const NOW = new Date('2026-06-01T09:00:00Z');

/** Candidates with many ties (the same rating, no rating, the same day said), as a real pool has. */
function candidates(seed: number, n: number) {
  const r = new Prng(seed);
  const out = new Map<string, { facts: RankFacts; matched: Set<string> }>();
  for (let i = 0; i < n; i += 1) {
    const userId = `U${Math.floor(r.next() * 1e9).toString(36)}${i % 3 === 0 ? 'a' : 'B'}`;
    const count = Math.floor(r.next() * 3);
    const facts: RankFacts = {
      userId,
      ratingSum: count * (1 + Math.floor(r.next() * 5)),
      ratingCount: count,
      wouldRehire: Math.floor(r.next() * (count + 1)),
      missionsDone: count,
      saidAt: r.next() < 0.5 ? 0 : NOW.getTime() - Math.floor(r.next() * 200) * 86_400_000,
    };
    const matched = new Set(['typescript', 'react', 'go'].filter(() => r.next() < 0.6));
    out.set(userId, { facts, matched });
  }
  return out;
}

describe('rankTop', () => {
  it('gives the first results of the full ranking, in the same order, for any page length', () => {
    for (const seed of [1, 2, 3]) {
      const pool = candidates(seed, 3_000);
      const full = rank(pool, 3.7, NOW);
      for (const limit of [1, 3, 10, 50, 200, 201, 5_000]) {
        const lists = [...pool.values()].map((c) => ({ facts: c.facts, matched: [...c.matched] }));
        expect(rankTop(lists, 3.7, NOW, limit)).toEqual(full.slice(0, limit));
      }
    }
  });
});
