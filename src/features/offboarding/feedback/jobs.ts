import type { JobContext } from '../../../scheduler/runner.js';
import { readerOf } from '../../../slack/reader.js';
import { planDigest } from '../../reminders/index.js';
import type { OffboardingDeps } from '../deps.js';
import { setOffboardingRemindAt } from '../reminders/repository.js';
import { findOffboarding } from '../repository.js';

/**
 * The per-mission feedback reminder of earlier versions: the offboarding's owed forms get their
 * reminder time (now) and join the people's digests; nothing is sent from here.
 */
export async function planLegacyFeedbackReminder(
  deps: OffboardingDeps,
  payload: Record<string, unknown>,
  ctx: Pick<JobContext, 'now'>,
): Promise<undefined> {
  const off = await findOffboarding(deps.db, typeof payload.missionId === 'string' ? payload.missionId : '');
  if (!off || off.closed) return undefined;
  await setOffboardingRemindAt(deps.db, off.missionId, ctx.now);
  for (const userId of [off.freelancerId, off.managerId]) {
    const { zone } = await readerOf(deps, userId);
    await planDigest(deps, userId, off.remindAt ?? ctx.now, zone, ctx.now);
  }
  return undefined;
}
