import mongoose, { type Connection } from 'mongoose';
import { type MuteCategory, type Preferences, preferencesModel } from './model.js';

/** The preferences of several people, by user id (people who never chose anything are absent). */
export async function preferencesOf(
  conn: Connection,
  userIds: readonly string[],
): Promise<Map<string, Preferences>> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return new Map();
  // One person: an equality (the common case, served by the index); several: one $in.
  const filter = unique.length === 1 ? { userId: unique[0] } : { userId: mongoose.trusted({ $in: unique }) };
  const rows = await preferencesModel(conn).find(filter).lean<Preferences[]>().exec();
  // An upsert that only set one field leaves the others absent: read them with their defaults.
  return new Map(
    rows.map((p) => [p.userId, { ...p, muted: p.muted ?? [], snoozedUntil: p.snoozedUntil ?? null }]),
  );
}

/** Mutes or unmutes one category for a person. */
export async function setMuted(
  conn: Connection,
  userId: string,
  category: MuteCategory,
  muted: boolean,
): Promise<void> {
  await preferencesModel(conn).updateOne(
    { userId },
    muted ? { $addToSet: { muted: category } } : { $pull: { muted: category } },
    { upsert: true },
  );
}

/** Snoozes every non-urgent DM until `until` (null: wake up). */
export async function setSnooze(conn: Connection, userId: string, until: Date | null): Promise<void> {
  await preferencesModel(conn).updateOne({ userId }, { $set: { snoozedUntil: until } }, { upsert: true });
}

/** Forgets a person's choices (erasure): they are theirs alone, nothing counts on them. */
export async function deletePreferences(conn: Connection, userId: string): Promise<void> {
  await preferencesModel(conn).deleteOne({ userId });
}
