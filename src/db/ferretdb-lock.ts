// The lock file that lets several processes (npm start, the jobs CLI, test workers) share one
// embedded FerretDB per data directory: who is starting it, and where the running one listens.
import { readFileSync, unlinkSync } from 'node:fs';
import { open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import net from 'node:net';

export interface LockContent {
  /** The launcher's pid once ready; the starting process's pid while `uri` is null. */
  pid: number;
  uri: string | null;
}

/** A cold build (module download + compile) takes about two minutes; a lock holder may be doing one. */
export const LOCK_WAIT_MS = 5 * 60_000;
/** A lock file that stays unreadable this long was left half-written by a crashed process. */
const UNREADABLE_LOCK_GRACE_MS = 10_000;

/** Whether something accepts TCP connections at the `mongodb://host:port` of `uri`. */
export function canConnect(uri: string, timeoutMs = 1_000): Promise<boolean> {
  let host: string;
  let port: number;
  try {
    const url = new URL(uri);
    host = url.hostname.replace(/^\[|\]$/g, '');
    port = Number(url.port);
  } catch {
    return Promise.resolve(false);
  }
  if (!host || !port) return Promise.resolve(false);
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Creates the lock exclusively (`wx`) with a "starting" marker; false when someone else holds it. */
export async function tryCreateLock(lockPath: string): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(lockPath, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    const starting: LockContent = { pid: process.pid, uri: null };
    await handle.writeFile(JSON.stringify(starting));
  } finally {
    await handle.close();
  }
  return true;
}

export type LockState =
  | { kind: 'running'; lock: LockContent & { uri: string } }
  | { kind: 'starting' }
  | { kind: 'stale'; raw: string | null };

export async function inspectLock(lockPath: string): Promise<LockState> {
  const raw = await readFile(lockPath, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  if (raw === null) return { kind: 'stale', raw: null };

  const lock = parseLock(raw);
  if (!lock) {
    // Between the exclusive create and the first write the file is empty: give its creator time.
    const age = await fileAge(lockPath);
    return age > UNREADABLE_LOCK_GRACE_MS ? { kind: 'stale', raw } : { kind: 'starting' };
  }
  if (!isAlive(lock.pid)) return { kind: 'stale', raw };
  if (lock.uri === null) {
    // A "starting" marker older than any start can take means its pid was reused by another program.
    const age = await fileAge(lockPath);
    return age > LOCK_WAIT_MS ? { kind: 'stale', raw } : { kind: 'starting' };
  }
  if (await canConnect(lock.uri)) return { kind: 'running', lock: { ...lock, uri: lock.uri } };
  return { kind: 'stale', raw };
}

function parseLock(raw: string): LockContent | null {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { pid, uri } = value as Record<string, unknown>;
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return null;
    if (uri !== null && typeof uri !== 'string') return null;
    return { pid, uri };
  } catch {
    return null;
  }
}

/**
 * Removes a stale lock only if it still holds what we judged stale: two processes may both find it
 * stale, and the slower one must not delete the lock the faster one has just created.
 */
export async function removeIfUnchanged(lockPath: string, raw: string | null): Promise<void> {
  if (raw === null) return;
  const now = await readFile(lockPath, 'utf8').catch(() => null);
  if (now === raw) await unlink(lockPath).catch(() => {});
}

/**
 * Publishes a running server in the lock (written aside, then renamed, so readers never see it
 * half-written). Returns what was written, which identifies this process's lock for its release.
 */
export async function publishLock(lockPath: string, content: LockContent): Promise<string> {
  const raw = JSON.stringify(content);
  const tmp = `${lockPath}.${process.pid}.tmp`;
  await writeFile(tmp, raw);
  await rename(tmp, lockPath);
  return raw;
}

/** Removes the lock if it is still the one published as `raw` (synchronous: usable on process exit). */
export function releaseLockSync(lockPath: string, raw: string): void {
  try {
    if (readFileSync(lockPath, 'utf8') === raw) unlinkSync(lockPath);
  } catch {
    // already gone
  }
}

async function fileAge(file: string): Promise<number> {
  return stat(file).then(
    (s) => Date.now() - s.mtimeMs,
    () => 0,
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
