import mongoose, { type Connection, type Types } from 'mongoose';
import { checkinModel } from '../model.js';

/**
 * Skips the mission's scheduled check-ins due before `before` (all of them when null). Only
 * `scheduled` ones: a check-in a runner has claimed ('sending') or sent is left as it is.
 */
export async function skipScheduled(
  conn: Connection,
  missionId: Types.ObjectId,
  before: Date | null,
): Promise<number> {
  const res = await checkinModel(conn).updateMany(
    { missionId, status: 'scheduled', ...(before ? { dueAt: mongoose.trusted({ $lt: before }) } : {}) },
    { $set: { status: 'skipped', outcome: 'paused' } },
  );
  return res.modifiedCount;
}

/** Puts back on schedule the mission's check-ins skipped by a pause and due at or after `from`. */
export async function restorePaused(
  conn: Connection,
  missionId: Types.ObjectId,
  from: Date,
): Promise<number> {
  const res = await checkinModel(conn).updateMany(
    { missionId, status: 'skipped', outcome: 'paused', dueAt: mongoose.trusted({ $gte: from }) },
    { $set: { status: 'scheduled', outcome: null } },
  );
  return res.modifiedCount;
}
