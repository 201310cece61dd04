import type { Connection } from 'mongoose';
import { insertOnce } from '../../db/duplicates.js';
import type { MessageRef } from '../../db/schemas.js';
import { type DigestDoc, digestModel } from './model.js';

/** The digest of `userId`'s local `day`, if one holds it. */
export function digestOfDay(conn: Connection, userId: string, day: string): Promise<DigestDoc | null> {
  return digestModel(conn).findOne({ userId, day }).lean<DigestDoc>().exec();
}

/** The digest whose items carry `mark`, if it was claimed (on whatever day). */
export function digestMarked(conn: Connection, userId: string, mark: string): Promise<DigestDoc | null> {
  return digestModel(conn).findOne({ userId, mark }).lean<DigestDoc>().exec();
}

/**
 * Takes `userId`'s `day` for the job `jobKey` (the unique index keeps one digest a day). Returns true
 * when the day is this job's: taken now, or by an earlier run of the same job.
 */
export async function claimDay(
  conn: Connection,
  userId: string,
  day: string,
  jobKey: string,
  mark: string,
  now: Date,
): Promise<boolean> {
  await insertOnce(
    digestModel(conn),
    { userId, day },
    { userId, day, jobKey, mark, missionIds: [], ref: null, createdAt: now },
  );
  return (await digestOfDay(conn, userId, day))?.jobKey === jobKey;
}

/** Records where the digest was posted and which missions it lists (to redraw it later). */
export async function setDigestSent(
  conn: Connection,
  userId: string,
  day: string,
  ref: MessageRef | null,
  missionIds: string[],
): Promise<void> {
  await digestModel(conn).updateOne({ userId, day }, { $set: { ref, missionIds } });
}

// A digest's buttons stay useful for a while; older ones are not redrawn (their items are on the Home).
const REDRAWN = 14;

/** `userId`'s recent posted digests that list `missionId`: the ones to redraw when it changes. */
export async function digestsListing(
  conn: Connection,
  userId: string,
  missionId: string,
): Promise<DigestDoc[]> {
  const recent = await digestModel(conn)
    .find({ userId })
    .sort({ day: -1 })
    .limit(REDRAWN)
    .lean<DigestDoc[]>()
    .exec();
  return recent.filter((d) => d.ref !== null && d.missionIds.includes(missionId));
}

/** A person's digests (days and missions), for a data-access request. */
export function digestsOf(conn: Connection, userId: string): Promise<DigestDoc[]> {
  return digestModel(conn)
    .find({ userId })
    .select({ _id: 0, userId: 0, jobKey: 0 })
    .lean<DigestDoc[]>()
    .exec();
}

/** Forgets a person's digests (erasure: the record of what we sent them is theirs alone). */
export async function deleteDigestsOf(conn: Connection, userId: string): Promise<void> {
  await digestModel(conn).deleteMany({ userId });
}
