import type { JobContext } from '../../../scheduler/runner.js';
import { planDigest } from '../../reminders/index.js';
import { zoneOf } from '../checklist/service.js';
import type { OnboardingDeps as Deps } from '../deps.js';
import { findItem, setRemindAt } from '../repository.js';

/**
 * A per-item reminder job queued before reminders became one digest a day: its item rides on its
 * owner's digest instead (due now if it had no reminder time), and nothing is sent from here.
 */
export async function planLegacyReminder(
  deps: Deps,
  payload: Record<string, unknown>,
  ctx: Pick<JobContext, 'now'>,
): Promise<undefined> {
  const item = await findItem(deps.db, typeof payload.itemId === 'string' ? payload.itemId : '');
  if (!item || item.done || item.reminderSentAt !== null) return undefined;
  const at = item.remindAt ?? ctx.now;
  if (item.remindAt === null) await setRemindAt(deps.db, item._id, at);
  await planDigest(
    deps,
    item.ownerId,
    at,
    await zoneOf(deps, item.ownerId, deps.config.defaultTimezone),
    ctx.now,
  );
  return undefined;
}
