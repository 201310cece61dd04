import mongoose from 'mongoose';
import type { Locale } from '../../../config.js';
import { idsIn } from '../../../db/batches.js';
import { slackErrorCode } from '../../../slack/errors.js';
import type { OutgoingMessage, PostedRef } from '../../../slack/gateway.js';
import { answeredMessage } from '../answers/views.js';
import type { CheckinsDeps } from '../deps.js';
import {
  type Checkin,
  type CheckinAnswer,
  checkinMessageModel,
  checkinModel,
  checkinReminderMessageModel,
} from '../model.js';
import { settledReminderMessage } from '../reminders/views.js';
import { missedMessage } from './views.js';

/** Weeks closed per pass (the next pass takes the rest). */
const CLOSE_BATCH = 200;
/** Edit windows closed per pass (one chat.update each). */
const EDIT_BATCH = 40;

/**
 * Closes the unanswered weeks whose time is over (→ missed), then rewrites their DMs — the weekly
 * check-in and its reminder — without the answer button: a closed week offers nothing to click.
 * The status change comes first (it is what counts); a DM Slack will not edit is logged and left.
 */
export async function closeMissedWeeks(deps: CheckinsDeps, now: Date): Promise<number> {
  const model = checkinModel(deps.db);
  const due = await model
    .find({ status: 'sent', closesAt: mongoose.trusted({ $lte: now }) })
    .limit(CLOSE_BATCH)
    .lean<Checkin[]>()
    .exec();
  if (due.length === 0) return 0;
  const ids = due.map((c) => c._id);
  const res = await model.updateMany(
    { ...idsIn(ids), status: 'sent' },
    { $set: { status: 'missed', outcome: 'unanswered', reminderAt: null } },
  );
  await rewrite(deps, due, (c) => missedMessage(c), checkinMessageModel);
  await rewrite(deps, due, (c) => settledReminderMessage(c, 'missed'), checkinReminderMessageModel);
  return res.modifiedCount;
}

/**
 * Answered weeks whose edit window ended this pass or before (`editableUntil`, else `closesAt`):
 * their DM is rewritten without *Edit my answer* (it still says answered, with the score), once
 * (`editClosed`). At most EDIT_BATCH per pass: chat.update is Tier 3 (about 50 a minute).
 */
export async function closeEditWindows(deps: CheckinsDeps, now: Date): Promise<number> {
  const model = checkinModel(deps.db);
  const open = { status: 'answered' as const, editClosed: mongoose.trusted({ $ne: true }) };
  const due = [
    ...(await model
      .find({ ...open, editableUntil: mongoose.trusted({ $lte: now }) })
      .limit(EDIT_BATCH)
      .lean<Checkin[]>()
      .exec()),
    ...(await model
      .find({ ...open, editableUntil: null, closesAt: mongoose.trusted({ $lte: now }) })
      .limit(EDIT_BATCH)
      .lean<Checkin[]>()
      .exec()),
  ].slice(0, EDIT_BATCH);
  if (due.length === 0) return 0;
  const answered = due.filter((c): c is Checkin & { answer: CheckinAnswer } => c.answer !== null);
  const locales = new Map<string, Locale>();
  for (const c of answered)
    if (!locales.has(c.freelancerId))
      locales.set(c.freelancerId, await deps.users.localeOf(c.freelancerId, c.locale));
  await rewrite(
    deps,
    answered,
    (c) =>
      c.answer
        ? answeredMessage({ ...c, answer: c.answer }, locales.get(c.freelancerId) ?? c.locale, now, now)
        : missedMessage(c),
    checkinMessageModel,
  );
  await model.updateMany({ ...idsIn(due.map((c) => c._id)) }, { $set: { editClosed: true } });
  return due.length;
}

/** The reminder of an answered check-in: "answered", no button (the weekly DM keeps the edit button). */
export async function settleReminderDm(deps: CheckinsDeps, c: Checkin): Promise<void> {
  await rewrite(deps, [c], (x) => settledReminderMessage(x, 'answered'), checkinReminderMessageModel);
}

async function rewrite(
  deps: CheckinsDeps,
  checkins: Checkin[],
  render: (c: Checkin) => OutgoingMessage,
  refs: typeof checkinMessageModel,
): Promise<void> {
  const found = await refs(deps.db)
    .find(idsIn(checkins.map((c) => c._id)))
    .lean<(PostedRef & { _id: Checkin['_id'] })[]>()
    .exec();
  const byId = new Map(checkins.map((c) => [c._id.toHexString(), c]));
  for (const ref of found) {
    const c = byId.get(ref._id.toHexString());
    if (!c || !ref.channel || !ref.ts) continue;
    try {
      await deps.gateway.updateMessage({ channel: ref.channel, ts: ref.ts }, render(c));
    } catch (err) {
      deps.logger.warn('could not update a check-in message', {
        checkinId: c._id.toHexString(),
        error: slackErrorCode(err),
      });
    }
  }
}
