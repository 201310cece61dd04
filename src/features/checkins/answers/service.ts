// Use cases of the check-in modal: open it (by id or the caller's current one) and take an answer.
import type { ModalView } from '@slack/types';
import type { Locale } from '../../../config.js';
import { ConflictError } from '../../../errors.js';
import { type MessageKey, translator } from '../../../i18n/index.js';
import { slackErrorCode } from '../../../slack/errors.js';
import { missionsOfFreelancer } from '../../missions/index.js';
import { settleReminderDm } from '../delivery/closing.js';
import { messageOf } from '../delivery/repository.js';
import type { CheckinsDeps } from '../deps.js';
import { queueFollowUps } from '../followups/service.js';
import type { Checkin, CheckinAnswer } from '../model.js';
import { loadQuestions } from '../questions/service.js';
import {
  findCheckin,
  latestAnswerableOf,
  nextScheduledOf,
  previousCheckin,
  storeAnswer,
} from './repository.js';
import { alertReasons, availability, refusalFor, sameAnswer } from './rules.js';
import { answeredMessage, checkinModal } from './views.js';

/** Why `/checkin` has nothing to open: whether the caller has a mission, the next check-in, a pause. */
export interface NothingToAnswer {
  hasMission: boolean;
  next: Date | null;
  pausedUntil: string | null;
}

export type OpenOutcome =
  | { kind: 'open'; view: ModalView }
  | { kind: 'refused'; reason: MessageKey }
  | { kind: 'none'; info: NothingToAnswer };

async function modalFor(deps: CheckinsDeps, c: Checkin, locale: Locale): Promise<OpenOutcome> {
  const a = availability(c, deps.clock.now());
  if (!a.open) return { kind: 'refused', reason: a.reason };
  const questions = await loadQuestions(deps.db);
  const tr = translator(locale);
  const adminIds = deps.config.adminUserIds;
  return {
    kind: 'open',
    view: checkinModal({ tr, locale, checkin: c, questions, until: a.until, adminIds }),
  };
}

/** The modal of one check-in (the DM's button), if the user is its freelancer and it is open. */
export async function openCheckin(
  deps: CheckinsDeps,
  userId: string,
  checkinId: string,
  locale: Locale,
): Promise<OpenOutcome> {
  const c = await findCheckin(deps.db, checkinId);
  const refusal = refusalFor(c, userId, deps.clock.now());
  if (refusal || !c) return { kind: 'refused', reason: refusal ?? 'checkins.refuse.notFound' };
  return modalFor(deps, c, locale);
}

/** The modal of the caller's latest check-in still open for an answer or an edit, or why there is none. */
export async function openCurrentCheckin(
  deps: CheckinsDeps,
  userId: string,
  locale: Locale,
): Promise<OpenOutcome> {
  const now = deps.clock.now();
  const current = (await latestAnswerableOf(deps.db, userId)).find((c) => availability(c, now).open);
  if (current) return modalFor(deps, current, locale);
  const missions = await missionsOfFreelancer(deps.db, userId, { open: true, limit: 20 });
  if (missions.length === 0)
    return { kind: 'none', info: { hasMission: false, next: null, pausedUntil: null } };
  const next = await nextScheduledOf(deps.db, userId, now);
  const paused = missions.map((m) => m.checkin.pausedUntil).find((d) => d !== null) ?? null;
  return { kind: 'none', info: { hasMission: true, next: next?.dueAt ?? null, pausedUntil: paused } };
}

/** Checks made before the modal closes: the submitter is the freelancer and the check-in is open. */
export async function checkSubmission(
  deps: CheckinsDeps,
  userId: string,
  checkinId: string,
): Promise<MessageKey | null> {
  return refusalFor(await findCheckin(deps.db, checkinId), userId, deps.clock.now());
}

export type SubmitOutcome =
  | { kind: 'stored' }
  | { kind: 'unchanged' }
  | { kind: 'refused'; reason: MessageKey };

/**
 * Stores an answer (first one, or an edit while editable) and tells who must know. A replay of the
 * same submission, or an edit that changes nothing, stores nothing and sends nothing; of racing
 * deliveries one stores and the others then see their answer already there.
 */
export async function submitAnswer(
  deps: CheckinsDeps,
  input: { userId: string; checkinId: string; answer: CheckinAnswer },
): Promise<SubmitOutcome> {
  const now = deps.clock.now();
  for (let attempt = 0; attempt < 3; attempt++) {
    const prev = await findCheckin(deps.db, input.checkinId);
    const refusal = refusalFor(prev, input.userId, now);
    if (refusal || !prev) return { kind: 'refused', reason: refusal ?? 'checkins.refuse.notFound' };
    if (prev.status === 'answered' && sameAnswer(prev.answer, input.answer)) return { kind: 'unchanged' };
    const reasons = alertReasons(input.answer);
    // An alert is raised once per check-in: an edit neither repeats it nor takes it back.
    const raise = reasons.length > 0 && !prev.alert;
    const stored = await storeAnswer(deps.db, prev, input.answer, now, raise);
    if (!stored) continue;
    await afterAnswer(deps, { ...stored, answer: input.answer }, prev, raise ? reasons : []);
    return { kind: 'stored' };
  }
  throw new ConflictError('check-in kept changing while storing an answer');
}

async function afterAnswer(
  deps: CheckinsDeps,
  c: Checkin & { answer: CheckinAnswer },
  prev: Checkin,
  reasons: ReturnType<typeof alertReasons>,
): Promise<void> {
  await updateDm(deps, c);
  await settleReminderDm(deps, c);
  const repeat = reasons.length > 0 && (await previousCheckin(deps.db, c.missionId, c.week))?.alert === true;
  const previousVisibility = prev.status === 'answered' ? (prev.answer?.visibility ?? null) : null;
  await queueFollowUps(deps, c, { previousVisibility, alertReasons: reasons, repeat });
}

/** Replaces the check-in DM with "answered", the score and (while editable) an edit button. */
async function updateDm(deps: CheckinsDeps, c: Checkin & { answer: CheckinAnswer }): Promise<void> {
  const message = await messageOf(deps.db, c);
  if (!message?.channel || !message.ts) return;
  const now = deps.clock.now();
  const a = availability(c, now);
  const locale = await deps.users.localeOf(c.freelancerId, c.locale);
  try {
    await deps.gateway.updateMessage(message, answeredMessage(c, locale, a.open ? a.until : now, now));
  } catch (err) {
    // The answer is stored; a DM that cannot be edited (deleted, too old) must not block follow-ups.
    deps.logger.warn('could not update the check-in DM', {
      checkinId: c._id.toString(),
      error: slackErrorCode(err),
    });
  }
}
