import { createHash, randomBytes } from 'node:crypto';
import type { Logger } from '@slack/bolt';
import { type Connection, Schema, type Types } from 'mongoose';
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

/** A stable fingerprint of a message payload. */
export function fingerprint(message: OutgoingMessage): string {
  return createHash('sha256').update(JSON.stringify(message)).digest('hex').slice(0, 24);
}

/** Remembers a message just posted (idempotent: a retried job that finds its receipt writes the same). */
export async function rememberMessage(
  conn: Connection,
  what: { subject: string; kind: string; to: string; arg?: string },
  ref: PostedRef,
  message: OutgoingMessage,
  at: Date,
): Promise<void> {
  await live(conn).updateOne(
    { channel: ref.channel, ts: ref.ts },
    {
      $set: { subject: what.subject, kind: what.kind, to: what.to, arg: what.arg ?? '', at },
      $setOnInsert: { shown: fingerprint(message) },
    },
    { upsert: true },
  );
}

/** Records that `message` is what Slack shows at `ref` now (after an update made elsewhere). */
export async function markShown(conn: Connection, ref: PostedRef, message: OutgoingMessage): Promise<void> {
  await live(conn).updateOne({ channel: ref.channel, ts: ref.ts }, { $set: { shown: fingerprint(message) } });
}

/** The messages of a subject (few: a mission's DMs). */
export function liveMessagesOf(conn: Connection, subject: string): Promise<LiveMessage[]> {
  return live(conn).find({ subject }).limit(200).lean<LiveMessage[]>().exec();
}

/** Drops what the app remembers of the messages a person received (erasure). Returns how many. */
export async function eraseLiveMessagesTo(conn: Connection, userId: string): Promise<number> {
  return (await live(conn).deleteMany({ to: userId })).deletedCount;
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
}

/**
 * Rewrites every remembered message of `subject` from the current state. An unchanged rendering
 * costs nothing; a message deleted in Slack is forgotten; a final one is rewritten then forgotten.
 * Throws after trying them all when Slack refused one for a reason that may pass, so that the job
 * running it is retried (rewriting the others again is harmless: same payload, skipped).
 */
export async function refreshLiveMessages(
  deps: LiveDeps,
  subject: string,
  render: Renderer,
): Promise<number> {
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

/**
 * Queues the refresh of a subject's messages as a durable job (`jobName`, the owner's handler) and
 * runs it at once: a refresh Slack refuses, or one cut short by a stop or a crash, is retried or
 * taken over by the job runner. One job per state change (the key carries a fresh token).
 */
export async function queueRefresh(
  deps: { clock: Clock; scheduler: { runner: JobRunner } },
  jobName: string,
  subject: string,
): Promise<void> {
  const key = `${jobName}:${subject}:${deps.clock.now().getTime()}:${randomBytes(4).toString('hex')}`;
  await deps.scheduler.runner.enqueue({ key, name: jobName, runAt: deps.clock.now(), payload: { subject } });
  await deps.scheduler.runner.runNow(key);
}
