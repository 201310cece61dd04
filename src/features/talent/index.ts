import type { Connection } from 'mongoose';
import type { Feature } from '../feature.js';
import type { TalentDeps } from './deps.js';
import { onMissionClosed } from './jobs.js';
import { eraseTalentData, talentExport } from './personal-data/repository.js';
import { registerProfileListeners } from './profile/listeners.js';
import { followSlackAccount, storeAvailability } from './profile/service.js';
import { alumni, findProfile, joinedSince, type StoredProfile } from './repository.js';
import { shownSkills } from './rules.js';
import { registerTalentSearch } from './search/listeners.js';
import { searchTalent } from './search/service.js';

export type { TalentDeps } from './deps.js';
export { homeProfileSection } from './profile/service.js';
export { isManagerOrAdmin } from './search/service.js';

/** What other features read of a freelancer's place in the pool (no private field). */
export interface TalentSummary {
  userId: string;
  optedOut: boolean;
  reachable: boolean;
  contactEmail: string | null;
  skills: string[];
  availableFrom: string | null;
  availabilitySaidAt: Date | null;
  missionsDone: number;
  lastCollaborationAt: Date | null;
  optedInAt: Date | null;
}

function summaryOf(p: StoredProfile): TalentSummary {
  return {
    userId: p.userId,
    optedOut: p.optedOut,
    reachable: p.reachable,
    contactEmail: p.contactEmail,
    skills: shownSkills(p),
    availableFrom: p.availableFrom,
    availabilitySaidAt: p.availabilitySaidAt ? new Date(p.availabilitySaidAt) : null,
    missionsDone: p.missionsDone,
    lastCollaborationAt: p.lastCollaborationAt ? new Date(p.lastCollaborationAt) : null,
    optedInAt: p.optedInAt ? new Date(p.optedInAt) : null,
  };
}

/** A freelancer's summary, or null when they have no profile. */
export async function talentSummaryOf(conn: Connection, userId: string): Promise<TalentSummary | null> {
  const p = await findProfile(conn, userId);
  return p ? summaryOf(p) : null;
}

/** Every alumnus: at least one mission done, not opted out. */
export async function* eachAlumnus(conn: Connection): AsyncIterable<TalentSummary> {
  for await (const p of alumni(conn)) yield summaryOf(p);
}

/** Stores an availability answer (a date, or null for "not now") and refreshes the search read model. */
export async function recordAvailability(
  conn: Connection,
  userId: string,
  a: { availableFrom: string | null; saidAt: Date },
): Promise<void> {
  await storeAvailability({ db: conn }, userId, a);
}

/** Who entered the pool (profile created or opt-out lifted) since `since` and is still in it. */
export async function newPoolMembers(conn: Connection, since: Date): Promise<TalentSummary[]> {
  return (await joinedSince(conn, since)).map(summaryOf);
}

/** An alumnus the mission modal suggests. */
export interface AlumnusSuggestion {
  userId: string;
  matched: string[];
  ratingAvg: number | null;
  ratingCount: number;
  missionsDone: number;
}

/**
 * Up to `limit` alumni (a mission done, not opted out) matching the skills, in /talent's order: what
 * missions' modal shows (handed over by features/index.ts as missions' `alumni` port).
 */
export async function suggestAlumni(
  deps: Pick<TalentDeps, 'config' | 'db' | 'clock'>,
  skills: readonly string[],
  limit = 3,
  exclude: readonly string[] = [],
): Promise<AlumnusSuggestion[]> {
  const page = await searchTalent(deps, skills, { pageSize: limit, alumniOnly: true, exclude });
  return page.hits.map(({ ranked, profile }) => ({
    userId: profile.userId,
    matched: ranked.matched,
    ratingAvg: profile.ratingCount > 0 ? profile.ratingSum / profile.ratingCount : null,
    ratingCount: profile.ratingCount,
    missionsDone: profile.missionsDone,
  }));
}

/** The talent pool: `/talent`, profiles (Home, modal), availability, Slack account state (on `user.changed`), closed missions. */
export function createTalentFeature(deps: TalentDeps): Feature {
  return {
    name: 'talent',
    listeners(app) {
      registerTalentSearch(app, deps);
      registerProfileListeners(app, deps);
    },
    subscriptions(events) {
      events.on('mission.closed', (e) => onMissionClosed(deps, e));
      // Slack account state, from the one user_change listener (missions).
      events.on('user.changed', (e) => followSlackAccount(deps, e));
    },
    // The profile, with the evaluations and notes about them (disclosed on a data-access request).
    personalData: {
      export: (userId) => talentExport(deps.db, userId),
      erase: (userId, subject) => eraseTalentData(deps.db, userId, subject),
    },
  };
}
