import { calendarFor } from '../../../calendar/work-calendar.js';
import type { JobContext, JobDeferral } from '../../../scheduler/runner.js';
import { findMission, type Mission } from '../../missions/index.js';
import { nonUrgentSendTime, preferencesOf } from '../../preferences/index.js';
import { zoneOf } from '../checklist/service.js';
import type { OnboardingDeps as Deps } from '../deps.js';
import { rememberOnboardingMessage } from '../messages/service.js';
import { claimReminder, findItem, releaseReminder } from '../repository.js';
import { reminderMessage } from './views.js';

/**
 * One pass of an item's reminder: DMs its owner once if the item is still open when the job runs
 * (queued for the morning after the due day, see schedule.ts). The "sent" mark is claimed with a
 * conditional update before the DM, so two runners or a replayed job cannot both send; a failed DM
 * gives the claim back and the runner's retry sends it.
 */
export async function sendItemReminder(
  deps: Deps,
  payload: Record<string, unknown>,
  ctx: Pick<JobContext, 'key' | 'now'>,
): Promise<JobDeferral | undefined> {
  const { now } = ctx;
  const item = await findItem(deps.db, typeof payload.itemId === 'string' ? payload.itemId : '');
  if (!item || item.doneAt !== null || item.reminderSentAt !== null) return;
  const mission = await findMission(deps.db, item.missionId.toString());
  // Once onboarding is over (or the mission cancelled), a leftover open item is nobody's chore.
  if (mission?.status !== 'onboarding') return;
  const zone = await zoneOf(deps, item.ownerId, fallbackZone(deps, mission, item.ownerId));
  // A reminder is non-urgent: muted → not sent; snoozed or outside sending hours → held (PRODUCT.md §9).
  const calendar = calendarFor({ zone, fallbackCountry: deps.config.defaultCountry });
  const prefs = (await preferencesOf(deps.db, [item.ownerId])).get(item.ownerId);
  const at = nonUrgentSendTime(now, calendar, prefs, 'reminders');
  if (at === null) return;
  if (at > now) return { deferUntil: at };
  const claimed = await claimReminder(deps.db, item._id, now);
  if (!claimed) return;
  try {
    const locale = await deps.users.localeOf(item.ownerId, deps.config.defaultLocale);
    const message = reminderMessage(claimed, mission, locale, zone);
    const sent = await deps.dispatcher.sendForJob(
      ctx.key,
      { to: item.ownerId, message },
      { signal: deps.scheduler.stopSignal },
    );
    // Its button follows the item (done, or the mission over): see messages/service.ts.
    if (sent.status === 'sent')
      await rememberOnboardingMessage(
        deps,
        mission._id.toString(),
        'reminder',
        item.ownerId,
        item._id.toString(),
        sent.ref,
        message,
      );
  } catch (err) {
    await releaseReminder(deps.db, item._id, now);
    throw err;
  }
}

function fallbackZone(deps: Deps, mission: Mission, userId: string): string {
  return userId === mission.freelancerId ? mission.checkin.timezone : deps.config.defaultTimezone;
}
