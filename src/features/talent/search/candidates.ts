import type { SkillFacts } from '../read-cache.js';
import type { RankFacts } from '../rules.js';

/** A profile listed under at least one query skill, with the query skills it matches (in query order). */
export interface Candidate {
  facts: RankFacts;
  matched: string[];
}

interface Memo {
  lists: readonly (SkillFacts | undefined)[];
  candidates: readonly Candidate[];
}

/** The last merges, by query: reused while the cache hands back the very same parsed lists. */
const memos = new Map<string, Memo>();
// A merge of the two most common skills is ~50,000 small objects (a few MB): keep a handful.
const MEMO_SIZE = 8;

/**
 * Merges the read-model lists of the query's skills (each with its spellings) into candidates, the
 * excluded and (for suggestions) the non-alumni left out. The parsed lists are immutable values of
 * read-cache.ts: while it returns the same arrays, the merge is the same, so it is kept (merging the
 * two most common skills walks ~50,000 lines).
 */
export function candidatesOf(
  spellingsOf: ReadonlyMap<string, readonly string[]>,
  lists: ReadonlyMap<string, SkillFacts>,
  opts: { alumniOnly?: boolean; exclude?: readonly string[] },
): readonly Candidate[] {
  const key = JSON.stringify([[...spellingsOf], opts.alumniOnly === true, [...(opts.exclude ?? [])].sort()]);
  const inputs = [...spellingsOf.values()].flat().map((s) => lists.get(s));
  const memo = memos.get(key);
  if (memo && memo.lists.length === inputs.length && memo.lists.every((l, i) => l === inputs[i])) {
    return memo.candidates;
  }
  const byUser = new Map<string, Candidate>();
  const excluded = new Set(opts.exclude ?? []);
  for (const [q, spellings] of spellingsOf) {
    for (const s of spellings) {
      for (const facts of lists.get(s) ?? []) {
        if (excluded.has(facts.userId)) continue;
        if (opts.alumniOnly && facts.missionsDone < 1) continue;
        let c = byUser.get(facts.userId);
        if (!c) {
          c = { facts, matched: [] };
          byUser.set(facts.userId, c);
        }
        if (!c.matched.includes(q)) c.matched.push(q);
      }
    }
  }
  const candidates = [...byUser.values()];
  memos.delete(key);
  memos.set(key, { lists: inputs, candidates });
  if (memos.size > MEMO_SIZE) memos.delete(memos.keys().next().value as string);
  return candidates;
}
