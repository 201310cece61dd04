import type { Connection } from 'mongoose';
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

/** Erasure: their answers stay counted under the pseudonym; events they created name it instead. */
export async function eraseCommunityData(
  conn: Connection,
  userId: string,
  { pseudonym }: ErasureSubject,
): Promise<void> {
  await answerModel(conn).updateMany({ userId }, { $set: { userId: pseudonym } });
  await eventModel(conn).updateMany({ createdBy: userId }, { $set: { createdBy: pseudonym } });
}
