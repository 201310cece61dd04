import mongoose, { type Connection, type Types, type UpdateQuery } from 'mongoose';
import type { HistoryEntry, Mission } from '../../missions/model.js';
import { missionModel } from '../../missions/model.js';
import { checkinModel } from '../model.js';

/** Sets (or clears, with null) the missions' check-in pause and records who did it. */
export async function setPausedUntil(
  conn: Connection,
  missionIds: readonly Types.ObjectId[],
  until: string | null,
  entry: HistoryEntry,
): Promise<void> {
  if (missionIds.length === 0) return;
  const update: UpdateQuery<Mission> = {
    $set: { 'checkin.pausedUntil': until },
    $push: { history: entry },
  };
  await missionModel(conn).updateMany({ _id: mongoose.trusted({ $in: [...missionIds] }) }, update);
}

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
