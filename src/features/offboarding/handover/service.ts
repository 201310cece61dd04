import { Types } from 'mongoose';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../errors.js';
import { findMission, type Mission } from '../../missions/index.js';
import { closeIfSettled } from '../closing/service.js';
import type { OffboardingDeps } from '../deps.js';
import { rememberOffboardingMessage } from '../messages/service.js';
import type { HandoverItemDoc } from '../model.js';
import { findItem, settleItem } from '../repository.js';
import { mayConfirm, mayRunOffboarding } from '../rules.js';

/** An item and its mission, while its offboarding runs. */
async function itemInOffboarding(
  deps: OffboardingDeps,
  itemId: string,
): Promise<{ item: HandoverItemDoc; mission: Mission }> {
  const item = await findItem(deps.db, itemId);
  const mission = item ? await findMission(deps.db, item.missionId) : null;
  if (!item || !mission) throw new NotFoundError(`item ${itemId} not found`, 'offboarding.error.notFound');
  if (mission.status !== 'offboarding')
    throw new ConflictError('not offboarding', 'offboarding.error.notOpen');
  return { item, mission };
}

/** The item its owner is about to confirm (refuses anyone else, and a settled item). */
export async function itemToConfirm(deps: OffboardingDeps, userId: string, itemId: string) {
  const found = await itemInOffboarding(deps, itemId);
  if (!mayConfirm(userId, found.item))
    throw new ForbiddenError('not the owner', 'offboarding.error.notOwner');
  if (!found.item.open) throw new ConflictError('settled', 'offboarding.error.settled');
  return found;
}

/** The item the manager (or an admin) is about to waive. */
export async function itemToWaive(deps: OffboardingDeps, userId: string, itemId: string) {
  const found = await itemInOffboarding(deps, itemId);
  if (!mayRunOffboarding(userId, found.mission, deps.config.adminUserIds))
    throw new ForbiddenError('not the manager', 'offboarding.error.waiveForbidden');
  if (!found.item.open) throw new ConflictError('settled', 'offboarding.error.settled');
  return found;
}

/** Where to redraw the clicker's copy of the checklist, when the click came from one. */
export interface MessageToRedraw {
  channel: string;
  ts: string;
}

/**
 * Confirms (owner) or waives (manager, with a reason) an item with a conditional update, redraws
 * the clicker's checklist, refreshes the Homes, and closes the mission if it was the last thing
 * missing. Returns whether the mission closed.
 */
export async function settle(
  deps: OffboardingDeps,
  userId: string,
  itemId: string,
  change: { state: 'confirmed'; links?: string[] } | { state: 'waived'; reason: string },
  redraw?: MessageToRedraw,
): Promise<boolean> {
  const { item, mission } =
    change.state === 'confirmed'
      ? await itemToConfirm(deps, userId, itemId)
      : await itemToWaive(deps, userId, itemId);
  if (change.state === 'confirmed' && item.takesLinks && (change.links ?? []).length === 0)
    throw new ConflictError('links needed', 'offboarding.error.links');
  const settled = await settleItem(deps.db, new Types.ObjectId(itemId), {
    ...change,
    by: userId,
    at: deps.clock.now(),
  });
  if (!settled) throw new ConflictError('settled', 'offboarding.error.settled');
  if (redraw) {
    // The clicker's copy is rewritten with the other's by the refresh the event below queues; a
    // copy posted before messages were remembered is adopted here.
    const side = userId === mission.freelancerId ? 'freelancer' : 'manager';
    const sent = { status: 'sent' as const, ref: redraw };
    await rememberOffboardingMessage(deps, item.missionId, 'handover', userId, side, sent, null);
  }
  await deps.events.emit('mission.changed', {
    missionId: item.missionId,
    userIds: [mission.freelancerId, mission.managerId],
  });
  return (await closeIfSettled(deps, item.missionId, userId)) === 'closed';
}
