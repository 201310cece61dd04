import { ConflictError, ForbiddenError, NotFoundError } from '../../../errors.js';
import { findMission, type Mission } from '../../missions/index.js';
import { closeIfSettled } from '../closing/service.js';
import type { OffboardingDeps } from '../deps.js';
import type { FeedbackForm } from '../input.js';
import { findOffboarding, storeFeedback } from '../repository.js';

/** The mission whose feedback the user is about to give: only its freelancer, while it is pending. */
export async function feedbackToGive(
  deps: OffboardingDeps,
  userId: string,
  missionId: string,
): Promise<Mission> {
  const [mission, off] = await Promise.all([
    findMission(deps.db, missionId),
    findOffboarding(deps.db, missionId),
  ]);
  if (!mission || !off)
    throw new NotFoundError(`offboarding ${missionId} not found`, 'offboarding.error.notFound');
  if (userId !== mission.freelancerId)
    throw new ForbiddenError('not the freelancer', 'offboarding.error.feedbackForbidden');
  if (off.closed || off.feedbackState !== 'pending')
    throw new ConflictError('feedback done', 'offboarding.error.feedbackDone');
  return mission;
}

/** Stores the freelancer's feedback once, then closes the mission if it was the last thing missing. */
export async function giveFeedback(
  deps: OffboardingDeps,
  userId: string,
  missionId: string,
  form: FeedbackForm,
) {
  const mission = await feedbackToGive(deps, userId, missionId);
  const stored = await storeFeedback(deps.db, missionId, { ...form, at: deps.clock.now() });
  if (!stored) throw new ConflictError('feedback done', 'offboarding.error.feedbackDone');
  await deps.events.emit('mission.changed', {
    missionId,
    userIds: [mission.freelancerId, mission.managerId],
  });
  await closeIfSettled(deps, missionId, userId);
}
