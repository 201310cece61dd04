import { randomBytes } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { inChunks, inIdBatches } from '../../../db/batches.js';
import { isDuplicateKey } from '../../../db/duplicates.js';
import type { RollupSource } from '../../../rollups.js';
import { docFields, incrementsOf, mergeIncrements, type PersonHash } from './keys.js';
import { holdLock, isLocked, releaseLock } from './locks.js';
import {
  type RollupBatch,
  type RollupIncrement,
  type RollupMark,
  rollupBatchModel,
  rollupMarkModel,
  rollupModel,
} from './model.js';

/** Records per batch: what one crash may leave to finish (never to redo twice). */
export const APPLY_BATCH = 200;
/** How long the applier's lock lasts without renewal (it renews before every batch). */
const LEASE_MS = 2 * 60_000;

export interface ApplierDeps {
  db: Connection;
  sources: () => readonly RollupSource[];
  personHash: () => Promise<PersonHash>;
}

interface SourceDoc {
  _id: unknown;
  rollupVersion?: number;
  rollupCounted?: RollupIncrement[] | null;
}

/**
 * Adds to the figures what the dirty records of every source changed, batch by batch, and returns a
 * summary (or undefined when nothing was dirty). One applier at a time across instances (a lock
 * with a lease); none while `rebuild-stats` is unfinished. Stops between batches on `signal`.
 *
 * A batch, and what a SIGKILL at each step leaves:
 * 1. up to `APPLY_BATCH` dirty records are read (one equality read), what each adds now is computed,
 *    and the batch is written with each record's version, new snapshot and difference — killed
 *    before: nothing happened;
 * 2. each record still at the version read takes its new snapshot, is marked clean and tagged with
 *    the batch, in one conditional write (a record changed meanwhile stays dirty, for the next batch);
 * 3. the records tagged with the batch are read back: only their differences count; each rollup
 *    document adds them unless it already added the batch (its `batches` list, one conditional
 *    update per document); then the batch id leaves the documents and the batch is deleted.
 * Killed after 1, the next applier redoes 2 (the same writes) and 3 (documents that added the batch
 * skip it): nothing is lost, nothing counted twice.
 */
export async function applyRollups(
  deps: ApplierDeps,
  now: () => Date,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const owner = `${process.pid}:${randomBytes(6).toString('hex')}`;
  const lease = () => new Date(now().getTime() + LEASE_MS);
  if (!(await holdLock(deps.db, 'apply', owner, now(), lease()))) return undefined;
  try {
    if (await isLocked(deps.db, 'rebuild')) return 'rollups: waiting for `jobs rebuild-stats` to finish';
    const started = now();
    const hash = await deps.personHash();
    const sources = deps.sources();
    let counted = 0;
    for (const batch of await rollupBatchModel(deps.db).find({}).lean<RollupBatch[]>().exec()) {
      const source = sources.find((s) => s.name === batch.source);
      if (source) counted += await finishBatch(deps.db, source, batch);
    }
    let drained = 0;
    for (const source of sources) {
      while (!signal?.aborted && (await holdLock(deps.db, 'apply', owner, now(), lease()))) {
        const batch = await startBatch(deps.db, source, hash, now());
        if (!batch) {
          drained += 1;
          break;
        }
        counted += await finishBatch(deps.db, source, batch);
      }
    }
    // Every source clean: whatever was stored before this run began is counted.
    if (drained === sources.length) await markApplied(deps.db, started);
    return counted > 0 ? `rollups: ${counted} records counted` : undefined;
  } finally {
    await releaseLock(deps.db, 'apply', owner);
  }
}

/** Records when the figures were last whole (never moving it back: `$max`). */
async function markApplied(conn: Connection, at: Date): Promise<void> {
  try {
    await rollupMarkModel(conn).updateOne(
      { _id: 'applied' },
      { $max: { at } },
      { upsert: true, setDefaultsOnInsert: false },
    );
  } catch (err) {
    // Two appliers' first marks at once: the other one's is as good.
    if (!isDuplicateKey(err)) throw err;
  }
}

/** When the figures were last brought up to date (null before the first applier run). */
export async function appliedAt(conn: Connection): Promise<Date | null> {
  const mark = await rollupMarkModel(conn).findById('applied').lean<RollupMark>().exec();
  return mark ? new Date(mark.at) : null;
}

/** Step 1: reads a batch of a source's dirty records and writes the batch; null when none is dirty. */
async function startBatch(
  conn: Connection,
  source: RollupSource,
  hash: PersonHash,
  now: Date,
): Promise<RollupBatch | null> {
  const docs = await source
    .model(conn)
    .find({ rollupDirty: true })
    .limit(APPLY_BATCH)
    // All in the first reply: no cursor left open on the server between two commands (a killed
    // process would leave it to FerretDB, which then holds one of its connections).
    .batchSize(APPLY_BATCH)
    .lean<SourceDoc[]>()
    .exec();
  if (docs.length === 0) return null;
  const contributions = await source.contributions(conn, docs);
  const records = docs.map((doc, i) => {
    const counted = incrementsOf(contributions[i] ?? [], 1, hash);
    const before = (doc.rollupCounted ?? []).map(({ d, p, n }) => ({ d, p, n: -n }));
    return {
      id: doc._id,
      v: doc.rollupVersion ?? 0,
      counted,
      delta: flatten(mergeIncrements([...before, ...counted])),
    };
  });
  const batch: RollupBatch = {
    _id: new mongoose.Types.ObjectId().toHexString(),
    source: source.name,
    records,
    at: now,
  };
  await rollupBatchModel(conn).create(batch);
  return batch;
}

/** Steps 2 and 3: idempotent from any point; returns how many records the batch counted. */
async function finishBatch(conn: Connection, source: RollupSource, batch: RollupBatch): Promise<number> {
  const model = source.model(conn);
  await inChunks(batch.records, (chunk) =>
    model.bulkWrite(
      chunk.map((r) => ({
        updateOne: {
          filter: { _id: r.id, rollupVersion: r.v },
          update: { $set: { rollupDirty: false, rollupCounted: r.counted, rollupBatch: batch._id } },
        },
      })),
      { ordered: false },
    ),
  );
  const taken = await model
    .find({ rollupBatch: batch._id }, { _id: 1 })
    .batchSize(APPLY_BATCH + 1)
    .lean<SourceDoc[]>()
    .exec();
  const ids = new Set(taken.map((d) => String(d._id)));
  const byDoc = mergeIncrements(batch.records.filter((r) => ids.has(String(r.id))).flatMap((r) => r.delta));
  for (const [doc, paths] of byDoc) {
    try {
      // Matches only a document that has not added this batch; when it has, the upsert's insert
      // collides with it on `_id`: already added.
      await rollupModel(conn).updateOne(
        { _id: doc, batches: mongoose.trusted({ $ne: batch._id }) },
        { $inc: Object.fromEntries(paths), $push: { batches: batch._id }, $setOnInsert: docFields(doc) },
        { upsert: true, strict: false, setDefaultsOnInsert: false },
      );
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
  await inIdBatches([...byDoc.keys()], async (docs) => {
    const res = await rollupModel(conn).updateMany(
      { _id: mongoose.trusted({ $in: docs }) },
      { $pull: { batches: batch._id } },
    );
    return res.modifiedCount;
  });
  await rollupBatchModel(conn).deleteOne({ _id: batch._id });
  return ids.size;
}

function flatten(byDoc: Map<string, Map<string, number>>): RollupIncrement[] {
  return [...byDoc].flatMap(([d, paths]) => [...paths].map(([p, n]): RollupIncrement => ({ d, p, n })));
}
