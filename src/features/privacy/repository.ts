import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { insertOnce } from '../../db/duplicates.js';
import { KEPT_BY_PURGE } from './ids.js';
import { type AuditEntry, auditModel, privacyKeyModel } from './model.js';

const SALT = 'pseudonym-salt';

/** The workspace's salt, made at first use (two instances at once agree: the first insert wins). */
export async function workspaceSalt(conn: Connection): Promise<string> {
  await insertOnce(
    privacyKeyModel(conn),
    { key: SALT },
    { key: SALT, value: randomBytes(32).toString('hex') },
  );
  const doc = await privacyKeyModel(conn).findOne({ key: SALT }).lean<{ value: string }>().exec();
  if (!doc) throw new Error('privacy salt missing right after its insert');
  return doc.value;
}

/** Writes one audit line, once per `key` (a retried job writes it once). */
export async function writeAudit(conn: Connection, entry: AuditEntry): Promise<void> {
  await insertOnce(auditModel(conn), { key: entry.key }, entry);
}

/** The audit lines about one subject (by hash), oldest first. */
export function auditOf(conn: Connection, subjectHash: string): Promise<AuditEntry[]> {
  return auditModel(conn).find({ subjectHash }, { _id: 0 }).sort({ at: 1 }).lean<AuditEntry[]>().exec();
}

/** The database's collections a purge empties: every one but the audit trail and its salt. */
export async function purgeableCollections(conn: Connection): Promise<string[]> {
  const db = conn.db;
  if (!db) throw new Error('database not connected');
  const all = await db.listCollections({}, { nameOnly: true }).toArray();
  const kept = new Set<string>(KEPT_BY_PURGE);
  return all
    .map((c) => c.name)
    .filter((name) => !kept.has(name) && !name.startsWith('system.'))
    .sort();
}

/** How many documents each purgeable collection holds. */
export async function documentCounts(conn: Connection): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of await purgeableCollections(conn)) {
    counts[name] = await conn.collection(name).countDocuments();
  }
  return counts;
}

/** Empties every purgeable collection (indexes stay); returns the documents deleted per collection. */
export async function emptyCollections(conn: Connection): Promise<Record<string, number>> {
  const deleted: Record<string, number> = {};
  for (const name of await purgeableCollections(conn)) {
    deleted[name] = (await conn.collection(name).deleteMany({})).deletedCount;
  }
  return deleted;
}
