import { isAdmin } from '../../../roles.js';
import { managesAnyMission } from '../../missions/index.js';
import type { TalentDeps } from '../deps.js';
import { PAGE_SIZE } from '../ids.js';
import type { TalentCard } from '../model.js';
import { cachedSkillFacts, readStamps } from '../read-cache.js';
import { cardsOf } from '../read-model.js';
import { poolMean, type Ranked, rankTop, SkillVocabulary } from '../rules.js';
import { candidatesOf } from './candidates.js';

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
 * Ranks the pool for some skills. Reads the stamps and pool totals (one document by `_id`), then
 * the read-model document of each skill spelling by `_id` unless the in-process cache holds it at
 * the same stamp (read-cache.ts); ranks in memory keeping only the page's top; then the page's cards
 * (their buckets by `_id`, through the same cache).
 */
export async function searchTalent(
  deps: Pick<TalentDeps, 'config' | 'db' | 'clock'>,
  rawSkills: readonly string[],
  opts: { page?: number; pageSize?: number; alumniOnly?: boolean; exclude?: readonly string[] } = {},
): Promise<TalentPage> {
  const vocab = vocabularyOf(deps);
  const query = [...new Set(rawSkills.map((s) => vocab.canonical(s)).filter(Boolean))].slice(0, 10);
  const spellingsOf = new Map(query.map((q) => [q, vocab.spellings(q)]));
  const stamps = await readStamps(deps.db);
  const lists = await cachedSkillFacts(deps.db, stamps, [...new Set([...spellingsOf.values()].flat())]);
  const candidates = candidatesOf(spellingsOf, lists, opts);
  const mean = poolMean(stamps);
  const pageSize = opts.pageSize ?? PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(candidates.length / pageSize));
  const page = Math.min(Math.max(0, opts.page ?? 0), pages - 1);
  const top = rankTop(candidates, mean, deps.clock.now(), (page + 1) * pageSize);
  const shown = top.slice(page * pageSize, (page + 1) * pageSize);
  const profiles = await cardsOf(
    deps.db,
    stamps,
    shown.map((r) => r.userId),
  );
  const hits = shown
    .map((r) => ({ ranked: r, profile: profiles.get(r.userId) }))
    .filter((h): h is TalentHit => h.profile !== undefined && !h.profile.optedOut);
  return { query, total: candidates.length, page, pages, hits, poolMean: mean };
}
