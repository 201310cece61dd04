// Pure rules of the talent pool: skill matching (case, accents, synonyms), the ranking, who may read what.

/** Built-in synonyms: alias → skill (both normalized). Admins add more with `SKILL_SYNONYMS`. */
export const BUILTIN_SYNONYMS: Readonly<Record<string, string>> = {
  js: 'javascript',
  ecmascript: 'javascript',
  ts: 'typescript',
  k8s: 'kubernetes',
  kube: 'kubernetes',
  py: 'python',
  pg: 'postgresql',
  postgres: 'postgresql',
  'react.js': 'react',
  reactjs: 'react',
  node: 'node.js',
  nodejs: 'node.js',
  'vue.js': 'vue',
  vuejs: 'vue',
  golang: 'go',
  tf: 'terraform',
  gcp: 'google cloud',
  'c sharp': 'c#',
  csharp: 'c#',
};

/** A skill as typed → its comparable form: lower case, no accents, single spaces. */
export function normalizeSkill(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60);
}

/**
 * The skills a profile shows, wherever it is shown (`/talent`, the profile modal, the Home): the
 * ones the freelancer gave, then the ones their missions showed, each once whatever its spelling.
 */
export function shownSkills(p: { skills: readonly string[]; missionSkills: readonly string[] }): string[] {
  const seen = new Set<string>();
  return [...p.skills, ...p.missionSkills].filter((s) => {
    const key = normalizeSkill(s);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The synonym table in use: built-in plus the configured pairs, all normalized. */
export class SkillVocabulary {
  private readonly canonicalOf = new Map<string, string>();
  private readonly groups = new Map<string, Set<string>>();

  constructor(extra: Readonly<Record<string, string>> = {}) {
    for (const [alias, skill] of Object.entries({ ...BUILTIN_SYNONYMS, ...extra })) {
      const a = normalizeSkill(alias);
      const s = normalizeSkill(skill);
      if (!a || !s || a === s) continue;
      this.canonicalOf.set(a, s);
    }
    for (const [a, s] of this.canonicalOf) {
      const group = this.groups.get(s) ?? new Set([s]);
      group.add(a);
      this.groups.set(s, group);
    }
  }

  /** The canonical skill of a typed one (`JS` → `javascript`, `Réact.js` → `react`). */
  canonical(raw: string): string {
    const n = normalizeSkill(raw);
    return this.canonicalOf.get(n) ?? n;
  }

  /** Every normalized spelling the read model may hold for a canonical skill (itself and its aliases). */
  spellings(canonical: string): string[] {
    return [...(this.groups.get(canonical) ?? [canonical])];
  }
}

/** Splits a list of skills as typed (commas, semicolons, new lines; spaces too for a command). */
export function splitSkills(text: string, bySpaces = false): string[] {
  const parts = text.split(bySpaces ? /[,;\n\s]+/ : /[,;\n]+/);
  return [...new Set(parts.map((p) => p.trim()).filter(Boolean))].slice(0, 30);
}

/** Availability said longer ago than this is shown (and ranked) as unknown. */
export const AVAILABILITY_FRESH_DAYS = 90;
/** The prior weight m of the shrunk rating (docs/flows.md, "Talent pool"). */
export const PRIOR_WEIGHT = 2;
/** The pool mean used while the pool has no rating at all. */
export const DEFAULT_PRIOR = 3.5;

/** What the ranking needs of a profile: packed into the read model, one short string a skill. */
export interface RankFacts {
  userId: string;
  ratingSum: number;
  ratingCount: number;
  wouldRehire: number;
  missionsDone: number;
  /** ms since epoch, 0 when never said. */
  saidAt: number;
}

/** (sum + m·C) / (count + m): a rating shrunk toward the pool mean C with prior weight m. */
export function shrunkRating(sum: number, count: number, poolMean: number, m = PRIOR_WEIGHT): number {
  return (sum + m * poolMean) / (count + m);
}

/** The pool mean C from its totals. */
export function poolMean(totals: { ratingSum: number; ratingCount: number } | null): number {
  return totals && totals.ratingCount > 0 ? totals.ratingSum / totals.ratingCount : DEFAULT_PRIOR;
}

/** Whether availability said at `saidAt` is still worth showing at `now`. */
export function isFresh(saidAt: Date | number | null, now: Date): boolean {
  if (saidAt === null) return false;
  const at = typeof saidAt === 'number' ? saidAt : saidAt.getTime();
  return at > 0 && now.getTime() - at <= AVAILABILITY_FRESH_DAYS * 86_400_000;
}

/** One ranked result: the facts plus what the "why it ranks here" line says. */
export interface Ranked extends RankFacts {
  matched: string[];
  shrunk: number;
  fresh: boolean;
}

/** Same order as `String.prototype.localeCompare`, without building a collator on every call. */
const userIdOrder = new Intl.Collator().compare;

/** The ranking order of two results (docs/flows.md, "Talent pool"): see `rank`. */
export function compareRanked(a: Ranked, b: Ranked): number {
  return (
    b.matched.length - a.matched.length ||
    b.shrunk - a.shrunk ||
    b.wouldRehire - a.wouldRehire ||
    (b.fresh ? b.saidAt : 0) - (a.fresh ? a.saidAt : 0) ||
    userIdOrder(a.userId, b.userId)
  );
}

function rankedOf(facts: RankFacts, matched: Iterable<string>, mean: number, now: Date): Ranked {
  return {
    ...facts,
    matched: [...matched],
    shrunk: shrunkRating(facts.ratingSum, facts.ratingCount, mean),
    fresh: isFresh(facts.saidAt, now),
  };
}

/**
 * Ranks candidates: most query skills matched, then the shrunk rating, then would-rehire, then the
 * freshest availability (unknown after 90 days), then the user id (a stable order).
 */
export function rank(
  candidates: ReadonlyMap<string, { facts: RankFacts; matched: Set<string> }>,
  mean: number,
  now: Date,
): Ranked[] {
  const rows: Ranked[] = [];
  for (const { facts, matched } of candidates.values()) rows.push(rankedOf(facts, matched, mean, now));
  return rows.sort(compareRanked);
}

/** Up to this many results, `rankTop` keeps them in a sorted list; beyond, it sorts everything. */
const RANK_TOP_MAX = 200;

/**
 * The first `limit` results of `rank` (the same order), without sorting the whole list: one pass
 * keeping the best `limit` in order. A page of 10 among 40,000 candidates is one comparison each
 * for almost all of them (measured: a full sort of 39,000 took ~220 ms, this a few ms).
 */
export function rankTop(
  candidates: Iterable<{ facts: RankFacts; matched: readonly string[] }>,
  mean: number,
  now: Date,
  limit: number,
): Ranked[] {
  const top: Ranked[] = [];
  if (limit <= 0) return top;
  // A deep page: inserting into a long list costs more than one sort.
  if (limit > RANK_TOP_MAX) {
    for (const { facts, matched } of candidates) top.push(rankedOf(facts, matched, mean, now));
    return top.sort(compareRanked).slice(0, limit);
  }
  for (const { facts, matched } of candidates) {
    const worst = top[top.length - 1];
    // Most candidates lose to the current last on skills matched or rating: drop them before
    // building their result (measured: building every one cost ~80 ms for 39,000).
    if (top.length >= limit && worst) {
      if (matched.length < worst.matched.length) continue;
      if (
        matched.length === worst.matched.length &&
        shrunkRating(facts.ratingSum, facts.ratingCount, mean) < worst.shrunk
      )
        continue;
    }
    const row = rankedOf(facts, matched, mean, now);
    if (top.length >= limit && worst && compareRanked(row, worst) >= 0) continue;
    let at = top.length;
    while (at > 0 && compareRanked(row, top[at - 1] as Ranked) < 0) at -= 1;
    top.splice(at, 0, row);
    if (top.length > limit) top.pop();
  }
  return top;
}

/** Who may read private notes and evaluations: managers and admins, never the freelancer about themselves. */
export function maySeePrivate(
  viewer: { userId: string; isManagerOrAdmin: boolean },
  subjectId: string,
): boolean {
  return viewer.isManagerOrAdmin && viewer.userId !== subjectId;
}
