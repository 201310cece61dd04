import mongoose, { type Connection, Types } from 'mongoose';
import { dirty } from '../../../rollups.js';
import { type Checkin, type CheckinAnswer, checkinModel } from '../model.js';

/** A check-in by id, or null (also for a malformed id, which may come from a forged payload). */
export async function findCheckin(conn: Connection, id: string): Promise<Checkin | null> {
  if (!Types.ObjectId.isValid(id)) return null;
  return checkinModel(conn).findById(id).lean<Checkin>().exec();
}

/** The freelancer's latest sent or answered check-ins, newest first (the {freelancerId, dueAt} index). */
export async function latestAnswerableOf(conn: Connection, freelancerId: string): Promise<Checkin[]> {
  return checkinModel(conn)
    .find({ freelancerId, status: mongoose.trusted({ $in: ['sent', 'answered'] }) })
    .sort({ dueAt: -1 })
    .limit(5)
    .lean<Checkin[]>()
    .exec();
}

/** The freelancer's next scheduled check-in from `now`, or null. */
export async function nextScheduledOf(
  conn: Connection,
  freelancerId: string,
  now: Date,
): Promise<Checkin | null> {
  return checkinModel(conn)
    .findOne({ freelancerId, status: 'scheduled', dueAt: mongoose.trusted({ $gte: now }) })
    .sort({ dueAt: 1 })
    .lean<Checkin>()
    .exec();
}

/**
 * Stores an answer only if the check-in is still as it was read (status and version): of two
 * deliveries of one submission, or two racing edits, one wins and the other reads again. The first
 * answer's time stays in `answeredAt` (edits show in `updatedAt`); `alert` only ever turns on.
 * Returns the stored check-in, or null when it changed meanwhile.
 */
export async function storeAnswer(
  conn: Connection,
  prev: Checkin,
  answer: CheckinAnswer,
  now: Date,
  raiseAlert: boolean,
): Promise<Checkin | null> {
  return checkinModel(conn)
    .findOneAndUpdate(
      { _id: prev._id, freelancerId: prev.freelancerId, status: prev.status, updatedAt: prev.updatedAt },
      dirty({
        $set: {
          status: 'answered',
          answer,
          answeredAt: prev.answeredAt ?? now,
          alert: prev.alert || raiseAlert,
        },
      }),
      { returnDocument: 'after' },
    )
    .lean<Checkin>()
    .exec();
}

/** The mission's check-in of the latest week before `week` (ISO week names sort as text), or null. */
export async function previousCheckin(
  conn: Connection,
  missionId: Types.ObjectId,
  week: string,
): Promise<Checkin | null> {
  return checkinModel(conn)
    .findOne({ missionId, week: mongoose.trusted({ $lt: week }) })
    .sort({ week: -1 })
    .lean<Checkin>()
    .exec();
}
