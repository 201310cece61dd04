import mongoose, { type Connection, Types } from 'mongoose';
import { insertNew, insertOnce } from '../../db/duplicates.js';
import { defaultTemplate } from './defaults.js';
import { itemModel, type OnboardingItem, type OnboardingTemplate, templateModel } from './model.js';

/** A new item as the service builds it from a template. */
export type NewItem = Pick<
  OnboardingItem,
  'missionId' | 'index' | 'label' | 'owner' | 'ownerId' | 'dueAt' | 'remindAt'
>;

/**
 * Stores the default template if it is missing. `$setOnInsert` only: an admin's later edits are
 * never overwritten by a restart.
 */
export async function seedDefaultTemplate(conn: Connection): Promise<void> {
  const tpl = defaultTemplate();
  await insertOnce(templateModel(conn), { key: tpl.key }, { ...tpl });
}

/** Every template, by key. */
export async function listTemplateDocs(conn: Connection): Promise<OnboardingTemplate[]> {
  return templateModel(conn).find({}).sort({ key: 1 }).limit(200).lean<OnboardingTemplate[]>().exec();
}

/** A template by key, or null. */
export async function findTemplate(conn: Connection, key: string): Promise<OnboardingTemplate | null> {
  return templateModel(conn).findOne({ key }).lean<OnboardingTemplate>().exec();
}

/** Inserts the items that do not exist yet; the (missionId, index) unique index drops the others. */
export async function insertItems(conn: Connection, items: NewItem[]): Promise<void> {
  await insertNew(itemModel(conn), items);
}

/** The items of a mission, in template order. */
export async function itemsOfMission(conn: Connection, missionId: Types.ObjectId): Promise<OnboardingItem[]> {
  return itemModel(conn).find({ missionId }).sort({ index: 1 }).lean<OnboardingItem[]>().exec();
}

/** `done` and `missionId` of the items of several missions (for progress counts). */
export async function itemStates(
  conn: Connection,
  missionIds: Types.ObjectId[],
): Promise<Pick<OnboardingItem, 'missionId' | 'doneAt'>[]> {
  if (missionIds.length === 0) return [];
  return itemModel(conn)
    .find({ missionId: mongoose.trusted({ $in: missionIds }) })
    .select({ missionId: 1, doneAt: 1 })
    .lean<Pick<OnboardingItem, 'missionId' | 'doneAt'>[]>()
    .exec();
}

/** Open items a user owns, across missions (bounded: a Home shows a handful). */
export async function openItemsOwnedBy(conn: Connection, ownerId: string): Promise<OnboardingItem[]> {
  return itemModel(conn)
    .find({ ownerId, done: false })
    .sort({ missionId: 1, index: 1 })
    .limit(200)
    .lean<OnboardingItem[]>()
    .exec();
}

/** What an item in a list (the Home's open items) shows of it. */
export type ListedItem = Pick<
  OnboardingItem,
  '_id' | 'missionId' | 'label' | 'owner' | 'ownerId' | 'dueAt' | 'doneAt'
>;

/** `openItemsOwnedBy` with the fields a list shows only. */
export async function openItemsListedFor(conn: Connection, ownerId: string): Promise<ListedItem[]> {
  return itemModel(conn)
    .find({ ownerId, done: false })
    .sort({ missionId: 1, index: 1 })
    .limit(200)
    .select({ missionId: 1, label: 1, owner: 1, ownerId: 1, dueAt: 1, doneAt: 1 })
    .lean<ListedItem[]>()
    .exec();
}

/** Whether each item of a mission is done (for a progress count), in one equality query on `missionId`. */
export async function itemDoneStates(
  conn: Connection,
  missionId: Types.ObjectId,
): Promise<Pick<OnboardingItem, 'doneAt'>[]> {
  return itemModel(conn)
    .find({ missionId })
    .select({ doneAt: 1, _id: 0 })
    .lean<Pick<OnboardingItem, 'doneAt'>[]>()
    .exec();
}

/** An item by id, or null (also for a malformed id, which may come from a forged payload). */
export async function findItem(conn: Connection, id: string): Promise<OnboardingItem | null> {
  if (!Types.ObjectId.isValid(id)) return null;
  return itemModel(conn).findById(id).lean<OnboardingItem>().exec();
}

/** How many items of the mission are still open. */
export async function countOpenItems(conn: Connection, missionId: Types.ObjectId): Promise<number> {
  return itemModel(conn).countDocuments({ missionId, done: false }).exec();
}

/**
 * Sets an item done (`done: true`) or open, only if it is currently the opposite: of two identical
 * clicks, the second finds nothing to change. Returns the updated item, or null when nothing changed.
 */
export async function setItemDone(
  conn: Connection,
  id: Types.ObjectId,
  done: boolean,
  by: string,
  now: Date,
): Promise<OnboardingItem | null> {
  const filter = { _id: id, done: !done };
  const set = done ? { done, doneAt: now, doneBy: by } : { done, doneAt: null, doneBy: null };
  return itemModel(conn)
    .findOneAndUpdate(filter, { $set: set }, { returnDocument: 'after' })
    .lean<OnboardingItem>()
    .exec();
}

/** Sets when an item's one reminder falls due (an item created before reminders were digests). */
export async function setRemindAt(conn: Connection, id: Types.ObjectId, at: Date): Promise<void> {
  await itemModel(conn).updateOne({ _id: id, remindAt: null }, { $set: { remindAt: at } });
}
