import mongoose, { type Connection, type Types } from 'mongoose';
import { idsIn, inIdBatches } from '../../../db/batches.js';
import { type CheckinAnswer, checkinModel } from '../model.js';
import { answerTextCleared } from '../personal-data/service.js';

function hasText(a: CheckinAnswer | null): boolean {
  if (!a) return false;
  return Boolean(a.progress || a.blockers || a.note || Object.keys(a.extra ?? {}).length > 0);
}

/**
 * Empties the free text of answers to check-ins due before `cutoff` (scores, yes/no and visibility
 * stay for the aggregates). Reads the old answered check-ins (a range: a scan on FerretDB, once a
 * day), then updates those that still hold text by batches of ids. Returns how many were emptied.
 */
export async function clearOldAnswerText(conn: Connection, cutoff: Date): Promise<number> {
  const rows = await checkinModel(conn)
    .find({ status: 'answered', dueAt: mongoose.trusted({ $lt: cutoff }) }, { answer: 1 })
    .lean<{ _id: Types.ObjectId; answer: CheckinAnswer | null }[]>()
    .exec();
  const ids = rows.filter((r) => hasText(r.answer)).map((r) => r._id);
  return inIdBatches(
    ids,
    async (batch) =>
      (await checkinModel(conn).updateMany(idsIn(batch), { $set: answerTextCleared })).modifiedCount,
  );
}
