import { calendarFor } from '../../../calendar/work-calendar.js';
import { translator } from '../../../i18n/index.js';
import type { JobContext, JobDeferral } from '../../../scheduler/runner.js';
import { readerOf } from '../../../slack/reader.js';
import { findMission } from '../../missions/index.js';
import { nonUrgentSendTime, preferencesOf } from '../../preferences/index.js';
import type { OffboardingDeps } from '../deps.js';
import { rememberOffboardingMessage } from '../messages/service.js';
import { findOffboarding } from '../repository.js';
import { feedbackReminderMessage } from './views.js';

/** The one feedback reminder, 3 days after the start, in the freelancer's sending hours (a reminder: mutable). */
export async function sendFeedbackReminder(
  deps: OffboardingDeps,
  payload: Record<string, unknown>,
  ctx: Pick<JobContext, 'key' | 'now'>,
): Promise<JobDeferral | undefined> {
  const missionId = typeof payload.missionId === 'string' ? payload.missionId : '';
  const [mission, off] = await Promise.all([
    findMission(deps.db, missionId),
    findOffboarding(deps.db, missionId),
  ]);
  if (!mission || !off || off.closed || off.feedbackState !== 'pending') return;
  const reader = await readerOf(deps, mission.freelancerId);
  const calendar = calendarFor({ zone: reader.zone, fallbackCountry: deps.config.defaultCountry });
  const prefs = (await preferencesOf(deps.db, [mission.freelancerId])).get(mission.freelancerId);
  const at = nonUrgentSendTime(ctx.now, calendar, prefs, 'reminders');
  if (at === null) return;
  if (at > ctx.now) return { deferUntil: at };
  const message = feedbackReminderMessage(translator(reader.locale), mission, off, reader);
  const sent = await deps.dispatcher.sendForJob(
    ctx.key,
    { to: mission.freelancerId, message },
    { signal: deps.scheduler.stopSignal },
  );
  await rememberOffboardingMessage(
    deps,
    missionId,
    'feedbackReminder',
    mission.freelancerId,
    '',
    sent,
    message,
  );
  return undefined;
}
