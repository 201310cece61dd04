import mongoose, { type Connection } from 'mongoose';
import type { ErasureSubject, ExportSection } from '../../feature.js';
import { answerModel, type CommunityEvent, type EventAnswer, eventModel } from '../model.js';

/** The events a person created and their answers to events (with the event they answered). */
export async function communityDataOf(
  conn: Connection,
  userId: string,
): Promise<Record<string, ExportSection>> {
  const [created, answers] = await Promise.all([
    eventModel(conn).find({ createdBy: userId }).lean<CommunityEvent[]>().exec(),
    answerModel(conn).find({ userId }).lean<EventAnswer[]>().exec(),
  ]);
  const answered = await Promise.all(
    answers.map((a) => eventModel(conn).findById(a.eventId).lean<CommunityEvent>().exec()),
  );
  return {
    events: {
      description: 'privacy.export.section.events',
      eventsYouCreated: created.map((e) => ({
        eventId: e._id.toString(),
        title: e.title,
        description: e.description,
        startsAt: e.startsAt,
        timeZone: e.timezone,
        durationMinutes: e.durationMinutes,
        place: e.place,
        capacity: e.capacity,
        channel: e.channelId,
        answerBy: e.deadline,
        status: e.status,
        createdAt: e.createdAt,
      })),
      yourAnswers: answers.map((a, i) => ({
        eventId: a.eventId.toString(),
        event: answered[i]?.title ?? null,
        startsAt: answered[i]?.startsAt ?? null,
        answer: a.status,
        answeredAt: a.answeredAt,
        holdsASeat: answered[i]?.seats.includes(userId) ?? false,
        toldWaitlisted: a.toldWaitlisted,
      })),
    },
  };
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
