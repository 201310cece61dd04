import mongoose, { type Connection, type Types } from 'mongoose';
import { itemModel, type OnboardingItem } from '../model.js';

/** Equality on the owner and open state (pushed down by FerretDB), then the reminder's state. */
function dueFilter(ownerId: string, now: Date) {
  return { ownerId, done: false, remindedIn: null, remindAt: mongoose.trusted({ $lte: now }) };
}

/** Ids of the missions with items of `ownerId` due a reminder at `now` and never reminded. */
export async function missionsWithDueItems(
  conn: Connection,
  ownerId: string,
  now: Date,
): Promise<Types.ObjectId[]> {
  const rows = await itemModel(conn)
    .find(dueFilter(ownerId, now))
    .select({ missionId: 1 })
    .lean<Pick<OnboardingItem, '_id' | 'missionId'>[]>()
    .exec();
  const seen = new Map<string, Types.ObjectId>();
  for (const r of rows) seen.set(r.missionId.toString(), r.missionId);
  return [...seen.values()];
}

/**
 * Marks the due, never-reminded items of `ownerId` on `missionIds` as reminded in `mark`: the
 * condition is in the write, so two digests never take the same item.
 */
export async function markReminded(
  conn: Connection,
  ownerId: string,
  missionIds: readonly Types.ObjectId[],
  mark: string,
  now: Date,
): Promise<void> {
  if (missionIds.length === 0) return;
  await itemModel(conn).updateMany(
    { ...dueFilter(ownerId, now), missionId: mongoose.trusted({ $in: missionIds }) },
    { $set: { remindedIn: mark, reminderSentAt: now } },
  );
}

/** Drops the reminder of items on missions whose onboarding is over: nobody's chore any more. */
export async function dropReminders(
  conn: Connection,
  ownerId: string,
  missionIds: readonly Types.ObjectId[],
  now: Date,
): Promise<void> {
  if (missionIds.length === 0) return;
  await itemModel(conn).updateMany(
    { ...dueFilter(ownerId, now), missionId: mongoose.trusted({ $in: missionIds }) },
    { $set: { remindAt: null } },
  );
}

/** Gives the items marked `mark` back (their digest did not go): a later digest takes them. */
export async function unmarkReminded(conn: Connection, ownerId: string, mark: string): Promise<void> {
  await itemModel(conn).updateMany(
    { ownerId, remindedIn: mark },
    { $set: { remindedIn: null, reminderSentAt: null } },
  );
}

/** The items of `ownerId` a digest marked `mark`, in mission and template order. */
export function itemsMarked(conn: Connection, ownerId: string, mark: string): Promise<OnboardingItem[]> {
  return itemModel(conn)
    .find({ ownerId, remindedIn: mark })
    .sort({ missionId: 1, index: 1 })
    .lean<OnboardingItem[]>()
    .exec();
}

/** When the next reminder of an open, never-reminded item of `ownerId` falls due, if any. */
export async function nextReminderOf(conn: Connection, ownerId: string): Promise<Date | null> {
  const next = await itemModel(conn)
    .findOne({ ownerId, done: false, remindedIn: null, remindAt: mongoose.trusted({ $ne: null }) })
    .sort({ remindAt: 1 })
    .select({ remindAt: 1 })
    .lean<Pick<OnboardingItem, 'remindAt'>>()
    .exec();
  return next?.remindAt ?? null;
}
