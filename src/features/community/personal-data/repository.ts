import mongoose, { type Connection } from 'mongoose';
import { WITHOUT_ROLLUP_FIELDS } from '../../../rollups.js';
import type { ErasureSubject } from '../../feature.js';
import { answerModel, eventModel } from '../model.js';

/** The events a person created and their answers to events. */
export async function communityDataOf(conn: Connection, userId: string): Promise<Record<string, unknown>> {
  const [created, answers] = await Promise.all([
    eventModel(conn).find({ createdBy: userId }, WITHOUT_ROLLUP_FIELDS).lean().exec(),
    answerModel(conn).find({ userId }).lean().exec(),
  ]);
  return { eventsCreated: created, eventAnswers: answers };
}

/**
 * Erasure: their answers stay counted under the pseudonym; events they created name it instead, and
 * a seat they hold is held by the pseudonym (the seat count stays).
 */
export async function eraseCommunityData(
  conn: Connection,
  userId: string,
  { pseudonym }: ErasureSubject,
): Promise<void> {
  await answerModel(conn).updateMany({ userId }, { $set: { userId: pseudonym } });
  await eventModel(conn).updateMany({ createdBy: userId }, { $set: { createdBy: pseudonym } });
  // The seat changes hands in two idempotent steps (one update cannot both push to and pull from
  // `seats`): the pseudonym joins the holders, then the id leaves. `seatCount`, what every seat
  // decision reads, does not move, so a click between the two steps sees the same free seats.
  const events = eventModel(conn);
  await events.updateMany(
    { $and: [{ seats: userId }, { seats: mongoose.trusted({ $ne: pseudonym }) }] },
    { $push: { seats: pseudonym } },
  );
  await events.updateMany({ seats: userId }, { $pull: { seats: userId } });
}
