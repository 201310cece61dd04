import type { Connection, Types } from 'mongoose';
import { idsIn, inIdBatches } from '../db/batches.js';
import { jobModel } from './job-model.js';

/** Whether a stored value names the person anywhere (their id in a key, a payload, an error). */
export function mentions(value: unknown, userId: string): boolean {
  return JSON.stringify(value ?? null).includes(userId);
}

interface JobLine {
  _id: Types.ObjectId;
  key: string;
  name: string;
  payload: unknown;
  lastError?: string | null;
  runAt: Date;
  status: string;
}

/**
 * The queued jobs that name the person (a DM to them, a follow-up keyed by their id): read by a scan
 * of the jobs collection, since payloads differ per job. Erasure is rare; the scan reads only ids,
 * keys, names, payloads and errors.
 */
async function jobsNaming(conn: Connection, userId: string): Promise<JobLine[]> {
  const found: JobLine[] = [];
  const cursor = jobModel(conn)
    .find({}, { key: 1, name: 1, payload: 1, lastError: 1, runAt: 1, status: 1 })
    .lean<JobLine>()
    .cursor();
  for await (const job of cursor)
    if (mentions([job.key, job.payload, job.lastError], userId)) found.push(job);
  return found;
}

/** What the job queue holds about the person, for their data export: which work, when, in what state. */
export async function jobsAbout(
  conn: Connection,
  userId: string,
): Promise<{ name: string; runAt: Date; status: string }[]> {
  return (await jobsNaming(conn, userId)).map((j) => ({ name: j.name, runAt: j.runAt, status: j.status }));
}

/**
 * Drops every job that names the person (pending ones would message an erased person; done ones keep
 * their id in the key and payload), except `keepKey` (the erasure's own job, which clears its payload
 * when done). Returns how many went.
 */
export async function eraseJobsAbout(conn: Connection, userId: string, keepKey?: string): Promise<number> {
  const ids = (await jobsNaming(conn, userId)).filter((j) => j.key !== keepKey).map((j) => j._id);
  return inIdBatches(ids, async (batch) => (await jobModel(conn).deleteMany(idsIn(batch))).deletedCount);
}

/** Clears a job's payload (the erasure and export jobs, once done: the id they carried goes). */
export async function clearJobPayload(conn: Connection, key: string): Promise<void> {
  await jobModel(conn).updateOne({ key }, { $set: { payload: {}, lastError: null } });
}
