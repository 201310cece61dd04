import { translator } from '../../../i18n/index.js';
import type { JobContext } from '../../../scheduler/runner.js';
import { readerOf } from '../../../slack/reader.js';
import { findMission } from '../../missions/index.js';
import type { OffboardingDeps } from '../deps.js';
import { handoverMessage } from '../handover/views.js';
import { type NoticeKind, noticeKinds } from '../ids.js';
import { queueOffboardingRefresh, rememberOffboardingMessage } from '../messages/service.js';
import { findOffboarding, itemsOfMission, markFeedbackNotGiven } from '../repository.js';
import { closeIfSettled } from './service.js';
import { closedFreelancerMessage, closedManagerMessage } from './views.js';

/**
 * One DM of an offboarding (its start checklist to each side, the closing notes), built from the
 * stored state when the job runs and sent once through the dispatcher. Answers to a person's own
 * click are not here: they go at once through the gateway.
 */
export async function sendNotice(
  deps: OffboardingDeps,
  payload: Record<string, unknown>,
  ctx: Pick<JobContext, 'key'>,
): Promise<undefined> {
  const missionId = typeof payload.missionId === 'string' ? payload.missionId : '';
  const kind = noticeKinds.find((k) => k === payload.kind) as NoticeKind | undefined;
  const [mission, off] = await Promise.all([
    findMission(deps.db, missionId),
    findOffboarding(deps.db, missionId),
  ]);
  if (!mission || !off || !kind) return;
  const to =
    kind === 'startFreelancer' || kind === 'closedFreelancer' ? mission.freelancerId : mission.managerId;
  const reader = await readerOf(deps, to);
  const tr = translator(reader.locale);
  const items = await itemsOfMission(deps.db, missionId);
  const side = kind === 'startFreelancer' ? 'freelancer' : kind === 'startManager' ? 'manager' : null;
  const message = side
    ? handoverMessage(mission, items, side, reader, off)
    : kind === 'closedFreelancer'
      ? closedFreelancerMessage(tr, mission, off)
      : closedManagerMessage(tr, mission, items, off, reader);
  const sent = await deps.dispatcher.sendForJob(
    ctx.key,
    { to, message },
    { signal: deps.scheduler.stopSignal },
  );
  // The handover checklists follow every change of the offboarding (the closing notes do not change).
  if (side) await rememberOffboardingMessage(deps, missionId, 'handover', to, side, sent, message);
  return undefined;
}

/** Seven days after the start: a feedback still missing is recorded as not given, and the mission closes if the rest is in. */
export async function closeAtDeadline(
  deps: OffboardingDeps,
  payload: Record<string, unknown>,
): Promise<undefined> {
  const missionId = typeof payload.missionId === 'string' ? payload.missionId : '';
  await markFeedbackNotGiven(deps.db, missionId);
  // The feedback buttons say it is too late now, whether or not the mission can close yet.
  await queueOffboardingRefresh(deps, missionId);
  await closeIfSettled(deps, missionId, 'deadline');
  return undefined;
}
