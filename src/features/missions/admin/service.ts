import type { Types } from 'mongoose';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../errors.js';
import { formatCalendarDate, type MessageKey, type Params, translator } from '../../../i18n/index.js';
import { isAdmin } from '../../../roles.js';
import { slackErrorCode } from '../../../slack/errors.js';
import { textMessage } from '../../../slack/gateway.js';
import { escapeMrkdwn } from '../../../slack/mrkdwn.js';
import type { MissionsDeps } from '../deps.js';
import { field } from '../ids.js';
import type { Mission } from '../model.js';
import { changeStatus, findMission, updateMission } from '../repository.js';
import { isOpen, nextStatus } from '../rules.js';

/** The open mission an admin wants to correct; refuses non-admins and closed missions. */
export async function missionForAdmin(
  deps: MissionsDeps,
  adminId: string,
  missionId: string,
): Promise<Mission> {
  if (!isAdmin(deps.config, adminId))
    throw new ForbiddenError(`${adminId} is not an admin`, 'missions.error.notAdmin');
  const mission = await findMission(deps.db, missionId);
  if (!mission) throw new NotFoundError(`mission ${missionId} not found`);
  if (!isOpen(mission.status)) throw new ConflictError('mission closed', 'missions.error.missionClosed');
  return mission;
}

/**
 * Announces the change (check-ins re-plan, Homes refresh), then tells each person, in their language.
 * The change is stored already: a notice that fails (a deactivated account…) is logged, and neither
 * stops the others nor the re-planning.
 */
async function notify(
  deps: MissionsDeps,
  missionId: Types.ObjectId,
  userIds: readonly string[],
  key: MessageKey,
  params: (locale: 'fr' | 'en') => Params,
) {
  const people = [...new Set(userIds)];
  await deps.events.emit('mission.changed', {
    missionId: missionId.toString(),
    userIds: people,
    schedule: true,
  });
  await Promise.all(
    people.map(async (userId) => {
      try {
        const locale = await deps.users.localeOf(userId, deps.config.defaultLocale);
        await deps.gateway.sendDm(userId, textMessage(translator(locale)(key, params(locale))));
      } catch (err) {
        deps.logger.warn('could not send a mission change notice', {
          missionId: missionId.toString(),
          to: userId,
          error: slackErrorCode(err),
        });
      }
    }),
  );
}

/** Changes a mission's dates (admins), keeps it in the history and tells the freelancer and manager. */
export async function changeDates(
  deps: MissionsDeps,
  adminId: string,
  missionId: string,
  startDate: string,
  endDate: string,
) {
  const mission = await missionForAdmin(deps, adminId, missionId);
  return changeMissionDates(deps, mission, adminId, startDate, endDate);
}

/**
 * Changes an open mission's dates for someone the caller has already allowed (an admin's
 * correction, the manager moving the end date from the offboarding proposal): kept in the history,
 * check-ins re-planned (`mission.changed` with `schedule`), the freelancer and manager told.
 */
export async function changeMissionDates(
  deps: MissionsDeps,
  mission: Mission,
  by: string,
  startDate: string,
  endDate: string,
) {
  if (!isOpen(mission.status)) throw new ConflictError('mission closed', 'missions.error.missionClosed');
  if (endDate <= startDate)
    throw new ValidationError('end before start', { [field.end]: 'missions.error.endBeforeStart' });
  const updated = await updateMission(
    deps.db,
    mission._id,
    { startDate, endDate },
    {
      at: deps.clock.now(),
      by,
      action: 'datesChanged',
      details: `${mission.startDate}→${startDate}, ${mission.endDate}→${endDate}`,
    },
  );
  if (!updated) throw new NotFoundError(`mission ${String(mission._id)} vanished`);
  await notify(
    deps,
    updated._id,
    [updated.freelancerId, updated.managerId],
    'missions.admin.notice.dates',
    (locale) => ({
      title: escapeMrkdwn(updated.title),
      start: formatCalendarDate(startDate, locale),
      end: formatCalendarDate(endDate, locale),
      by,
    }),
  );
  return updated;
}

/** Gives a mission to another manager (admins); the old and new managers and the freelancer are told. */
export async function reassignManager(
  deps: MissionsDeps,
  adminId: string,
  missionId: string,
  managerId: string,
) {
  const mission = await missionForAdmin(deps, adminId, missionId);
  if (managerId === mission.freelancerId) {
    throw new ValidationError('manager is the freelancer', {
      [field.manager]: 'missions.error.freelancerIsManager',
    });
  }
  const manager = await deps.users.get(managerId).catch(() => undefined);
  if (!manager || manager.isBot || manager.deleted) {
    throw new ValidationError('manager not a person', { [field.manager]: 'missions.error.buddyInvalid' });
  }
  const updated = await updateMission(
    deps.db,
    mission._id,
    { managerId },
    {
      at: deps.clock.now(),
      by: adminId,
      action: 'managerReassigned',
      details: `${mission.managerId}→${managerId}`,
    },
  );
  if (!updated) throw new NotFoundError(`mission ${missionId} vanished`);
  await notify(
    deps,
    mission._id,
    [mission.managerId, managerId, mission.freelancerId],
    'missions.admin.notice.reassigned',
    () => ({
      title: escapeMrkdwn(mission.title),
      manager: managerId,
      by: adminId,
    }),
  );
  return updated;
}

/** Cancels a mission through the lifecycle (admins); the freelancer and manager are told. */
export async function cancelMission(deps: MissionsDeps, adminId: string, missionId: string) {
  const mission = await missionForAdmin(deps, adminId, missionId);
  const to = nextStatus(mission.status, 'cancel');
  const updated = await changeStatus(deps.db, mission._id, mission.status, to, {
    at: deps.clock.now(),
    by: adminId,
    action: 'cancel',
  });
  // Someone else changed it meanwhile (e.g. a double click): nothing more to do or say.
  if (!updated) return mission;
  await notify(
    deps,
    mission._id,
    [mission.freelancerId, mission.managerId],
    'missions.admin.notice.cancelled',
    () => ({
      title: escapeMrkdwn(mission.title),
      by: adminId,
    }),
  );
  return updated;
}
