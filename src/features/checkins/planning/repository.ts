import mongoose, { type Connection, type Types } from 'mongoose';
import { insertNew } from '../../../db/duplicates.js';
import { type Checkin, checkinModel } from '../model.js';

/** A check-in as planning builds it (the rest takes its defaults). */
export type PlannedCheckin = Pick<
  Checkin,
  | 'missionId'
  | 'week'
  | 'dueAt'
  | 'freelancerId'
  | 'managerId'
  | 'title'
  | 'locale'
  | 'zone'
  | 'country'
  | 'workingDays'
  | 'lane'
  | 'editableUntil'
  | 'status'
  | 'outcome'
>;

/** Inserts the planned check-ins whose (mission, week) is not taken yet; returns how many. */
export function insertPlanned(conn: Connection, planned: PlannedCheckin[]): Promise<number> {
  return insertNew(checkinModel(conn), planned);
}

/** (mission, week) pairs already planned from `from` on: planning skips them instead of re-inserting. */
export async function plannedKeysFrom(conn: Connection, from: Date): Promise<Set<string>> {
  const rows = await checkinModel(conn)
    .find({ dueAt: mongoose.trusted({ $gte: from }) })
    .select({ missionId: 1, week: 1, _id: 0 })
    .lean<Pick<Checkin, 'missionId' | 'week'>[]>()
    .exec();
  return new Set(rows.map((r) => plannedKey(r.missionId, r.week)));
}

export function plannedKey(missionId: Types.ObjectId, week: string): string {
  return `${missionId.toString()}:${week}`;
}

/** The future check-ins of a mission not sent yet (to re-plan after a change). */
export function unsentOfMission(conn: Connection, missionId: Types.ObjectId, from: Date): Promise<Checkin[]> {
  return checkinModel(conn)
    .find({ missionId, dueAt: mongoose.trusted({ $gte: from }) })
    .lean<Checkin[]>()
    .exec()
    .then((rows) => rows.filter((c) => c.status === 'scheduled' || c.status === 'skipped'));
}

/** Removes check-ins that were planned but not sent (their slot moved or the mission closed). */
export async function deleteUnsent(conn: Connection, ids: Types.ObjectId[]): Promise<void> {
  if (ids.length === 0) return;
  await checkinModel(conn).deleteMany({
    _id: mongoose.trusted({ $in: ids }),
    status: mongoose.trusted({ $in: ['scheduled', 'skipped'] }),
  });
}

/** Open check-ins follow their mission: a reassigned manager or a new title applies to them too. */
export async function refreshOpen(
  conn: Connection,
  missionId: Types.ObjectId,
  set: Pick<Checkin, 'managerId' | 'title'>,
): Promise<void> {
  for (const status of ['sent', 'answered'] as const) {
    await checkinModel(conn).updateMany({ missionId, status }, { $set: set });
  }
}
