import type { Connection } from 'mongoose';
import { insertOnce } from '../../../db/duplicates.js';
import { ConflictError } from '../../../errors.js';
import { DEFAULT_QUESTION_SET, defaultQuestions } from './defaults.js';
import { type CheckinQuestion, type CheckinQuestionSet, questionSetModel } from './model.js';

/**
 * Stores the default questions if the workspace has none. `$setOnInsert` only: an admin's later
 * edits are never overwritten by a restart.
 */
export async function seedDefaultQuestions(conn: Connection, key = DEFAULT_QUESTION_SET): Promise<void> {
  await insertOnce(questionSetModel(conn), { key }, { key, questions: defaultQuestions() });
}

/** A workspace's question set, or null. */
export async function findQuestionSet(conn: Connection, key: string): Promise<CheckinQuestionSet | null> {
  return questionSetModel(conn).findOne({ key }).lean<CheckinQuestionSet>().exec();
}

// The whole list is written back, guarded by the version read: FerretDB has no positional `$`, and
// two admins editing at once must not silently lose one edit.
export async function writeQuestions(
  conn: Connection,
  set: CheckinQuestionSet,
  questions: CheckinQuestion[],
): Promise<void> {
  const res = await questionSetModel(conn).updateOne(
    { _id: set._id, updatedAt: set.updatedAt },
    { $set: { questions } },
  );
  if (res.matchedCount === 0) throw new ConflictError('check-in questions changed meanwhile');
}
