import type { Connection, Types } from 'mongoose';
import { idsIn, inIdBatches } from '../../../db/batches.js';
import type { PersonalData } from '../../feature.js';
import { type Checkin, checkinMessageModel, checkinModel, checkinReminderMessageModel } from '../model.js';
import { checkinsExport } from './export.js';

/** The free-text parts of an answer, emptied by erasure and by retention (the score and the yes/no stay). */
export const answerTextCleared = {
  'answer.progress': '',
  'answer.blockers': '',
  'answer.note': '',
  'answer.extra': {},
} as const;

type Line = Pick<Checkin, '_id' | 'status' | 'answer' | 'freelancerId' | 'managerId'>;

function checkinsNaming(conn: Connection, userId: string): Promise<Line[]> {
  return checkinModel(conn)
    .find(
      { $or: [{ freelancerId: userId }, { managerId: userId }] },
      { status: 1, answer: 1, freelancerId: 1, managerId: 1 },
    )
    .lean<Line[]>()
    .exec();
}

const update = (conn: Connection, ids: Types.ObjectId[], set: Record<string, unknown>) =>
  inIdBatches(
    ids,
    async (batch) => (await checkinModel(conn).updateMany(idsIn(batch), { $set: set })).modifiedCount,
  );

/**
 * Check-ins' personal data: a freelancer's check-ins and answers (free text included, whoever may
 * read them). A manager's side of them is the freelancer's data, not theirs: not exported. Erasure
 * of a freelancer deletes their check-ins not yet sent, empties the free text of their answers and
 * forgets where their DMs are; their id is replaced by the pseudonym everywhere (as freelancer and as
 * manager), so response rates and scores stay.
 */
export function checkinsPersonalData(conn: Connection): PersonalData {
  return {
    export: (userId, reader) => checkinsExport(conn, userId, reader),
    async erase(userId, subject) {
      const rows = await checkinsNaming(conn, userId);
      const asFreelancer = rows.filter((c) => c.freelancerId === userId);
      const unsent = asFreelancer.filter((c) => c.status === 'scheduled').map((c) => c._id);
      await inIdBatches(unsent, async (b) => (await checkinModel(conn).deleteMany(idsIn(b))).deletedCount);
      const kept = asFreelancer.filter((c) => c.status !== 'scheduled');
      await update(
        conn,
        kept.filter((c) => c.answer != null).map((c) => c._id),
        answerTextCleared,
      );
      await update(
        conn,
        kept.map((c) => c._id),
        { freelancerId: subject.pseudonym },
      );
      await inIdBatches(
        asFreelancer.map((c) => c._id),
        async (b) =>
          (await checkinMessageModel(conn).deleteMany(idsIn(b))).deletedCount +
          (await checkinReminderMessageModel(conn).deleteMany(idsIn(b))).deletedCount,
      );
      await update(
        conn,
        rows.filter((c) => c.managerId === userId).map((c) => c._id),
        { managerId: subject.pseudonym },
      );
    },
  };
}
