import type { Types } from 'mongoose';
import { ConflictError } from '../../../errors.js';
import { closeWithHandover, findMission, type Mission, nextStatus } from '../../missions/index.js';
import type { OffboardingDeps } from '../deps.js';
import { NOTICE_JOB, type NoticeKind, noticeJobKey } from '../ids.js';
import type { Evaluation } from '../model.js';
import {
  countOpenItems,
  findOffboarding,
  itemsOfMission,
  markClosed,
  openOffboardings,
} from '../repository.js';
import { formsSettled, handoverCard } from '../rules.js';

/**
 * Queues a DM of the offboarding as a durable job and runs it at once: if Slack refuses it or the
 * process dies, the runner retries it; `dispatcher.sendForJob` never sends it twice.
 */
export async function queueNotice(deps: OffboardingDeps, missionId: string, kind: NoticeKind, runAt?: Date) {
  const key = noticeJobKey(missionId, kind);
  const now = deps.clock.now();
  await deps.scheduler.runner.enqueue({
    key,
    name: NOTICE_JOB,
    runAt: runAt ?? now,
    payload: { missionId, kind },
  });
  if (!runAt || runAt <= now) await deps.scheduler.runner.runNow(key);
}

/** What a close attempt found. */
export type CloseOutcome = 'closed' | 'notReady' | 'alreadyClosed';

/**
 * Closes the mission when its offboarding is settled: every handover item confirmed or waived,
 * the evaluation in, the feedback in or recorded as not given. The lifecycle guard decides
 * (`close` refuses an open handover whoever asks); the conditional status change is the gate, so
 * of two last clicks (or a click and the deadline job) only one closes, and `mission.closed` is
 * emitted once, by that one.
 */
export async function closeIfSettled(
  deps: OffboardingDeps,
  missionId: string,
  by: string,
): Promise<CloseOutcome> {
  const [mission, off, open] = await Promise.all([
    findMission(deps.db, missionId),
    findOffboarding(deps.db, missionId),
    countOpenItems(deps.db, missionId),
  ]);
  if (!mission || !off) return 'notReady';
  if (mission.status === 'completed') {
    // A closing whose notices were not queued (the process stopped in between) finishes here;
    // one whose event may not have gone is finished by `finishInterruptedClosings`.
    await queueClosedNotices(deps, missionId);
    return 'alreadyClosed';
  }
  if (mission.status !== 'offboarding') return 'notReady';
  try {
    nextStatus(mission.status, 'close', { openHandoverItems: open, offboardingSettled: formsSettled(off) });
  } catch (err) {
    if (err instanceof ConflictError) return 'notReady';
    throw err;
  }
  const items = await itemsOfMission(deps.db, missionId);
  const now = deps.clock.now();
  const closed = await closeWithHandover(
    deps.db,
    mission._id as Types.ObjectId,
    handoverCard(items, deps.config.defaultLocale),
    {
      at: now,
      by,
      action: 'close',
      details: off.feedbackState === 'notGiven' ? 'feedback not given' : undefined,
    },
  );
  if (!closed) return 'alreadyClosed';
  await finishClosing(deps, closed, off.evaluation);
  await queueClosedNotices(deps, missionId);
  return 'closed';
}

/**
 * After the status change: `mission.closed`, then the offboarding marked closed — in that order, so
 * that an offboarding still open on a completed mission means the event may not have gone, and
 * `finishInterruptedClosings` (a pass) emits it again: at least once, to subscribers that count a
 * mission once.
 */
async function finishClosing(deps: OffboardingDeps, mission: Mission, evaluation: Evaluation | null) {
  await announce(deps, mission, evaluation);
  await markClosed(deps.db, String(mission._id), deps.clock.now());
}

/** How long a completed mission's offboarding may stay open before its closing counts as interrupted. */
const INTERRUPTED_AFTER_MS = 2 * 60_000;

/**
 * The pass: closings a stopped process left half done (the mission completed more than two minutes
 * ago, its offboarding still open — a closing in flight is never taken for one): the event again
 * (its subscribers count a mission once), the offboarding closed, the notices queued.
 */
export async function finishInterruptedClosings(deps: OffboardingDeps): Promise<string | undefined> {
  let finished = 0;
  const before = deps.clock.now().getTime() - INTERRUPTED_AFTER_MS;
  for (const off of await openOffboardings(deps.db)) {
    const mission = await findMission(deps.db, off.missionId);
    if (mission?.status !== 'completed') continue;
    const closedAt = mission.history.findLast((e) => e.to === 'completed')?.at;
    if (!closedAt || closedAt.getTime() > before) continue;
    const full = await findOffboarding(deps.db, off.missionId);
    await finishClosing(deps, mission, full?.evaluation ?? null);
    await queueClosedNotices(deps, off.missionId);
    finished += 1;
  }
  return finished > 0 ? `offboarding: ${finished} interrupted closing(s) finished` : undefined;
}
async function announce(deps: OffboardingDeps, mission: Mission, evaluation: Evaluation | null) {
  await deps.events.emit('mission.closed', {
    missionId: String(mission._id),
    freelancerId: mission.freelancerId,
    managerId: mission.managerId,
    title: mission.title,
    skills: [...new Set([...mission.skills, ...(evaluation?.skills ?? [])])],
    closedAt: deps.clock.now(),
    rating: evaluation?.rating ?? null,
    wouldRehire: evaluation?.wouldRehire ?? null,
    privateNote: evaluation?.privateNote ? evaluation.privateNote : null,
    renewed: evaluation?.renewed ?? false,
    handover: mission.handover,
  });
  await deps.events.emit('mission.changed', {
    missionId: String(mission._id),
    userIds: [mission.freelancerId, mission.managerId],
    schedule: true,
  });
}

async function queueClosedNotices(deps: OffboardingDeps, missionId: string) {
  await queueNotice(deps, missionId, 'closedFreelancer');
  await queueNotice(deps, missionId, 'closedManager');
}
