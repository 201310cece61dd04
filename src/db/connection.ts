import type { Logger } from '@slack/bolt';
import mongoose, { type Connection } from 'mongoose';
import { buildIndexes } from './model.js';

/**
 * Opens a mongoose connection of its own (no global connection), so tests can run apps side by side,
 * and builds every model's indexes before returning.
 */
export async function connectDatabase(uri: string, logger: Logger): Promise<Connection> {
  const conn = mongoose.createConnection(uri, {
    serverSelectionTimeoutMS: 10_000,
    // Query filters built from user input must never carry operators (`$where`, `$ne`…).
    sanitizeFilter: true,
  });
  await conn.asPromise();
  // Before any request: a unique index still being built does not hold (two writes of one key both land).
  await buildIndexes(conn);
  logger.debug(`database connected (${conn.name}), indexes built`);
  return conn;
}

/** True when the database answers a ping within `timeoutMs`. */
export async function pingDatabase(conn: Connection, timeoutMs = 2_000): Promise<boolean> {
  const db = conn.db;
  if (!db || conn.readyState !== mongoose.ConnectionStates.connected) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([db.command({ ping: 1 }).then((r) => r.ok === 1), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Appends a database name to a server URI that has none (`mongodb://host:port/` → `…/passerelle`). */
export function withDatabaseName(uri: string, name: string): string {
  const url = new URL(uri);
  if (url.pathname && url.pathname !== '/') return uri;
  url.pathname = `/${name}`;
  return url.toString();
}
