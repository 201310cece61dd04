import mongoose, { type Connection, Types } from 'mongoose';
import { isDuplicateKey } from '../../db/duplicates.js';
import type { MessageRef } from '../../db/schemas.js';
import { DIRTY, dirty } from '../../rollups.js';
import {
  type AnswerStatus,
  answerModel,
  type CommunityEvent,
  type EventAnswer,
  type EventCounts,
  eventModel,
} from './model.js';

export type NewEvent = Pick<
  CommunityEvent,
  | 'creationKey'
  | 'createdBy'
  | 'title'
  | 'description'
  | 'startsAt'
  | 'timezone'
  | 'durationMinutes'
  | 'place'
  | 'capacity'
  | 'channelId'
  | 'deadline'
>;

const oid = (id: string) => (Types.ObjectId.isValid(id) ? new Types.ObjectId(id) : null);

/** Stores a new event; `duplicate` when this submission already created one. */
export async function insertEvent(conn: Connection, data: NewEvent): Promise<CommunityEvent | 'duplicate'> {
  try {
    return (await eventModel(conn).create({ ...data, ...DIRTY })).toObject();
  } catch (err) {
    if (isDuplicateKey(err)) return 'duplicate';
    throw err;
  }
}

export async function findEvent(conn: Connection, id: string): Promise<CommunityEvent | null> {
  const _id = oid(id);
  return _id ? eventModel(conn).findById(_id).lean<CommunityEvent>().exec() : null;
}

export async function setEventMessage(conn: Connection, id: Types.ObjectId, ref: MessageRef): Promise<void> {
  await eventModel(conn).updateOne({ _id: id }, { $set: { message: ref } });
}

/** Applies an edit to an open event; bumps the edit version when the time or place changed. */
export async function updateEvent(
  conn: Connection,
  id: Types.ObjectId,
  changes: Partial<NewEvent>,
  moved: boolean,
): Promise<CommunityEvent | null> {
  return eventModel(conn)
    .findOneAndUpdate(
      { _id: id, status: 'open' },
      dirty({
        $set: { ...changes, dirty: true, copiesDueAt: new Date(0) },
        $inc: { version: 1, editVersion: moved ? 1 : 0 },
      }),
      { returnDocument: 'after' },
    )
    .lean<CommunityEvent>()
    .exec();
}

/** open → cancelled, once: resolves with the event when this call cancelled it. */
export async function cancelEvent(conn: Connection, id: Types.ObjectId): Promise<CommunityEvent | null> {
  return eventModel(conn)
    .findOneAndUpdate(
      { _id: id, status: 'open' },
      dirty({ $set: { status: 'cancelled', dirty: true, copiesDueAt: new Date(0) }, $inc: { version: 1 } }),
      { returnDocument: 'after' },
    )
    .lean<CommunityEvent>()
    .exec();
}

/**
 * Flags the message as possibly behind before an answer is written, so that a process dying
 * between the answer and `markDirty` still leaves the event for the catch-up pass (no version bump:
 * a render in between sees the same version before and after and clears it; `markDirty` sets it again).
 */
export async function flagDirty(conn: Connection, id: Types.ObjectId): Promise<void> {
  await eventModel(conn).updateOne({ _id: id }, dirty({ $set: { dirty: true } }));
}

/** Marks the message behind the stored answers (after the answer is written, never before). */
export async function markDirty(conn: Connection, id: Types.ObjectId): Promise<void> {
  await eventModel(conn).updateOne({ _id: id }, dirty({ $inc: { version: 1 }, $set: { dirty: true } }));
}

/**
 * Stores a person's answer (one per event and person: unique index, one atomic upsert) if the click
 * is newer than the stored one (`clickedAt`): the last click wins whatever the order they are
 * processed in. Resolves with the previous answer (null for a first answer), or 'stale'.
 */
export async function storeAnswer(
  conn: Connection,
  eventId: Types.ObjectId,
  userId: string,
  status: AnswerStatus,
  now: Date,
  clickedAt: number,
): Promise<EventAnswer | null | 'stale'> {
  const model = answerModel(conn);
  const queueKey = `${now.toISOString()}|${new Types.ObjectId().toHexString()}`;
  for (let attempt = 0; ; attempt++) {
    try {
      const before = await model
        .findOneAndUpdate(
          { eventId, userId, clickedAt: mongoose.trusted({ $lt: clickedAt }) },
          {
            $set: { status, answeredAt: now, clickedAt },
            $setOnInsert: { toldWaitlisted: false, queueKey },
          },
          { upsert: true, returnDocument: 'before' },
        )
        .lean<EventAnswer>()
        .exec();
      if (before && before.status !== 'going' && status === 'going') {
        // Back to "going": to the end of the line (a conditional update, so a concurrent change wins cleanly).
        await model.updateOne(
          { _id: before._id, status: 'going', queueKey: before.queueKey },
          { $set: { queueKey, toldWaitlisted: false } },
        );
      }
      return before;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      // The unique index refused an insert: either a newer click is stored (this one is stale), or
      // two first clicks raced and the other inserted; look once more.
      const stored = await findAnswer(conn, eventId, userId);
      if (!stored || stored.clickedAt >= clickedAt || attempt >= 2) return 'stale';
    }
  }
}

export function findAnswer(
  conn: Connection,
  eventId: Types.ObjectId,
  userId: string,
): Promise<EventAnswer | null> {
  return answerModel(conn).findOne({ eventId, userId }).lean<EventAnswer>().exec();
}

/** The answers of one kind, oldest place in line first (equality on the indexed pair, sorted here). */
export async function answersWithStatus(
  conn: Connection,
  eventId: Types.ObjectId,
  status: AnswerStatus,
): Promise<Pick<EventAnswer, 'userId' | 'queueKey' | 'answeredAt' | 'toldWaitlisted'>[]> {
  const rows = await answerModel(conn)
    .find({ eventId, status }, { userId: 1, queueKey: 1, answeredAt: 1, toldWaitlisted: 1, _id: 0 })
    .lean<Pick<EventAnswer, 'userId' | 'queueKey' | 'answeredAt' | 'toldWaitlisted'>[]>()
    .exec();
  return rows.sort((a, b) => (a.queueKey < b.queueKey ? -1 : a.queueKey > b.queueKey ? 1 : 0));
}

/** Counts computed from the stored answers (and the seats, for an event with a capacity). */
export async function countsOf(conn: Connection, event: CommunityEvent): Promise<EventCounts> {
  const model = answerModel(conn);
  const count = (status: AnswerStatus) => model.countDocuments({ eventId: event._id, status }).exec();
  const [going, maybe, no] = await Promise.all([count('going'), count('maybe'), count('no')]);
  if (event.capacity === null) return { going, waitlist: 0, maybe, no };
  const seated = Math.min(event.seatCount, going);
  return { going: seated, waitlist: going - seated, maybe, no };
}

/** Takes a seat for `userId` if one is free: one conditional update (the count and the holder together). */
export async function takeSeat(conn: Connection, event: CommunityEvent, userId: string): Promise<boolean> {
  if (event.capacity === null) return false;
  const res = await eventModel(conn).updateOne(
    {
      _id: event._id,
      status: 'open',
      seatCount: mongoose.trusted({ $lt: event.capacity }),
      seats: mongoose.trusted({ $ne: userId }),
    },
    dirty({ $inc: { seatCount: 1 }, $push: { seats: userId } }),
  );
  return res.modifiedCount === 1;
}

/** Gives a seat back (idempotent: only a holder's seat is released). */
export async function releaseSeat(
  conn: Connection,
  eventId: Types.ObjectId,
  userId: string,
): Promise<boolean> {
  const res = await eventModel(conn).updateOne(
    { _id: eventId, seats: userId },
    dirty({ $inc: { seatCount: -1 }, $pull: { seats: userId } }),
  );
  return res.modifiedCount === 1;
}

export async function markToldWaitlisted(
  conn: Connection,
  eventId: Types.ObjectId,
  userId: string,
): Promise<void> {
  await answerModel(conn).updateOne({ eventId, userId, status: 'going' }, { $set: { toldWaitlisted: true } });
}

/**
 * Claims the right to update the invite message now: the event is behind its answers and nobody
 * updated it in the last interval. One instance wins per interval.
 */
export function claimRender(conn: Connection, id: Types.ObjectId, now: Date, intervalMs: number) {
  return eventModel(conn)
    .findOneAndUpdate(
      { _id: id, dirty: true, nextRenderAt: mongoose.trusted({ $lte: now }) },
      { $set: { nextRenderAt: new Date(now.getTime() + intervalMs) } },
      { returnDocument: 'after' },
    )
    .lean<CommunityEvent>()
    .exec();
}

/** The message now shows `version`: clean, unless an answer came in meanwhile (then it stays dirty). */
export async function markRendered(conn: Connection, id: Types.ObjectId, version: number): Promise<boolean> {
  const res = await eventModel(conn).updateOne(
    { _id: id, version },
    { $set: { dirty: false, renderedVersion: version } },
  );
  return res.modifiedCount === 1;
}

/** Events whose message is behind (the catch-up pass). */
export function dirtyEvents(conn: Connection): Promise<Pick<CommunityEvent, '_id' | 'nextRenderAt'>[]> {
  return eventModel(conn)
    .find({ dirty: true }, { _id: 1, nextRenderAt: 1 })
    .limit(200)
    .lean()
    .exec() as Promise<Pick<CommunityEvent, '_id' | 'nextRenderAt'>[]>;
}

/** Whether the DM copies are left behind (pacing) or brought up to date, and when they may be rewritten next. */
export async function setCopiesState(
  conn: Connection,
  id: Types.ObjectId,
  state: { behind: boolean; dueAt?: Date },
): Promise<void> {
  await eventModel(conn).updateOne(
    { _id: id },
    { $set: { copiesBehind: state.behind, ...(state.dueAt ? { copiesDueAt: state.dueAt } : {}) } },
  );
}

/** Events whose DM copies were left behind new counts (the catch-up pass). */
export function eventsWithCopiesBehind(
  conn: Connection,
): Promise<Pick<CommunityEvent, '_id' | 'copiesDueAt'>[]> {
  return eventModel(conn)
    .find({ copiesBehind: true }, { _id: 1, copiesDueAt: 1 })
    .limit(200)
    .lean()
    .exec() as Promise<Pick<CommunityEvent, '_id' | 'copiesDueAt'>[]>;
}

/** Open events starting after `from` (soonest first). */
export async function upcomingEvents(conn: Connection, from: Date, until?: Date): Promise<CommunityEvent[]> {
  const rows = await eventModel(conn).find({ status: 'open' }).lean<CommunityEvent[]>().exec();
  return rows
    .filter((e) => e.startsAt > from && (until === undefined || e.startsAt <= until))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** Open events an animator created. */
export async function eventsCreatedBy(
  conn: Connection,
  userId: string,
  from: Date,
): Promise<CommunityEvent[]> {
  const rows = await eventModel(conn)
    .find({ createdBy: userId, status: 'open' })
    .lean<CommunityEvent[]>()
    .exec();
  return rows.filter((e) => e.startsAt > from).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** A person's answers (going and maybe), with their events. */
export async function answersOf(conn: Connection, userId: string): Promise<EventAnswer[]> {
  // Two equality queries on the indexed pair (FerretDB does not push `$in` down).
  const find = (status: AnswerStatus) =>
    answerModel(conn).find({ userId, status }).lean<EventAnswer[]>().exec();
  const [going, maybe] = await Promise.all([find('going'), find('maybe')]);
  return [...going, ...maybe];
}

export async function eventsByIds(
  conn: Connection,
  ids: readonly Types.ObjectId[],
): Promise<CommunityEvent[]> {
  if (ids.length === 0) return [];
  return eventModel(conn)
    .find({ _id: mongoose.trusted({ $in: ids }) })
    .lean<CommunityEvent[]>()
    .exec();
}
