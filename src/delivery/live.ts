import { createHash, randomBytes } from 'node:crypto';
import type { Logger } from '@slack/bolt';
import mongoose, { type Connection, Schema, type Types } from 'mongoose';
import type { Clock } from '../clock.js';
import { defineModel } from '../db/model.js';
import type { JobRunner } from '../scheduler/runner.js';
import { slackErrorCode } from '../slack/errors.js';
import type { OutgoingMessage, PostedRef, SlackGateway } from '../slack/gateway.js';

/**
 * An interactive message the app sent about something that changes (a mission's offboarding, an
 * onboarding item): where it is, who got it and what it shows, so that every state change rewrites
 * it from the current state (docs/messages.md lists the kinds).
 */
export interface LiveMessage {
  _id: Types.ObjectId;
  /** What it is about, owned by one feature: `offboarding:<missionId>`, `onboarding:<missionId>`. */
  subject: string;
  /** The message kind (the owner's renderer switches on it). */
  kind: string;
  /** Who received it (their view: language, zone, side). */
  to: string;
  /** What the kind needs besides the subject (a side, an item id, an end date), or ''. */
  arg: string;
  channel: string;
  ts: string;
  /** A hash of the last payload posted there: an unchanged rendering costs no chat.update. */
  shown: string;
  at: Date;
}

const liveSchema = new Schema<LiveMessage>(
  {
    subject: { type: String, required: true },
    kind: { type: String, required: true },
    to: { type: String, required: true },
    arg: { type: String, default: '' },
    channel: { type: String, required: true },
    ts: { type: String, required: true },
    shown: { type: String, default: '' },
    at: { type: Date, required: true },
  },
  { collection: 'live_messages', versionKey: false },
);
// Every refresh reads a subject's messages (equality, pushed down on FerretDB).
liveSchema.index({ subject: 1 });
// A message is remembered once, wherever it is.
liveSchema.index({ channel: 1, ts: 1 }, { unique: true });
// Erasure: the messages a person received.
liveSchema.index({ to: 1 });

const live = defineModel('LiveMessage', liveSchema);

/**
 * One per subject: `version` counts its changes, `lockedUntil` is the lease of the one refresh
 * rewriting its messages. Two refreshes writing at once could leave the older state last in Slack;
 * with the lease one writes at a time, and it goes round again while changes keep coming in.
 */
interface LiveSubject {
  _id: string;
  version: number;
  lockedUntil: Date;
}
const subjects = defineModel(
  'LiveSubject',
  new Schema<LiveSubject>(
    {
      _id: String,
      version: { type: Number, default: 0 },
      lockedUntil: { type: Date, default: () => new Date(0) },
    },
    { collection: 'live_subjects', versionKey: false },
  ),
);

/** How long one refresh may hold a subject (far above a round of a few chat.update). */
const LEASE_MS = 60_000;
/** Rounds one refresh makes while changes keep coming; then it gives the subject up and is retried. */
const MAX_ROUNDS = 5;

/** A stable fingerprint of a message payload. */
export function fingerprint(message: OutgoingMessage): string {
  return createHash('sha256').update(JSON.stringify(message)).digest('hex').slice(0, 24);
}

/** Remembers a message just posted (idempotent: a retried job that finds its receipt writes the same). */
export async function rememberMessage(
  conn: Connection,
  what: { subject: string; kind: string; to: string; arg?: string },
  ref: PostedRef,
  message: OutgoingMessage | null,
  at: Date,
): Promise<void> {
  await live(conn).updateOne(
    { channel: ref.channel, ts: ref.ts },
    {
      $set: { subject: what.subject, kind: what.kind, to: what.to, arg: what.arg ?? '', at },
      // null: a message posted before it was remembered (adopted on a click): its next refresh rewrites it.
      $setOnInsert: { shown: message ? fingerprint(message) : '' },
    },
    { upsert: true },
  );
}

/**
 * Forgets what the subject's messages are believed to show, so that the next refresh rewrites them
 * all: for a click that came from a copy showing something else than what is stored (a stale copy).
 */
export async function forgetShown(conn: Connection, subject: string): Promise<void> {
  await live(conn).updateMany({ subject }, { $set: { shown: '' } });
}

/** The messages of a subject (few: a mission's DMs). */
export function liveMessagesOf(conn: Connection, subject: string): Promise<LiveMessage[]> {
  return live(conn).find({ subject }).limit(200).lean<LiveMessage[]>().exec();
}

/**
 * Drops what the app remembers of the messages a person received, and of those naming them in
 * their argument (an invite copy's inviter): erasure. Returns how many.
 */
export async function eraseLiveMessagesTo(conn: Connection, userId: string): Promise<number> {
  const received = (await live(conn).deleteMany({ to: userId })).deletedCount;
  return received + (await live(conn).deleteMany({ arg: userId })).deletedCount;
}

/** What a kind's renderer says of one message now. */
export type Rendering =
  /** Rewrite it so (skipped when unchanged). `final`: nothing about it will change again, forget it. */
  | { message: OutgoingMessage; final?: boolean }
  /** Nothing to show any more (its subject is gone): forget it, leave the message as it is. */
  | null;

/** Builds the current version of one remembered message. */
export type Renderer = (m: LiveMessage) => Promise<Rendering>;

export interface LiveDeps {
  db: Connection;
  gateway: SlackGateway;
  logger: Logger;
  clock: Clock;
}

/**
 * Rewrites every remembered message of `subject` from the current state, one refresh at a time per
 * subject: a refresh that finds the subject held leaves it to the holder, which goes round again
 * as long as the subject's version moved during its round (it releases the lease only if it did
 * not). An unchanged rendering costs nothing; a message deleted in Slack is forgotten; a final one
 * is rewritten then forgotten. Throws (after releasing) when Slack refused an update for a reason
 * that may pass, so that the job running it is retried.
 */
export async function refreshLiveMessages(
  deps: LiveDeps,
  subject: string,
  render: Renderer,
): Promise<number> {
  const model = subjects(deps.db);
  const now = deps.clock.now();
  let held = await model
    .findOneAndUpdate(
      { _id: subject, lockedUntil: mongoose.trusted({ $lte: now }) },
      { $set: { lockedUntil: new Date(now.getTime() + LEASE_MS) } },
      { returnDocument: 'after' },
    )
    .lean<LiveSubject>()
    .exec();
  if (!held) return 0;
  let updated = 0;
  try {
    for (let round = 0; round < MAX_ROUNDS && held; round += 1) {
      updated += await rewriteAll(deps, subject, render);
      const released = await model.updateOne(
        { _id: subject, version: held.version },
        { $set: { lockedUntil: new Date(0) } },
      );
      if (released.modifiedCount === 1) return updated;
      held = await model.findById(subject).lean<LiveSubject>().exec();
    }
  } catch (err) {
    await model.updateOne({ _id: subject }, { $set: { lockedUntil: new Date(0) } });
    throw err;
  }
  await model.updateOne({ _id: subject }, { $set: { lockedUntil: new Date(0) } });
  throw new Error(`messages of ${subject} still changing after ${MAX_ROUNDS} rounds (retried)`);
}

async function rewriteAll(deps: LiveDeps, subject: string, render: Renderer): Promise<number> {
  const model = live(deps.db);
  let updated = 0;
  let failure: unknown;
  for (const m of await liveMessagesOf(deps.db, subject)) {
    const r = await render(m);
    if (r === null) {
      await model.deleteOne({ _id: m._id });
      continue;
    }
    const shown = fingerprint(r.message);
    try {
      if (shown !== m.shown) {
        await deps.gateway.updateMessage({ channel: m.channel, ts: m.ts }, r.message);
        updated += 1;
      }
      if (r.final) await model.deleteOne({ _id: m._id });
      else if (shown !== m.shown) await model.updateOne({ _id: m._id }, { $set: { shown } });
    } catch (err) {
      const code = slackErrorCode(err);
      if (code === 'message_not_found' || code === 'channel_not_found' || code === 'cant_update_message') {
        await model.deleteOne({ _id: m._id });
        continue;
      }
      deps.logger.warn('could not bring a message up to date (retried)', {
        subject,
        kind: m.kind,
        error: code,
      });
      failure = err;
    }
  }
  if (failure) throw failure;
  return updated;
}

/** The subject a refresh job was queued for (its payload, written by `queueRefresh`). */
export function refreshSubject(payload: Record<string, unknown>): string {
  return typeof payload.subject === 'string' ? payload.subject : '';
}

/** What an owner's refresh job runs: its subject's messages rewritten by `render`; how many were updated. */
export function refreshFromJob(
  deps: LiveDeps,
  payload: Record<string, unknown>,
  render: Renderer,
): Promise<number> {
  return refreshLiveMessages(deps, refreshSubject(payload), render);
}

/**
 * Queues the refresh of a subject's messages as a durable job (`jobName`, the owner's handler) and
 * runs it at once: a refresh Slack refuses, or one cut short by a stop or a crash, is retried or
 * taken over by the job runner. One job per state change (the key carries a fresh token).
 */
export async function queueRefresh(
  deps: { db: Connection; clock: Clock; scheduler: { runner: JobRunner } },
  jobName: string,
  subject: string,
): Promise<void> {
  await bumpVersion(deps.db, subject);
  const key = `${jobName}:${subject}:${deps.clock.now().getTime()}:${randomBytes(4).toString('hex')}`;
  await deps.scheduler.runner.enqueue({ key, name: jobName, runAt: deps.clock.now(), payload: { subject } });
  await deps.scheduler.runner.runNow(key);
}

/** A change of the subject: a refresh under way goes round again. */
async function bumpVersion(conn: Connection, subject: string): Promise<void> {
  const model = subjects(conn);
  const bump = () =>
    model.updateOne(
      { _id: subject },
      { $inc: { version: 1 }, $setOnInsert: { lockedUntil: new Date(0) } },
      { upsert: true },
    );
  try {
    await bump();
  } catch (err) {
    // Two first changes at once: one upsert wins the insert, the other hits the key and bumps it.
    if ((err as { code?: unknown }).code !== 11000) throw err;
    await bump();
  }
}
