import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../errors.js';
import { claimOnce } from '../../../scheduler/once.js';
import { readerOf } from '../../../slack/reader.js';
import {
  changeMissionDates,
  changeStatus,
  eachMissionWithStatus,
  findMission,
  type Mission,
  nextStatus,
} from '../../missions/index.js';
import { planDigest } from '../../reminders/index.js';
import { queueNotice } from '../closing/service.js';
import { defaultHandoverTemplate, templateLabel } from '../defaults.js';
import type { OffboardingDeps } from '../deps.js';
import { DEADLINE_JOB, deadlineJobKey, field, PROPOSAL_JOB, proposalJobKey } from '../ids.js';
import { findOffboarding, insertItems, insertOffboarding, moveOffboardingManager } from '../repository.js';
import {
  canStartOffboarding,
  daysAfter,
  FEEDBACK_DEADLINE_DAYS,
  mayRunOffboarding,
  proposalDueAt,
  REMINDER_DAYS,
} from '../rules.js';

/** A mission the user may offboard (manager or admin), open and not yet offboarding. */
export async function offboardableMission(
  deps: OffboardingDeps,
  userId: string,
  missionId: string,
): Promise<Mission> {
  const mission = await findMission(deps.db, missionId);
  if (!mission) throw new NotFoundError(`mission ${missionId} not found`, 'offboarding.error.notFound');
  if (!mayRunOffboarding(userId, mission, deps.config.adminUserIds))
    throw new ForbiddenError(`${userId} may not offboard ${missionId}`, 'offboarding.error.forbidden');
  return mission;
}

/** What a start did. */
export type StartOutcome = 'started' | 'alreadyStarted';

/**
 * Starts a mission's offboarding (its manager or an admin): the mission → `offboarding` through the
 * lifecycle, the handover checklist from the template, the two DMs (durable jobs), the feedback
 * reminder after 3 days and the closing without feedback after 7. The conditional status change
 * makes a double click start once; a start cut short (a crash) is completed by the next click.
 */
export async function startOffboarding(
  deps: OffboardingDeps,
  userId: string,
  missionId: string,
): Promise<StartOutcome> {
  const mission = await offboardableMission(deps, userId, missionId);
  const now = deps.clock.now();
  const remindAt = daysAfter(now, REMINDER_DAYS);
  let outcome: StartOutcome = 'started';
  if (mission.status !== 'offboarding') {
    const to = nextStatus(mission.status, 'startOffboarding');
    const moved = await changeStatus(deps.db, mission._id, mission.status, to, {
      at: now,
      by: userId,
      action: 'startOffboarding',
    });
    if (!moved) outcome = 'alreadyStarted';
  } else outcome = 'alreadyStarted';
  const created = await insertOffboarding(deps.db, {
    missionId,
    freelancerId: mission.freelancerId,
    managerId: mission.managerId,
    startedAt: now,
    startedBy: userId,
    feedbackState: 'pending',
    feedback: null,
    evaluationGiven: false,
    evaluation: null,
    closed: false,
    closedAt: null,
    remindAt,
    feedbackRemindedIn: null,
    evaluationRemindedIn: null,
  });
  // What follows is idempotent (unique indexes, job keys): a start cut short by a crash is
  // finished by the next click, and a repeated click only finds everything in place.
  await insertItems(
    deps.db,
    defaultHandoverTemplate.map((t, index) => ({
      missionId,
      index,
      key: t.key,
      label: templateLabel(t.key),
      owner: t.owner,
      ownerId: t.owner === 'freelancer' ? mission.freelancerId : mission.managerId,
      takesLinks: t.takesLinks,
      state: 'open' as const,
      open: true,
      by: null,
      at: null,
      reason: null,
      links: [],
      remindAt,
      remindedIn: null,
    })),
  );
  // What each side still owes then is reminded in their digest of that day.
  await planReminders(deps, [mission.freelancerId, mission.managerId], remindAt, now);
  const runner = deps.scheduler.runner;
  await runner.enqueue({
    key: deadlineJobKey(missionId),
    name: DEADLINE_JOB,
    runAt: daysAfter(now, FEEDBACK_DEADLINE_DAYS),
    payload: { missionId },
  });
  if (created) {
    await deps.events.emit('mission.changed', {
      missionId,
      userIds: [mission.freelancerId, mission.managerId],
      schedule: true,
    });
  }
  await queueNotice(deps, missionId, 'startFreelancer');
  await queueNotice(deps, missionId, 'startManager');
  return created && outcome === 'started' ? 'started' : 'alreadyStarted';
}

/** Plans the digests of `userIds` for `at`, each in their own zone. */
async function planReminders(deps: OffboardingDeps, userIds: readonly string[], at: Date, now: Date) {
  for (const userId of userIds) {
    const { zone } = await readerOf(deps, userId);
    await planDigest(deps, userId, at, zone, now);
  }
}

/**
 * Plans the proposal DM `OFFBOARDING_PROPOSAL_DAYS` before the mission's end date: one job per
 * mission and end date, so a changed end date plans a new one and the old one, finding another end
 * date, sends nothing. Due at the start of that day in the workspace's zone; the job then waits for
 * the manager's sending hours in their own zone.
 */
export async function planProposal(deps: OffboardingDeps, mission: Mission): Promise<void> {
  if (!canStartOffboarding(mission.status)) return;
  const missionId = String(mission._id);
  await deps.scheduler.runner.enqueue({
    key: proposalJobKey(missionId, mission.endDate),
    name: PROPOSAL_JOB,
    runAt: proposalDueAt(mission.endDate, deps.config.offboardingProposalDays, deps.config.defaultTimezone),
    payload: { missionId, endDate: mission.endDate },
  });
}

/** On `mission.changed` with `schedule` (creation, new dates, new manager): (re)plans its proposal. */
export async function planProposalOf(deps: OffboardingDeps, missionId: string): Promise<void> {
  const mission = await findMission(deps.db, missionId);
  if (!mission) return;
  await planProposal(deps, mission);
  // A new manager takes over an offboarding in progress (its to-dos and owed evaluation); both
  // Homes are refreshed once it is moved (the Home's own refresh of this change may have run first).
  const previous = await moveOffboardingManager(deps.db, missionId, mission.managerId);
  if (!previous) return;
  // What the new manager now owes is reminded in their digests.
  const off = await findOffboarding(deps.db, missionId);
  if (off?.remindAt) await planReminders(deps, [mission.managerId], off.remindAt, deps.clock.now());
  await deps.events.emit('mission.changed', { missionId, userIds: [previous, mission.managerId] });
}

/**
 * Once a day (first pass of the day, across instances), plans the proposal of every onboarding or
 * active mission: the missions that were never announced (created before this feature, or an event
 * lost to a crash) get theirs too. Enqueueing is idempotent (unique job keys).
 */
export async function planProposalsDaily(deps: OffboardingDeps, now: Date): Promise<string | undefined> {
  if (!(await claimOnce(deps.db, `${PROPOSAL_JOB}.plan:${now.toISOString().slice(0, 10)}`, now))) return;
  let planned = 0;
  for (const status of ['onboarding', 'active'] as const) {
    for await (const mission of eachMissionWithStatus(deps.db, status)) {
      if (deps.scheduler.stopSignal.aborted) return;
      await planProposal(deps, mission);
      planned += 1;
    }
  }
  return planned > 0 ? `offboarding: proposals checked for ${planned} mission(s)` : undefined;
}

/** The manager (or an admin) moves the end date from the proposal: through the missions lifecycle and its history. */
export async function changeEndDate(
  deps: OffboardingDeps,
  userId: string,
  missionId: string,
  endDate: string,
) {
  const mission = await offboardableMission(deps, userId, missionId);
  if (!canStartOffboarding(mission.status)) throw new ConflictError('not open', 'offboarding.error.notOpen');
  if (endDate <= mission.startDate)
    throw new ValidationError('end before start', { [field.endDate]: 'missions.error.endBeforeStart' });
  return changeMissionDates(deps, mission, userId, mission.startDate, endDate);
}
