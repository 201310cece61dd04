// The benchmark pool of the talent search: 50,000 deterministic profiles over 120 skills (Zipf).
// Shared by bench/talent-search.ts (the figures) and bench/talent-breakdown.ts (where the time goes).
import type { ImportedProfile } from '../src/features/talent/rebuild.js';

export const PROFILES = 50_000;
export const NOW = new Date('2026-06-01T09:00:00Z');

// 120 skills, popularity falling off as 1/rank (Zipf): typescript and react are the most common.
const HEAD = [
  'typescript',
  'react',
  'javascript',
  'python',
  'node.js',
  'postgresql',
  'kubernetes',
  'go',
  'aws',
  'docker',
];
const SKILLS = [...HEAD, ...Array.from({ length: 110 }, (_, i) => `skill-${i}`)];

/** A deterministic pseudo-random generator (mulberry32), so every run seeds the same pool. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The 50,000 profiles, the same on every run. */
export function pool(): ImportedProfile[] {
  const r = rng(42);
  const weights = SKILLS.map((_, i) => 1 / (i + 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const pick = () => {
    let x = r() * sum;
    for (let i = 0; i < SKILLS.length; i += 1) {
      x -= weights[i] ?? 0;
      if (x <= 0) return SKILLS[i] ?? 'go';
    }
    return 'go';
  };
  return Array.from({ length: PROFILES }, (_, i) => {
    const skills = [...new Set(Array.from({ length: 3 + Math.floor(r() * 6) }, pick))];
    const missions = r() < 0.4 ? 1 + Math.floor(r() * 4) : 0;
    const rated = Math.floor(missions * r());
    const ratingSum = Array.from({ length: rated }, () => 2 + Math.floor(r() * 4)).reduce((a, b) => a + b, 0);
    const said = r() < 0.5 ? new Date(NOW.getTime() - Math.floor(r() * 200) * 86_400_000) : null;
    return {
      userId: `UBENCH${String(i).padStart(6, '0')}`,
      skills,
      missionsDone: missions,
      ratingSum,
      ratingCount: rated,
      wouldRehireCount: Math.floor(rated * r()),
      availabilitySaidAt: said,
      availableFrom: said ? '2026-07-01' : null,
      lastCollaborationAt: missions > 0 ? new Date('2026-03-15T16:00:00Z') : null,
      reachable: r() > 0.05,
      optedOut: r() < 0.03,
    };
  });
}
