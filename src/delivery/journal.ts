import mongoose, { type Connection, Schema, type Types } from 'mongoose';
import { idsIn, inIdBatches } from '../db/batches.js';
import { defineModel } from '../db/model.js';

/**
 * One step of a delivery, for a slice of messages: `attempted` is written before they are handed to
 * Slack, `accepted` (with where each landed) and `refused` once Slack answered, `withdrawn` when a
 * stop took them back before they reached Slack (free to send, as refused ones are). Insert-only, one
 * document per slice: cheap on MongoDB and FerretDB alike (no update by id, which FerretDB scans).
 */
interface JournalEntry {
  /** Who sends: a delivery claim's token, or a job's key. */
  scope: string;
  state: 'attempted' | 'accepted' | 'refused' | 'withdrawn';
  keys: string[];
  refs: { key: string; channel: string; ts: string }[];
  at: Date;
}

const journalSchema = new Schema<JournalEntry>(
  {
    scope: { type: String, required: true },
    state: { type: String, required: true, enum: ['attempted', 'accepted', 'refused', 'withdrawn'] },
    keys: { type: [String], default: [] },
    refs: { type: [{ _id: false, key: String, channel: String, ts: String }], default: [] },
    at: { type: Date, required: true },
  },
  { collection: 'delivery_journal', versionKey: false },
);
journalSchema.index({ scope: 1 });
journalSchema.index({ at: 1 });

const journal = defineModel('DeliveryJournal', journalSchema);

/** Where an accepted message landed. */
export interface Receipt {
  channel: string;
  ts: string;
  at: Date;
}

/** What a scope's journal says: the messages Slack accepted, and those handed to Slack with no answer. */
export interface JournalState {
  accepted: Map<string, Receipt>;
  inDoubt: Set<string>;
}

/** What a sender writes at one step: slices about to be handed to Slack, and Slack's answers so far. */
export interface JournalWrite {
  /** Keys of each slice about to be handed to Slack. */
  attempted?: string[][];
  /** Where the accepted messages landed. */
  accepted?: { key: string; channel: string; ts: string }[];
  /** Messages Slack refused (nothing was posted). */
  refused?: string[];
  /** Messages of an attempted slice taken back before they reached Slack (a stop). */
  withdrawn?: string[];
}

/** Writes one step of a scope's journal in one command (the gate of FerretDB makes each a wait). */
export async function writeJournal(
  conn: Connection,
  scope: string,
  write: JournalWrite,
  at: Date,
): Promise<void> {
  const docs: Partial<JournalEntry>[] = [];
  const accepted = write.accepted ?? [];
  if (accepted.length > 0) {
    docs.push({ scope, state: 'accepted', keys: accepted.map((r) => r.key), refs: accepted, at });
  }
  if (write.refused?.length) docs.push({ scope, state: 'refused', keys: write.refused, at });
  if (write.withdrawn?.length) docs.push({ scope, state: 'withdrawn', keys: write.withdrawn, at });
  for (const keys of write.attempted ?? [])
    if (keys.length > 0) docs.push({ scope, state: 'attempted', keys, at });
  if (docs.length > 0) await journal(conn).insertMany(docs);
}

/** A scope's journal, read after its sender died: accepted messages and those left in doubt. */
export async function readJournal(conn: Connection, scope: string): Promise<JournalState> {
  const entries = await journal(conn).find({ scope }).lean<JournalEntry[]>().exec();
  const accepted = new Map<string, Receipt>();
  const answered = new Set<string>();
  for (const e of entries) {
    if (e.state === 'attempted') continue;
    for (const key of e.keys) answered.add(key);
    for (const r of e.refs) accepted.set(r.key, { channel: r.channel, ts: r.ts, at: e.at });
  }
  const inDoubt = new Set<string>();
  for (const e of entries) {
    if (e.state !== 'attempted') continue;
    for (const key of e.keys) if (!answered.has(key)) inDoubt.add(key);
  }
  return { accepted, inDoubt };
}

/** Drops a scope's journal once its owner recorded every outcome (keeps the collection small). */
export async function forgetJournal(conn: Connection, scope: string): Promise<void> {
  await journal(conn).deleteMany({ scope });
}

/** How long a journal entry is kept when its owner never dropped it (a job's, or a claim nobody took over). */
const JOURNAL_KEPT_MS = 2 * 24 * 3600_000;

/** Drops journal entries older than two days, far past any lease or job retry; returns how many. */
export async function pruneJournal(conn: Connection, now: Date): Promise<number> {
  const res = await journal(conn).deleteMany({
    at: mongoose.trusted({ $lt: new Date(now.getTime() - JOURNAL_KEPT_MS) }),
  });
  return res.deletedCount;
}

/**
 * Drops the journal entries that name the person (a job key with their id, their DM's refs): the
 * journal is a record of sends for crash recovery, kept two days at most, read here by a scan.
 */
export async function eraseJournalAbout(conn: Connection, userId: string): Promise<number> {
  const model = journal(conn);
  const ids: Types.ObjectId[] = [];
  const cursor = model
    .find({}, { keys: 1, refs: 1 })
    .lean<{ _id: Types.ObjectId; keys: string[]; refs: unknown[] }>()
    .cursor();
  for await (const e of cursor) if (JSON.stringify([e.keys, e.refs]).includes(userId)) ids.push(e._id);
  return inIdBatches(ids, async (batch) => (await model.deleteMany(idsIn(batch))).deletedCount);
}
