import mongoose, { type Connection } from 'mongoose';
import { isDuplicateKey } from '../../../db/duplicates.js';
import { type RollupLock, rollupLockModel } from './model.js';

/**
 * Takes or renews the lock `name` for `owner` until `until`: true when held. Free, expired or
 * already ours: one conditional update; held by another: the upsert collides on `_id`.
 */
export async function holdLock(
  conn: Connection,
  name: RollupLock['_id'],
  owner: string,
  now: Date,
  until: Date,
): Promise<boolean> {
  try {
    await rollupLockModel(conn).updateOne(
      { _id: name, $or: [{ owner }, { expiresAt: mongoose.trusted({ $lte: now }) }] },
      { $set: { owner, expiresAt: until } },
      { upsert: true, setDefaultsOnInsert: false },
    );
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

/** Lets the lock go, if still ours. */
export async function releaseLock(conn: Connection, name: RollupLock['_id'], owner: string): Promise<void> {
  await rollupLockModel(conn).deleteOne({ _id: name, owner });
}

/** Whether the lock exists at all (the rebuild's has no expiry: it stays until a rebuild finishes). */
export async function isLocked(conn: Connection, name: RollupLock['_id']): Promise<boolean> {
  return (await rollupLockModel(conn).exists({ _id: name })) !== null;
}
