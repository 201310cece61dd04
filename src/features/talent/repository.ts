import mongoose, { type Connection } from 'mongoose';
import { insertOnce, isDuplicateKey } from '../../db/duplicates.js';
import type { MissionClosed } from '../../events.js';
import { POOL_STATS_ID } from './ids.js';
import { poolStatsModel, type TalentProfile, talentProfileModel } from './model.js';
import { newEpoch } from './read-cache.js';
import { normalizeSkill } from './rules.js';

/** A profile as stored (plain object). */
export type StoredProfile = TalentProfile & { _id: unknown };

/** A new profile's fields (what an upsert's `$setOnInsert` writes: mongoose adds no defaults there). */
export function blankProfile(userId: string, now: Date) {
  return {
    userId,
    skills: [] as string[],
    missionSkills: [] as string[],
    availableFrom: null,
    availabilitySaidAt: null,
    dayRate: null,
    contactEmail: null,
    optedOut: false,
    optedInAt: now,
    reachable: true,
    missionIds: [] as string[],
    missions: [],
    missionsDone: 0,
    ratingSum: 0,
    ratingCount: 0,
    wouldRehireCount: 0,
    lastCollaborationAt: null,
    handovers: [],
    notes: [],
    indexedSkills: [] as string[],
    rv: 0,
    erasing: false,
  };
}

/** Every change the read model shows bumps the profile's read-model version in the same update. */
const bump = { $inc: { rv: 1 } } as const;

/** The fields a closed mission writes with operators, left out of its upsert's `$setOnInsert`. */
const closingFields = [
  'missionSkills',
  'missionIds',
  'missions',
  'missionsDone',
  'ratingSum',
  'ratingCount',
  'wouldRehireCount',
  'lastCollaborationAt',
  'handovers',
  'notes',
  'rv',
] as const;

/** A stored profile with every field (a field an operator never wrote gets its default). */
function complete(p: StoredProfile): StoredProfile {
  return { ...blankProfile(p.userId, new Date(0)), ...p } as StoredProfile;
}

export async function findProfile(conn: Connection, userId: string): Promise<StoredProfile | null> {
  const p = await talentProfileModel(conn).findOne({ userId }).lean<StoredProfile>();
  return p ? complete(p) : null;
}

/** Profiles by user id, each by the unique index (no `$in`, which FerretDB scans). */
export async function profilesOf(
  conn: Connection,
  userIds: readonly string[],
): Promise<Map<string, StoredProfile>> {
  const found = await Promise.all(userIds.map((id) => findProfile(conn, id)));
  return new Map(found.filter((p): p is StoredProfile => p !== null).map((p) => [p.userId, p]));
}

/** Creates an empty profile in the pool once (an existing one is left as it is). */
export async function ensureProfile(conn: Connection, userId: string, now: Date): Promise<void> {
  await insertOnce(talentProfileModel(conn), { userId }, blankProfile(userId, now));
}

/** What a freelancer edits of their own profile. */
export interface OwnProfileEdit {
  skills: string[];
  availableFrom: string | null;
  dayRate: number | null;
  contactEmail: string | null;
  optedOut: boolean;
}

/** Stores the freelancer's own edit; lifting an opt-out dates their (re-)entry into the pool. */
export async function saveOwnProfile(
  conn: Connection,
  userId: string,
  edit: OwnProfileEdit,
  now: Date,
): Promise<void> {
  const model = talentProfileModel(conn);
  await ensureProfile(conn, userId, now);
  if (!edit.optedOut) await model.updateOne({ userId, optedOut: true }, { $set: { optedInAt: now } });
  const fields = {
    skills: edit.skills,
    availableFrom: edit.availableFrom,
    dayRate: edit.dayRate,
    contactEmail: edit.contactEmail,
    optedOut: edit.optedOut,
  };
  // The date changed: it is said now. Decided by the update's own filter (not by an earlier read,
  // which a concurrent answer may have made stale).
  const changed = await model.updateOne(
    { userId, availableFrom: mongoose.trusted({ $ne: edit.availableFrom }) },
    { $set: { ...fields, availabilitySaidAt: edit.availableFrom ? now : null }, ...bump },
  );
  if (changed.matchedCount === 0) await model.updateOne({ userId }, { $set: fields, ...bump });
}

/** Stores an availability answer ("available from", or null for "not now"). */
export async function saveAvailability(
  conn: Connection,
  userId: string,
  a: { availableFrom: string | null; saidAt: Date },
): Promise<void> {
  await ensureProfile(conn, userId, a.saidAt);
  await talentProfileModel(conn).updateOne(
    { userId },
    { $set: { availableFrom: a.availableFrom, availabilitySaidAt: a.saidAt }, ...bump },
  );
}

/**
 * Adds a closed mission to the freelancer's profile, once per missionId: one conditional update
 * (the mission id not yet in `missionIds`), creating the profile if needed. Returns whether it was
 * counted now (false for a replay).
 */
export async function addClosedMission(conn: Connection, e: MissionClosed): Promise<boolean> {
  const rated = e.rating !== null;
  const update = {
    $inc: {
      rv: 1,
      missionsDone: 1,
      ratingSum: rated ? (e.rating ?? 0) : 0,
      ratingCount: rated ? 1 : 0,
      wouldRehireCount: e.wouldRehire ? 1 : 0,
    },
    $push: {
      missionIds: e.missionId,
      missions: {
        missionId: e.missionId,
        title: e.title,
        managerId: e.managerId,
        closedAt: e.closedAt,
        rating: e.rating,
      },
      ...(e.handover.length > 0
        ? { handovers: { missionId: e.missionId, title: e.title, closedAt: e.closedAt, items: e.handover } }
        : {}),
      ...(e.privateNote
        ? { notes: { missionId: e.missionId, authorId: e.managerId, at: e.closedAt, text: e.privateNote } }
        : {}),
    },
    $addToSet: { missionSkills: { $each: e.skills.map(normalizeSkill).filter(Boolean) } },
    $max: { lastCollaborationAt: e.closedAt },
    $setOnInsert: Object.fromEntries(
      Object.entries(blankProfile(e.freelancerId, e.closedAt)).filter(
        ([k]) => !(closingFields as readonly string[]).includes(k),
      ),
    ),
  };
  try {
    const res = await talentProfileModel(conn).updateOne(
      { userId: e.freelancerId, missionIds: mongoose.trusted({ $ne: e.missionId }) },
      update,
      { upsert: true },
    );
    const counted = res.modifiedCount === 1 || res.upsertedCount === 1;
    if (counted && rated) {
      await poolStatsModel(conn).updateOne(
        { _id: POOL_STATS_ID },
        { $inc: { ratingSum: e.rating ?? 0, ratingCount: 1 }, $setOnInsert: { epoch: newEpoch() } },
        { upsert: true },
      );
    }
    return counted;
  } catch (err) {
    // The profile exists and already holds this mission: the upsert's insert hit the unique userId.
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

export async function setReachable(conn: Connection, userId: string, reachable: boolean): Promise<boolean> {
  const res = await talentProfileModel(conn).updateOne(
    { userId, reachable: !reachable },
    { $set: { reachable }, ...bump },
  );
  return res.modifiedCount === 1;
}

/** Every alumnus (a mission done, not opted out), by an indexed equality, streamed. */
export async function* alumni(conn: Connection): AsyncIterable<StoredProfile> {
  const cursor = talentProfileModel(conn)
    .find({ optedOut: false })
    .sort({ userId: 1 })
    .lean<StoredProfile[]>()
    .cursor();
  for await (const p of cursor)
    if ((p as StoredProfile).missionsDone >= 1) yield complete(p as StoredProfile);
}

/** Profiles that entered the pool since `since` and are in it (for digests: a job, not a user's wait). */
export async function joinedSince(conn: Connection, since: Date): Promise<StoredProfile[]> {
  const found = await talentProfileModel(conn)
    .find({ optedInAt: mongoose.trusted({ $gte: since }), optedOut: false })
    .sort({ optedInAt: 1 })
    .lean<StoredProfile[]>();
  return found.map(complete);
}
