// `/checkin pause [until YYYY-MM-DD]` and `/checkin resume`, for the caller's open missions as freelancer.

import { type Mission, missionsOfFreelancer, setCheckinPause } from '../../missions/index.js';
import type { CheckinsDeps } from '../deps.js';
import { restorePaused, skipScheduled } from './repository.js';
import { pauseEnd, UNTIL_FURTHER_NOTICE } from './rules.js';

export type PauseOutcome =
  | { kind: 'noMission' }
  | { kind: 'pastDate' }
  | { kind: 'paused'; until: string; missions: number; skipped: number };

export type ResumeOutcome =
  | { kind: 'noMission' }
  | { kind: 'notPaused' }
  | { kind: 'resumed'; missions: number; restored: number };

function openMissions(deps: CheckinsDeps, userId: string): Promise<Mission[]> {
  return missionsOfFreelancer(deps.db, userId, { open: true, limit: 50 });
}

/**
 * Pauses check-ins until `until` (inclusive; null: until further notice). `today` is the caller's
 * local date: a pause cannot end in the past. Scheduled check-ins inside the pause are skipped;
 * ones a longer earlier pause skipped beyond the new end come back on schedule.
 */
export async function pauseCheckins(
  deps: CheckinsDeps,
  userId: string,
  until: string | null,
  today: string,
): Promise<PauseOutcome> {
  const date = until ?? UNTIL_FURTHER_NOTICE;
  if (date < today) return { kind: 'pastDate' };
  const missions = await openMissions(deps, userId);
  if (missions.length === 0) return { kind: 'noMission' };
  const now = deps.clock.now();
  await setCheckinPause(
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
export async function resumeCheckins(deps: CheckinsDeps, userId: string): Promise<ResumeOutcome> {
  const missions = await openMissions(deps, userId);
  if (missions.length === 0) return { kind: 'noMission' };
  const now = deps.clock.now();
  let restored = 0;
  for (const m of missions) restored += await restorePaused(deps.db, m._id, now);
  const paused = missions.filter((m) => m.checkin.pausedUntil !== null);
  if (paused.length === 0 && restored === 0) return { kind: 'notPaused' };
  await setCheckinPause(
    deps.db,
    paused.map((m) => m._id),
    null,
    { at: now, by: userId, action: 'checkins.resumed' },
  );
  return { kind: 'resumed', missions: paused.length, restored };
}
