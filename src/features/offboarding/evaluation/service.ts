import { ConflictError, ForbiddenError, NotFoundError } from '../../../errors.js';
import { translator } from '../../../i18n/index.js';
import { slackErrorCode } from '../../../slack/errors.js';
import { findMission, type Mission } from '../../missions/index.js';
import { closeIfSettled } from '../closing/service.js';
import { renewalMessage } from '../closing/views.js';
import type { OffboardingDeps } from '../deps.js';
import type { EvaluationForm } from '../input.js';
import { rememberOffboardingMessage } from '../messages/service.js';
import { findOffboarding, storeEvaluation } from '../repository.js';
import { mayRunOffboarding } from '../rules.js';

/** The mission the user is about to evaluate: its manager or an admin, once, while offboarding runs. */
export async function evaluationToGive(
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
  if (!mayRunOffboarding(userId, mission, deps.config.adminUserIds) || userId === mission.freelancerId)
    throw new ForbiddenError('not the manager', 'offboarding.error.evaluationForbidden');
  if (off.closed || off.evaluationGiven)
    throw new ConflictError('evaluation done', 'offboarding.error.evaluationDone');
  return mission;
}

/**
 * Stores the evaluation once; "renewed" → the manager gets the button that opens the prefilled
 * follow-up mission (see `renewalMessage` for why a button). Then closes if it was the last thing missing.
 */
export async function giveEvaluation(
  deps: OffboardingDeps,
  userId: string,
  missionId: string,
  form: EvaluationForm,
) {
  const mission = await evaluationToGive(deps, userId, missionId);
  const stored = await storeEvaluation(deps.db, missionId, { ...form, by: userId, at: deps.clock.now() });
  if (!stored) throw new ConflictError('evaluation done', 'offboarding.error.evaluationDone');
  const tr = translator(await deps.users.localeOf(userId, deps.config.defaultLocale));
  try {
    await deps.gateway.sendDm(userId, { text: tr('offboarding.evaluation.thanks') });
    if (form.renewed) {
      const message = renewalMessage(tr, mission);
      const ref = await deps.gateway.sendDm(userId, message);
      await rememberOffboardingMessage(
        deps,
        missionId,
        'renewal',
        userId,
        '',
        { status: 'sent', ref },
        message,
      );
    }
  } catch (err) {
    deps.logger.warn('could not confirm an evaluation', { missionId, error: slackErrorCode(err) });
  }
  await deps.events.emit('mission.changed', {
    missionId,
    userIds: [mission.freelancerId, mission.managerId],
  });
  await closeIfSettled(deps, missionId, userId);
}
