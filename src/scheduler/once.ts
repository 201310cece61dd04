import { type Connection, Schema } from 'mongoose';
import { isDuplicateKey } from '../db/duplicates.js';
import { defineModel } from '../db/model.js';

interface Mark {
  key: string;
  at: Date;
}

const markSchema = new Schema<Mark>(
  { key: { type: String, required: true }, at: { type: Date, required: true } },
  { collection: 'scheduler_marks', versionKey: false },
);
markSchema.index({ key: 1 }, { unique: true });
const markModel = defineModel('SchedulerMark', markSchema);

/**
 * Claims `key` for whoever asks first, across every instance (a unique key, no lock): for work done
 * once per period, e.g. `checkins.plan:2025-03-03T10`. Returns true for the one caller that got it.
 */
export async function claimOnce(conn: Connection, key: string, at: Date): Promise<boolean> {
  try {
    await markModel(conn).create({ key, at });
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}
