// `/checkin pause [until YYYY-MM-DD]` and `/checkin resume`, for the caller's open missions as freelancer.
import { DateTime } from 'luxon';
import type { Deps } from '../../deps.js';
import type { Mission } from '../missions/model.js';
import { missionsOfFreelancer } from '../missions/repository.js';
import { restorePaused, setPausedUntil, skipScheduled } from './pause-repository.js';

/**
 * A pause without a date lasts until `/checkin resume`. It is stored as this far date rather than a
 * special value, so every reader of `pausedUntil` (the planner, the Home) keeps one rule: paused on
 * dates ≤ pausedUntil; null means not paused.
 */
export const UNTIL_FURTHER_NOTICE = '9999-12-31';

/** The instant a pause ends: the start of the day after `until`, in the mission's zone (null: never). */
export function pauseEnd(until: string, zone: string): Date | null {
  if (until === UNTIL_FURTHER_NOTICE) return null;
  return DateTime.fromISO(until, { zone }).plus({ days: 1 }).startOf('day').toJSDate();
}

export type PauseOutcome =
  | { kind: 'noMission' }
  | { kind: 'pastDate' }
  | { kind: 'paused'; until: string; missions: number; skipped: number };

export type ResumeOutcome =
  | { kind: 'noMission' }
  | { kind: 'notPaused' }
  | { kind: 'resumed'; missions: number; restored: number };

function openMissions(deps: Deps, userId: string): Promise<Mission[]> {
  return missionsOfFreelancer(deps.db, userId, { open: true, limit: 50 });
}

/**
 * Pauses check-ins until `until` (inclusive; null: until further notice). `today` is the caller's
 * local date: a pause cannot end in the past. Scheduled check-ins inside the pause are skipped;
 * ones a longer earlier pause skipped beyond the new end come back on schedule.
 */
export async function pauseCheckins(
  deps: Deps,
  userId: string,
  until: string | null,
  today: string,
): Promise<PauseOutcome> {
  const date = until ?? UNTIL_FURTHER_NOTICE;
  if (date < today) return { kind: 'pastDate' };
  const missions = await openMissions(deps, userId);
  if (missions.length === 0) return { kind: 'noMission' };
  const now = deps.clock.now();
  await setPausedUntil(
    deps.db,
    missions.map((m) => m._id),
    date,
    { at: now, by: userId, action: 'checkins.paused', details: `until ${date}` },
  );
  let skipped = 0;
  for (const m of missions) {
    const end = pauseEnd(date, m.checkin.timezone);
    skipped += await skipScheduled(deps.db, m._id, end);
    if (end) await restorePaused(deps.db, m._id, end > now ? end : now);
  }
  return { kind: 'paused', until: date, missions: missions.length, skipped };
}

/** Ends the pause: future check-ins skipped by it are scheduled again. */
export async function resumeCheckins(deps: Deps, userId: string): Promise<ResumeOutcome> {
  const missions = await openMissions(deps, userId);
  if (missions.length === 0) return { kind: 'noMission' };
  const now = deps.clock.now();
  let restored = 0;
  for (const m of missions) restored += await restorePaused(deps.db, m._id, now);
  const paused = missions.filter((m) => m.checkin.pausedUntil !== null);
  if (paused.length === 0 && restored === 0) return { kind: 'notPaused' };
  await setPausedUntil(
    deps.db,
    paused.map((m) => m._id),
    null,
    { at: now, by: userId, action: 'checkins.resumed' },
  );
  return { kind: 'resumed', missions: paused.length, restored };
}
