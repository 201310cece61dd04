import { calendarFor } from '../../../calendar/work-calendar.js';
import { translator } from '../../../i18n/index.js';
import type { JobContext, JobDeferral } from '../../../scheduler/runner.js';
import { readerOf } from '../../../slack/reader.js';
import { findMission } from '../../missions/index.js';
import { nonUrgentSendTime, preferencesOf } from '../../preferences/index.js';
import type { OffboardingDeps } from '../deps.js';
import { rememberOffboardingMessage } from '../messages/service.js';
import { canStartOffboarding } from '../rules.js';
import { proposalMessage } from './views.js';

/**
 * The proposal DM, in the manager's sending hours (after a snooze; a mute of reminders does not
 * drop it: without it the mission would never be closed). Sent once (`sendForJob`); stale when the
 * mission moved on or its end date changed (a new job is planned for the new date).
 */
export async function sendProposal(
  deps: OffboardingDeps,
  payload: Record<string, unknown>,
  ctx: Pick<JobContext, 'key' | 'now'>,
): Promise<JobDeferral | undefined> {
  const mission = await findMission(deps.db, typeof payload.missionId === 'string' ? payload.missionId : '');
  if (!mission || !canStartOffboarding(mission.status) || mission.endDate !== payload.endDate) return;
  const reader = await readerOf(deps, mission.managerId);
  const calendar = calendarFor({ zone: reader.zone, fallbackCountry: deps.config.defaultCountry });
  const prefs = (await preferencesOf(deps.db, [mission.managerId])).get(mission.managerId);
  const at = nonUrgentSendTime(ctx.now, calendar, prefs ? { ...prefs, muted: [] } : undefined, 'reminders');
  if (at && at > ctx.now) return { deferUntil: at };
  const message = proposalMessage(translator(reader.locale), mission, reader.locale);
  const sent = await deps.dispatcher.sendForJob(
    ctx.key,
    { to: mission.managerId, message },
    { signal: deps.scheduler.stopSignal },
  );
  const missionId = String(mission._id);
  await rememberOffboardingMessage(
    deps,
    missionId,
    'proposal',
    mission.managerId,
    mission.endDate,
    sent,
    message,
  );
  return undefined;
}
