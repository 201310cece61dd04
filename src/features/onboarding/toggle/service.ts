import type { MessageKey } from '../../../i18n/index.js';
import { slackErrorCode } from '../../../slack/errors.js';
import { changeStatus, findMission, isOpen, type Mission, nextStatus } from '../../missions/index.js';
import { checklistReaderOf } from '../checklist/service.js';
import type { OnboardingDeps } from '../deps.js';
import { queueOnboardingRefresh } from '../messages/service.js';
import { countOpenItems, findItem, setItemDone } from '../repository.js';
import { daysSinceStart, mayToggle, sideUserId } from '../rules.js';
import { completionMessage } from './views.js';

/** What a click on an item did. */
export type ToggleOutcome =
  | { kind: 'refused'; reason: MessageKey }
  | { kind: 'unchanged' }
  | { kind: 'changed'; done: boolean; completed: boolean };

/** A click on an item's button. `shown` is the state the clicker saw, when the surface says it. */
export interface ToggleInput {
  itemId: string;
  userId: string;
  shown?: 'open' | 'done';
}

/**
 * Flips an item (done ↔ open) with a conditional update, has both checklist messages rewritten, and
 * completes the onboarding when it was the last open item. A replayed click finds nothing to flip.
 */
export async function toggleItem(deps: OnboardingDeps, input: ToggleInput): Promise<ToggleOutcome> {
  const item = await findItem(deps.db, input.itemId);
  const mission = item ? await findMission(deps.db, item.missionId.toString()) : null;
  if (!item || !mission) return { kind: 'refused', reason: 'onboarding.toggle.notFound' };
  if (!mayToggle(input.userId, item, mission, deps.config.adminUserIds)) {
    return { kind: 'refused', reason: 'onboarding.toggle.forbidden' };
  }
  if (!isOpen(mission.status)) return { kind: 'refused', reason: 'onboarding.toggle.closed' };

  const now = deps.clock.now();
  const from = input.shown ?? (item.doneAt === null ? 'open' : 'done');
  const updated = await setItemDone(deps.db, item._id, from === 'open', input.userId, now);
  if (!updated) {
    // A replay, or a click on a stale copy: nothing to flip. Finish a completion an earlier attempt
    // may have missed (the status change keeps it single), and redraw so every copy shows the truth.
    if (from === 'open') await completeIfLast(deps, mission, input.userId);
    await queueOnboardingRefresh(deps, mission._id.toString(), { redraw: true });
    return { kind: 'unchanged' };
  }
  const done = updated.doneAt !== null;
  const completed = done ? await completeIfLast(deps, mission, input.userId) : null;
  // Both checklist messages (and the item's reminder) are rewritten by the refresh this event queues.
  await deps.events.emit('mission.changed', {
    missionId: mission._id.toString(),
    userIds: [mission.freelancerId, mission.managerId],
  });
  return { kind: 'changed', done, completed: completed !== null };
}

/**
 * Moves the mission to `active` when no item is open, and tells both sides. The conditional status
 * change is the gate: of two clicks (or instances) finishing at once, only the one that moved the
 * mission sends the notices. Reopening an item afterwards does not move the mission back: onboarding
 * happened, and its recorded duration stays true.
 */
async function completeIfLast(deps: OnboardingDeps, mission: Mission, by: string): Promise<Mission | null> {
  if (mission.status !== 'onboarding') return null;
  const open = await countOpenItems(deps.db, mission._id);
  if (open > 0) return null;
  const now = deps.clock.now();
  const to = nextStatus(mission.status, 'completeOnboarding', { openOnboardingItems: open });
  const days = daysSinceStart(mission.startDate, now, mission.checkin.timezone);
  const moved = await changeStatus(
    deps.db,
    mission._id,
    mission.status,
    to,
    { at: now, by, action: 'onboarding.completed', details: `${days} day(s)` },
    { onboardingCompletedAt: now, onboardingDurationDays: days },
  );
  if (!moved) return null;
  await notifyCompletion(deps, moved, days);
  return moved;
}

async function notifyCompletion(deps: OnboardingDeps, mission: Mission, days: number): Promise<void> {
  await Promise.all(
    (['freelancer', 'manager'] as const).map(async (side) => {
      try {
        const { locale } = await checklistReaderOf(deps, mission, side);
        await deps.gateway.sendDm(sideUserId(mission, side), completionMessage(mission, locale, days));
      } catch (err) {
        // The status change is stored; one undeliverable DM must not hide the other side's notice.
        deps.logger.warn('could not send the onboarding completion notice', {
          missionId: mission._id.toString(),
          side,
          error: slackErrorCode(err),
        });
      }
    }),
  );
}
