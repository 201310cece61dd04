import type { ListedMission } from '../../missions/index.js';

/** What `/mission-end [text]` found for the caller, and so what it answers. */
export type EndSearch =
  | { kind: 'found'; missions: ListedMission[] }
  /** Nothing in onboarding or active: in the workspace (an admin), or among the caller's missions. */
  | { kind: 'noneOpen'; scope: Scope }
  /** Open missions there are, but every one is in offboarding already. */
  | { kind: 'allOffboarding'; scope: Scope }
  /** The text names only missions already in offboarding. */
  | { kind: 'alreadyOffboarding'; titles: string[] }
  /** The text names an open mission someone else manages (the caller is no admin). */
  | { kind: 'notYours' }
  | { kind: 'noMatch' }
  /** The id given is a completed or cancelled mission. */
  | { kind: 'closed'; title: string };

/** Whose missions a search looked at: the whole workspace's (an admin) or the caller's. */
export type Scope = 'workspace' | 'yours';

/** A title as compared: lower case, without accents or repeated spaces. */
export function comparable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The missions whose title contains the text; when some have exactly that title, only those
 * (`/mission-end Mission Delta` ends Mission Delta, not also Mission Delta 2).
 */
export function matching<T extends Pick<ListedMission, 'title'>>(missions: readonly T[], text: string): T[] {
  const needle = comparable(text);
  const found = missions.filter((m) => comparable(m.title).includes(needle));
  const exact = found.filter((m) => comparable(m.title) === needle);
  return exact.length > 0 ? exact : found;
}

/** What the caller may see of a workspace's missions, sorted by end date. */
export interface EndCandidates {
  scope: Scope;
  /** In onboarding or active: what may be ended. */
  endable: ListedMission[];
  /** Already in offboarding. */
  offboarding: ListedMission[];
}

/** The search over what the caller may end (no others' missions: see `notYours` in the service). */
export function searchEndable(c: EndCandidates, text: string): EndSearch {
  if (!text) {
    if (c.endable.length > 0) return { kind: 'found', missions: c.endable };
    return { kind: c.offboarding.length > 0 ? 'allOffboarding' : 'noneOpen', scope: c.scope };
  }
  const found = matching(c.endable, text);
  if (found.length > 0) return { kind: 'found', missions: found };
  const started = matching(c.offboarding, text);
  if (started.length > 0) return { kind: 'alreadyOffboarding', titles: started.map((m) => m.title) };
  return { kind: 'noMatch' };
}
