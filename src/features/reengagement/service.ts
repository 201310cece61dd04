import { DateTime } from 'luxon';
import type { MissionClosed } from '../../events.js';
import { isAdmin } from '../../roles.js';
import type { JobContext, JobDeferral } from '../../scheduler/runner.js';
import type { OutgoingMessage } from '../../slack/gateway.js';
import { sendingMomentOf } from '../preferences/index.js';
import { recordAvailability, talentSummaryOf } from '../talent/index.js';
import type { ReengagementDeps as Deps } from './deps.js';
import { NUDGE_JOB, nudgeJobKey, nudgeReminderJobKey, PING_JOB, pingJobKey } from './ids.js';
import {
  nudgeSubject,
  pingSubject,
  queueReengagementRefresh,
  rememberReengagementMessage,
} from './messages.js';
import type { PingAnswer, ReengagementPlan } from './model.js';
import {
  claimNudgeWindow,
  ensurePerson,
  findPlan,
  insertPlan,
  personOf,
  recordPingAnswer,
  stopAsking,
  updatePlan,
} from './repository.js';
import {
  daysSince,
  endedWell,
  NUDGE_DAYS,
  nextNudgeAllowed,
  nextPingDate,
  nudgeDue,
  REMIND_AFTER_DAYS,
} from './rules.js';
import { nudgeMessage, pingMessage } from './views.js';

/**
 * A mission closed: if it ended well, its manager's three nudges are queued (durable jobs, one key
 * each: a replayed closing queues nothing twice); its freelancer joins the quarterly availability
 * pings (one chain per person, started at their first closing).
 */
export async function planReengagement(deps: Deps, closed: MissionClosed): Promise<void> {
  const { runner } = deps.scheduler;
  if (endedWell(closed)) {
    await insertPlan(deps.db, {
      missionId: closed.missionId,
      managerId: closed.managerId,
      freelancerId: closed.freelancerId,
      title: closed.title,
      skills: closed.skills,
      closedAt: closed.closedAt,
      stopped: false,
      snoozedUntil: null,
      remindAt: null,
      lastAnswer: null,
    });
    for (const day of NUDGE_DAYS) {
      await runner.enqueue({
        key: nudgeJobKey(closed.missionId, day),
        name: NUDGE_JOB,
        runAt: nudgeDue(closed.closedAt, day),
        payload: { missionId: closed.missionId, day },
      });
    }
  }
  const person = await ensurePerson(deps.db, closed.freelancerId, nextPingDate(closed.closedAt));
  // Re-queued at every closing: after a crash between the two writes the chain still starts.
  if (person.firstPingOn) await queuePing(deps, closed.freelancerId, person.firstPingOn);
}

function queuePing(deps: Deps, userId: string, due: string): Promise<boolean> {
  return deps.scheduler.runner.enqueue({
    key: pingJobKey(userId, due),
    name: PING_JOB,
    runAt: DateTime.fromISO(due, { zone: 'utc' }).toJSDate(),
    payload: { userId, due },
  });
}

/**
 * Sends one nudge or ping as the job `key`, when the person's sending hours and weekly spacing
 * allow; else says when to come back. `undefined` once sent (or muted: dropped, as mutes drop).
 */
async function sendSpaced(
  deps: Deps,
  ctx: Pick<JobContext, 'key' | 'now'>,
  to: string,
  message: (locale: Awaited<ReturnType<Deps['users']['localeOf']>>) => OutgoingMessage,
  live: { subject: string; kind: 'nudge' | 'ping'; arg: string },
): Promise<JobDeferral | undefined> {
  const at = await sendingMomentOf(deps, to, 'nudges', ctx.now);
  if (at === null) return;
  if (at > ctx.now) return { deferUntil: at };
  const held = await claimNudgeWindow(deps.db, to, ctx.key, ctx.now);
  if (held) return { deferUntil: nextNudgeAllowed(held.heldSince) };
  const locale = await deps.users.localeOf(to, deps.config.defaultLocale);
  const built = message(locale);
  const sent = await deps.dispatcher.sendForJob(
    ctx.key,
    { to, message: built },
    { signal: deps.scheduler.stopSignal },
  );
  // Kept current: a later answer rewrites it (messages.ts).
  await rememberReengagementMessage(deps, { ...live, to }, sent, built);
  return;
}

/**
 * The job of one nudge (`day` after the closing) or of a reminder the manager asked for
 * (`remindAt`): to the manager, unless stopped or the alumnus is out of reach. A reminder takes the
 * place of the nudges due before it (one message, not two within days); a later "remind me" takes
 * the place of an earlier one.
 */
export async function runNudge(
  deps: Deps,
  payload: Record<string, unknown>,
  ctx: Pick<JobContext, 'key' | 'now'>,
): Promise<JobDeferral | undefined> {
  const missionId = typeof payload.missionId === 'string' ? payload.missionId : '';
  const remindAt = typeof payload.remindAt === 'string' ? new Date(payload.remindAt) : null;
  const plan = await findPlan(deps.db, missionId);
  if (!plan || plan.stopped) return;
  if (remindAt) {
    if (!plan.remindAt || plan.remindAt.getTime() !== remindAt.getTime()) return;
  } else {
    const day = typeof payload.day === 'number' ? payload.day : 0;
    if (plan.remindAt && nudgeDue(plan.closedAt, day) < plan.remindAt) return;
    if (plan.snoozedUntil && plan.snoozedUntil > ctx.now) return { deferUntil: plan.snoozedUntil };
  }
  const alumnus = await talentSummaryOf(deps.db, plan.freelancerId);
  // Opted out of the pool or no longer in Slack: nothing to propose (PRODUCT.md flow 5).
  if (!alumnus || alumnus.optedOut || !alumnus.reachable) return;
  const days = remindAt ? daysSince(plan.closedAt, ctx.now) : Number(payload.day);
  return sendSpaced(deps, ctx, plan.managerId, (locale) => nudgeMessage(plan, days, locale), {
    subject: nudgeSubject(missionId),
    kind: 'nudge',
    arg: String(days),
  });
}

/**
 * The job of one availability ping, then the next one a quarter later (queued after the send, under
 * a key fixed by this one's due date: a retried job queues the same next job once). "Stop asking"
 * ends the chain; an alumnus opted out or out of reach is skipped this quarter.
 */
export async function runPing(
  deps: Deps,
  payload: Record<string, unknown>,
  ctx: Pick<JobContext, 'key' | 'now'>,
): Promise<JobDeferral | undefined> {
  const userId = typeof payload.userId === 'string' ? payload.userId : '';
  const due = typeof payload.due === 'string' ? payload.due : '';
  if (!userId || !/^\d{4}-\d{2}-\d{2}$/.test(due)) return;
  const person = await personOf(deps.db, userId);
  if (!person || person.stopAsking) return;
  const alumnus = await talentSummaryOf(deps.db, userId);
  if (alumnus && !alumnus.optedOut && alumnus.reachable) {
    const today = workspaceToday(deps);
    const deferred = await sendSpaced(deps, ctx, userId, (locale) => pingMessage(locale, today), {
      subject: pingSubject(person._id.toString()),
      kind: 'ping',
      arg: today,
    });
    if (deferred) return deferred;
  }
  await queuePing(deps, userId, nextPingDate(due));
  return;
}

/**
 * A manager's answer to a nudge (stored with its moment: the nudges sent before it say it once the
 * listener queued their refresh); `refused` when the clicker is neither its manager nor an admin. */
export async function answerNudge(
  deps: Deps,
  missionId: string,
  userId: string,
  choice: 'snooze' | 'stop' | 'propose',
): Promise<{ kind: 'refused' } | { kind: 'done'; plan: ReengagementPlan; until?: Date }> {
  const plan = await findPlan(deps.db, missionId);
  if (!plan || (plan.managerId !== userId && !isAdmin(deps.config, userId))) return { kind: 'refused' };
  const at = deps.clock.now();
  const chosen = choice === 'propose' ? 'proposed' : choice === 'snooze' ? 'snoozed' : 'stopped';
  await updatePlan(deps.db, missionId, {
    ...(choice === 'stop' ? { stopped: true } : {}),
    lastAnswer: { choice: chosen, at },
  });
  if (choice === 'snooze') {
    // Two clicks in the same second plan one reminder (one job key); a later click moves it.
    const remindAt = DateTime.fromJSDate(at, { zone: 'utc' })
      .plus({ days: REMIND_AFTER_DAYS })
      .startOf('second');
    await updatePlan(deps.db, missionId, { remindAt: remindAt.toJSDate() });
    await deps.scheduler.runner.enqueue({
      key: nudgeReminderJobKey(missionId, remindAt.toJSDate()),
      name: NUDGE_JOB,
      runAt: remindAt.toJSDate(),
      payload: { missionId, remindAt: remindAt.toISO() ?? '' },
    });
    // An instant: the answer shows its day in the reader's zone.
    return { kind: 'done', plan, until: remindAt.toJSDate() };
  }
  return { kind: 'done', plan };
}

/** An alumnus's answer to their ping (about themselves only). */
export async function answerPing(deps: Deps, userId: string, answer: PingAnswer): Promise<void> {
  const saidAt = deps.clock.now();
  if (answer.kind === 'stop') await stopAsking(deps.db, userId);
  else
    await recordAvailability(deps.db, userId, {
      availableFrom: answer.kind === 'available' ? answer.from : null,
      saidAt,
    });
  // The pings sent before this answer say it too.
  await recordPingAnswer(deps.db, userId, answer, saidAt);
  const person = await personOf(deps.db, userId);
  if (person) await queueReengagementRefresh(deps, pingSubject(person._id.toString()));
}

/** Today in the workspace's zone (`yyyy-MM-dd`): an availability date may not be earlier. */
export function workspaceToday(deps: Deps): string {
  return DateTime.fromJSDate(deps.clock.now(), { zone: deps.config.defaultTimezone }).toISODate() ?? '';
}
