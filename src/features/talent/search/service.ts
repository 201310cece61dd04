import { isAdmin } from '../../../roles.js';
import { managesAnyMission } from '../../missions/index.js';
import type { TalentDeps } from '../deps.js';
import { PAGE_SIZE } from '../ids.js';
import type { TalentCard } from '../model.js';
import { cardsOf, poolTotals, skillEntries } from '../repository.js';
import {
  entryLines,
  poolMean,
  type Ranked,
  type RankFacts,
  rank,
  SkillVocabulary,
  unpackEntry,
} from '../rules.js';

/** One result of a search: its ranking and the profile shown. */
export interface TalentHit {
  ranked: Ranked;
  profile: TalentCard;
}

/** A page of results. */
export interface TalentPage {
  /** The canonical skills searched. */
  query: string[];
  total: number;
  page: number;
  pages: number;
  hits: TalentHit[];
  poolMean: number;
}

const vocabularies = new WeakMap<object, SkillVocabulary>();

/** The skill vocabulary of this configuration (built-in synonyms plus `SKILL_SYNONYMS`). */
export function vocabularyOf(deps: Pick<TalentDeps, 'config'>): SkillVocabulary {
  let v = vocabularies.get(deps.config);
  if (!v) {
    v = new SkillVocabulary(deps.config.skillSynonyms);
    vocabularies.set(deps.config, v);
  }
  return v;
}

/** Whether a user may search the pool and read private notes: a manager of any mission, or an admin. */
export async function isManagerOrAdmin(
  deps: Pick<TalentDeps, 'config' | 'db'>,
  userId: string,
): Promise<boolean> {
  return isAdmin(deps.config, userId) || (await managesAnyMission(deps.db, userId));
}

/**
 * Ranks the pool for some skills. Reads one read-model document by `_id` per skill spelling (and
 * the pool totals by `_id`), ranks in memory, then reads only the page's profiles by `userId`.
 */
export async function searchTalent(
  deps: Pick<TalentDeps, 'config' | 'db' | 'clock'>,
  rawSkills: readonly string[],
  opts: { page?: number; pageSize?: number; alumniOnly?: boolean; exclude?: readonly string[] } = {},
): Promise<TalentPage> {
  const vocab = vocabularyOf(deps);
  const query = [...new Set(rawSkills.map((s) => vocab.canonical(s)).filter(Boolean))].slice(0, 10);
  const spellingsOf = new Map(query.map((q) => [q, vocab.spellings(q)]));
  const [docs, totals] = await Promise.all([
    skillEntries(deps.db, [...new Set([...spellingsOf.values()].flat())]),
    poolTotals(deps.db),
  ]);
  const candidates = new Map<string, { facts: RankFacts; matched: Set<string> }>();
  const excluded = new Set(opts.exclude ?? []);
  for (const [q, spellings] of spellingsOf) {
    for (const s of spellings) {
      for (const [userId, packed] of entryLines(docs.get(s)?.entries ?? '')) {
        if (excluded.has(userId)) continue;
        let c = candidates.get(userId);
        if (!c) {
          c = { facts: unpackEntry(userId, packed), matched: new Set() };
          if (opts.alumniOnly && c.facts.missionsDone < 1) continue;
          candidates.set(userId, c);
        }
        c.matched.add(q);
      }
    }
  }
  const mean = poolMean(totals);
  const ranked = rank(candidates, mean, deps.clock.now());
  const pageSize = opts.pageSize ?? PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(ranked.length / pageSize));
  const page = Math.min(Math.max(0, opts.page ?? 0), pages - 1);
  const shown = ranked.slice(page * pageSize, (page + 1) * pageSize);
  const profiles = await cardsOf(
    deps.db,
    shown.map((r) => r.userId),
  );
  const hits = shown
    .map((r) => ({ ranked: r, profile: profiles.get(r.userId) }))
    .filter((h): h is TalentHit => h.profile !== undefined && !h.profile.optedOut);
  return { query, total: ranked.length, page, pages, hits, poolMean: mean };
}
