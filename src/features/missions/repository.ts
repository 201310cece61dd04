import mongoose, { type Connection, Types, type UpdateQuery } from 'mongoose';
import { isDuplicateKey } from '../../db/duplicates.js';
import type { MessageRef } from '../../db/schemas.js';
import type { HandoverItem } from '../../events.js';
import { DIRTY, dirty } from '../../rollups.js';
import { type HistoryEntry, type Mission, missionModel } from './model.js';
import { type MissionStatus, missionStatuses } from './rules.js';

const openStatuses: MissionStatus[] = ['draft', 'onboarding', 'active', 'offboarding'];

export type NewMission = Omit<
  Mission,
  | '_id'
  | 'createdAt'
  | 'updatedAt'
  | 'onboardingCompletedAt'
  | 'onboardingDurationDays'
  | 'freelancerChecklistMessage'
  | 'managerChecklistMessage'
  | 'nextMissionId'
  | 'handover'
>;

/** Stores a new mission; `duplicate` when its creation key was used already (retry, double click). */
export async function insertMission(conn: Connection, data: NewMission): Promise<Mission | 'duplicate'> {
  try {
    const doc = await missionModel(conn).create({ ...data, ...DIRTY });
    return doc.toObject<Mission>();
  } catch (err) {
    if (isDuplicateKey(err)) return 'duplicate';
    throw err;
  }
}

/** A mission by id, or null (also for a malformed id). */
export async function findMission(conn: Connection, id: string): Promise<Mission | null> {
  if (!Types.ObjectId.isValid(id)) return null;
  return missionModel(conn).findById(id).lean<Mission>().exec();
}

/** Missions the user manages, newest first (`open` only: not completed or cancelled). */
export function missionsManagedBy(
  conn: Connection,
  managerId: string,
  opts: ListOptions = {},
): Promise<Mission[]> {
  return missionsWhere(conn, { managerId }, opts);
}

/**
 * Whether the user manages or managed at least one mission: who counts as a manager for the talent
 * pool and for reading private notes (admins aside). Served by {managerId, status}.
 */
export async function managesAnyMission(conn: Connection, userId: string): Promise<boolean> {
  return (await missionModel(conn).exists({ managerId: userId })) !== null;
}

/** Missions the user works on as freelancer, newest first. */
export function missionsOfFreelancer(
  conn: Connection,
  freelancerId: string,
  opts: ListOptions = {},
): Promise<Mission[]> {
  return missionsWhere(conn, { freelancerId }, opts);
}

/** Every mission in one status, read a page at a time (jobs that walk all open missions). */
export function eachMissionWithStatus(conn: Connection, status: MissionStatus): AsyncIterable<Mission> {
  return missionModel(conn).find({ status }).lean<Mission>().cursor({ batchSize: 500 });
}

interface ListOptions {
  open?: boolean;
  limit?: number;
}

/** What lists (the Home, `/missions`) show of a mission: all they read of it. */
export type ListedMission = Pick<
  Mission,
  '_id' | 'title' | 'status' | 'startDate' | 'endDate' | 'freelancerId' | 'managerId'
> & { checkin: Pick<Mission['checkin'], 'timezone'> };

// A manager's 200 whole missions (brief, objectives, history…) cost more to send and decode than to find.
// The zone: a mission's onboarding items are due on days of its zone.
const LISTED = {
  title: 1,
  status: 1,
  startDate: 1,
  endDate: 1,
  freelancerId: 1,
  managerId: 1,
  'checkin.timezone': 1,
} as const;

/** The missions the user manages, newest first, with the listed fields only. */
export function listedMissionsManagedBy(conn: Connection, managerId: string): Promise<ListedMission[]> {
  return missionsWhere<ListedMission>(conn, { managerId }, { select: LISTED });
}

/** The missions the user works on as freelancer, newest first, with the listed fields only. */
export function listedMissionsOfFreelancer(conn: Connection, freelancerId: string): Promise<ListedMission[]> {
  return missionsWhere<ListedMission>(conn, { freelancerId }, { select: LISTED });
}

/**
 * Every mission of the workspace in one of `statuses`, with the listed fields only, ending soonest
 * first: what an admin may act on (`/mission-end`). One equality query per status (served by
 * {status}; FerretDB pushes equality down, not `$in`).
 */
export async function listedMissionsInStatus(
  conn: Connection,
  statuses: readonly MissionStatus[],
): Promise<ListedMission[]> {
  const lists = await Promise.all(
    statuses.map((status) =>
      missionModel(conn).find({ status }).select(LISTED).lean<ListedMission[]>().exec(),
    ),
  );
  return lists.flat().sort((a, b) => a.endDate.localeCompare(b.endDate) || a.title.localeCompare(b.title));
}

// Equality on the person, then status: served by {managerId, status} / {freelancerId, status}.
function missionsWhere<T = Mission>(
  conn: Connection,
  person: { managerId: string } | { freelancerId: string },
  opts: ListOptions & { select?: Readonly<Record<string, 1>> },
): Promise<T[]> {
  const filter = opts.open ? { ...person, status: mongoose.trusted({ $in: openStatuses }) } : person;
  const query = missionModel(conn)
    .find(filter)
    .sort({ startDate: -1, _id: -1 })
    .limit(opts.limit ?? 500);
  return (opts.select ? query.select(opts.select) : query).lean<T[]>().exec();
}

/**
 * Moves a mission from `from` to `to` and records it, only if it is still in `from`: two people
 * acting at once cannot both apply a transition. Returns the updated mission, or null if it moved.
 */
export async function changeStatus(
  conn: Connection,
  id: Types.ObjectId,
  from: MissionStatus,
  to: MissionStatus,
  entry: Omit<HistoryEntry, 'from' | 'to'>,
  set: Partial<Mission> = {},
): Promise<Mission | null> {
  return missionModel(conn)
    .findOneAndUpdate(
      { _id: id, status: from },
      dirty({ $set: { ...set, status: to }, $push: { history: { ...entry, from, to } } }),
      { returnDocument: 'after' },
    )
    .lean<Mission>()
    .exec();
}

/** Changes fields and records why in the history (admin corrections). Returns the updated mission. */
export async function updateMission(
  conn: Connection,
  id: Types.ObjectId,
  set: Partial<Mission>,
  entry: HistoryEntry,
): Promise<Mission | null> {
  return missionModel(conn)
    .findOneAndUpdate({ _id: id }, dirty({ $set: { ...set }, $push: { history: entry } }), {
      returnDocument: 'after',
    })
    .lean<Mission>()
    .exec();
}

/**
 * Records on `previous` the mission that renews it (the new one already points back). Only the
 * first renewal is kept: a second submission of the same renewal does not move the link.
 */
export async function linkNextMission(
  conn: Connection,
  previous: Types.ObjectId,
  next: Types.ObjectId,
  entry: HistoryEntry,
): Promise<void> {
  await missionModel(conn).updateOne(
    { _id: previous, nextMissionId: null },
    { $set: { nextMissionId: String(next) }, $push: { history: entry } },
  );
}

/**
 * Closes an offboarding mission with its handover card, in the one conditional status change: the
 * card is on the mission exactly when it is `completed`. The caller checks the lifecycle
 * (`nextStatus(…, 'close', facts)`) first. Returns the closed mission, or null if it moved meanwhile.
 */
export function closeWithHandover(
  conn: Connection,
  id: Types.ObjectId,
  handover: HandoverItem[],
  entry: Omit<HistoryEntry, 'from' | 'to'>,
): Promise<Mission | null> {
  return changeStatus(conn, id, 'offboarding', 'completed', entry, { handover });
}

/** Remembers where the two checklist messages are, to update them in place. */
export async function setChecklistMessages(
  conn: Connection,
  id: Types.ObjectId,
  refs: { freelancer?: MessageRef; manager?: MessageRef },
): Promise<void> {
  const set: Record<string, MessageRef> = {};
  if (refs.freelancer) set.freelancerChecklistMessage = refs.freelancer;
  if (refs.manager) set.managerChecklistMessage = refs.manager;
  await missionModel(conn).updateOne({ _id: id }, { $set: set });
}

/** Sets (or clears, with null) the missions' check-in pause and records who did it. */
export async function setCheckinPause(
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

/** How many missions are in each status (every status present, zero when none). */
export type StatusCounts = Record<MissionStatus, number>;

/** A count of zero for every status. */
export function emptyCounts(): StatusCounts {
  return Object.fromEntries(missionStatuses.map((s) => [s, 0])) as StatusCounts;
}

/**
 * Missions of the whole workspace by status, in one `$group` with `$sum` (both are in FerretDB
 * 1.24's subset; `$facet` and `$count` per status would not be). It reads every mission, so only
 * the admin's Home runs it.
 */
export async function missionCountsByStatus(conn: Connection): Promise<StatusCounts> {
  const rows = await missionModel(conn)
    .aggregate<{ _id: string; count: number }>([{ $group: { _id: '$status', count: { $sum: 1 } } }])
    .exec();
  const counts = emptyCounts();
  for (const row of rows) {
    if ((missionStatuses as readonly string[]).includes(row._id))
      counts[row._id as MissionStatus] = row.count;
  }
  return counts;
}

/**
 * Missions in status active now, in the whole workspace or one manager's: a count by equality
 * (served by {status} / {managerId, status}; FerretDB pushes equality down).
 */
export function countActiveMissions(conn: Connection, managerId?: string): Promise<number> {
  return missionModel(conn)
    .countDocuments(managerId ? { managerId, status: 'active' } : { status: 'active' })
    .exec();
}

/** What the statistics export reads of a mission: dates, status and the two people, no free text. */
export type StatsMission = Pick<
  Mission,
  '_id' | 'status' | 'startDate' | 'endDate' | 'needExpressedOn' | 'managerId' | 'freelancerId'
>;

/** Every mission of the workspace or of one manager, a page at a time, with `StatsMission`'s fields. */
export function eachStatsMission(conn: Connection, managerId?: string): AsyncIterable<StatsMission> {
  return missionModel(conn)
    .find(managerId ? { managerId } : {})
    .select({ status: 1, startDate: 1, endDate: 1, needExpressedOn: 1, managerId: 1, freelancerId: 1 })
    .lean<StatsMission>()
    .cursor({ batchSize: 500 });
}
