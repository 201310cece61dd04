import { nextSendingMoment } from '../../calendar/sending-hours.js';
import { calendarFor } from '../../calendar/work-calendar.js';
import type { JobContext, JobDeferral } from '../../scheduler/runner.js';
import { slackErrorCode } from '../../slack/errors.js';
import { type Reader, readerOf } from '../../slack/reader.js';
import { nonUrgentSendTime, preferencesOf } from '../preferences/index.js';
import type { RemindersDeps } from './deps.js';
import { DIGEST_JOB, digestJobKey } from './ids.js';
import { claimDay, digestMarked, digestOfDay, digestsListing, setDigestSent } from './repository.js';
import { localDay, nextLocalDay } from './rules.js';
import type { DigestEntry } from './source.js';
import { digestMessage } from './views.js';

/** What planning a digest needs: the job runner and the workspace's calendar defaults. */
export type PlanDeps = Pick<RemindersDeps, 'scheduler' | 'config'>;

/**
 * Makes sure `userId` gets a digest once something of theirs falls due a reminder at `at`: the job
 * of the local day of the first sending moment from then (in `zone`) is queued, brought forward or
 * woken. Many items of one day share the one job; the job itself collects them when it runs.
 */
export async function planDigest(
  deps: PlanDeps,
  userId: string,
  at: Date,
  zone: string,
  now: Date,
): Promise<void> {
  const from = at > now ? at : now;
  const runAt = nextSendingMoment(from, calendarFor({ zone, fallbackCountry: deps.config.defaultCountry }));
  const day = localDay(runAt, zone);
  await deps.scheduler.runner.enqueueOrWake({
    key: digestJobKey(userId, day),
    name: DIGEST_JOB,
    runAt,
    payload: { userId, day },
  });
}

/**
 * A person's digest of a day (the job). In their sending hours (held, never dropped; muted: not
 * sent), unless another digest already went that day (then tomorrow): every source marks what is
 * due and not yet reminded with this job's key, the day is claimed (unique per person and day), and
 * one DM lists it all through the dispatcher under the job's key — a run taken over after a crash
 * lists what the first run took and never sends twice. Then the next digest is planned.
 */
export async function sendDigest(
  deps: RemindersDeps,
  payload: Record<string, unknown>,
  ctx: Pick<JobContext, 'key' | 'now'>,
): Promise<JobDeferral | undefined> {
  const userId = typeof payload.userId === 'string' ? payload.userId : '';
  if (!userId) return undefined;
  const { now, key } = ctx;
  // What this job's items are marked with: its own day, the same on every run of the job.
  const mark = typeof payload.day === 'string' ? payload.day : key;
  const reader = await readerOf(deps, userId);
  const calendar = calendarFor({ zone: reader.zone, fallbackCountry: deps.config.defaultCountry });
  const prefs = (await preferencesOf(deps.db, [userId])).get(userId);
  const at = nonUrgentSendTime(now, calendar, prefs, 'reminders');
  if (at === null) return undefined;
  if (at > now) return { deferUntil: at };
  const day = localDay(now, reader.zone);
  const tomorrow = nextLocalDay(now, reader.zone);
  const holder = await digestOfDay(deps.db, userId, day);
  // Another digest went today: what is due waits for tomorrow's.
  if (holder && holder.mark !== mark) return planNext(deps, userId, tomorrow, reader, now);
  // This job run again (taken over after a crash, or woken by a new item) after its DM went: take nothing more.
  const mine = holder ?? (await digestMarked(deps.db, userId, mark));
  const went = mine !== null && (mine.ref !== null || (await wentOut(deps, key)));
  if (!went) for (const source of deps.sources()) await source.take(userId, mark, now);
  const entries = await listedBy(deps, userId, mark, reader);
  const toSend = !went && entries.some((e) => !e.done);
  if (toSend) {
    if (!(await claimDay(deps.db, userId, day, key, mark, now))) {
      // Another job took the day in between: give the items back for tomorrow's.
      for (const source of deps.sources()) await source.release(userId, mark);
      return planNext(deps, userId, tomorrow, reader, now);
    }
    const delivery = await deps.dispatcher.sendForJob(
      key,
      { to: userId, message: digestMessage(entries, reader) },
      { signal: deps.scheduler.stopSignal },
    );
    const ref = delivery.status === 'sent' ? { channel: delivery.ref.channel, ts: delivery.ref.ts } : null;
    await setDigestSent(deps.db, userId, day, ref, [...new Set(entries.map((e) => e.missionId))]);
  }
  const next = await nextDueOf(deps, userId, now);
  if (next === null) return undefined;
  // Nothing went today: this same job waits for the next item of the day. Otherwise, tomorrow's job.
  if (!toSend && !went && localDay(next, reader.zone) === day) return { deferUntil: next };
  return planNext(deps, userId, toSend || went ? tomorrow : now, reader, now, next);
}

/** Plans the digest that carries what falls due next: not before `notBefore`, nor before `next`. */
async function planNext(
  deps: RemindersDeps,
  userId: string,
  notBefore: Date,
  reader: Reader,
  now: Date,
  next?: Date,
): Promise<undefined> {
  const due = next ?? (await nextDueOf(deps, userId, now)) ?? notBefore;
  await planDigest(deps, userId, due > notBefore ? due : notBefore, reader.zone, now);
  return undefined;
}

/** Whether the job's DM was handed to Slack by an earlier run (accepted, or in doubt: never twice). */
async function wentOut(deps: RemindersDeps, key: string): Promise<boolean> {
  const past = await deps.dispatcher.recover(key);
  return past.accepted.has(key) || past.inDoubt.has(key);
}

/**
 * Redraws `userId`'s recent digests that list `missionId` (an item ticked, confirmed, given): each
 * shows what it listed as it stands now. A failed edit is logged; the state is stored.
 */
export async function redrawDigests(deps: RemindersDeps, userId: string, missionId: string): Promise<void> {
  const digests = await digestsListing(deps.db, userId, missionId);
  if (digests.length === 0) return;
  const reader = await readerOf(deps, userId);
  for (const d of digests) {
    if (!d.ref) continue;
    const entries = await listedBy(deps, userId, d.mark, reader);
    try {
      await deps.gateway.updateMessage(d.ref, digestMessage(entries, reader));
    } catch (err) {
      deps.logger.warn('could not redraw a reminder digest', { day: d.day, error: slackErrorCode(err) });
    }
  }
}

async function listedBy(
  deps: RemindersDeps,
  userId: string,
  mark: string,
  reader: Reader,
): Promise<DigestEntry[]> {
  const lists = await Promise.all(deps.sources().map((s) => s.listed(userId, mark, reader)));
  return lists.flat();
}

async function nextDueOf(deps: RemindersDeps, userId: string, now: Date): Promise<Date | null> {
  const dates = await Promise.all(deps.sources().map((s) => s.nextDue(userId, now)));
  const times = dates.flatMap((d) => (d ? [d.getTime()] : []));
  return times.length > 0 ? new Date(Math.min(...times)) : null;
}
