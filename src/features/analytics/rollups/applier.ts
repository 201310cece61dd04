import { randomBytes } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { inIdBatches } from '../../../db/batches.js';
import { isDuplicateKey } from '../../../db/duplicates.js';
import type { RollupSource } from '../../../rollups.js';
import { docFields, incrementsOf, mergeIncrements, type PersonHash } from './keys.js';
import { holdLock, isLocked, releaseLock } from './locks.js';
import { type RollupBatch, type RollupIncrement, rollupBatchModel, rollupModel } from './model.js';

/** Records claimed per batch: what one crash may leave to finish (never to redo twice). */
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
  rollupCounted?: RollupIncrement[] | null;
}

/**
 * Adds to the figures what the dirty records of every source changed, batch by batch, and returns a
 * summary (or undefined when nothing was dirty). One applier at a time across instances (a lock
 * with a lease); none while `rebuild-stats` is unfinished. Stops between batches on `signal`.
 *
 * A batch, and what a SIGKILL at each step leaves:
 * 1. the batch is written as `claiming` with the ids it takes — killed before: nothing happened;
 * 2. the records' dirty flags are cleared (a write after this sets it again: counted next time) —
 *    killed here: the next applier marks the batch's records dirty again and drops the batch;
 * 3. the records are read, the difference between what they add now and what they added is
 *    computed, and the batch becomes `ready` with its increments and new snapshots;
 * 4. `finishBatch`: each rollup document adds the batch unless it already did (its `batches` list,
 *    one conditional update per document), then each record stores its new snapshot, then the batch
 *    id leaves the documents and the batch is deleted — killed anywhere: the next applier finishes
 *    the batch, and no document adds it twice.
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
    const hash = await deps.personHash();
    const sources = deps.sources();
    let finished = await finishUnfinished(deps.db, sources, hash);
    for (const source of sources) {
      while (!signal?.aborted && (await holdLock(deps.db, 'apply', owner, now(), lease()))) {
        const applied = await applyBatch(deps.db, source, hash, now());
        if (applied === 0) break;
        finished += applied;
      }
    }
    return finished > 0 ? `rollups: ${finished} records counted` : undefined;
  } finally {
    await releaseLock(deps.db, 'apply', owner);
  }
}

/** Claims, counts and adds one batch of a source's dirty records; returns how many. */
async function applyBatch(
  conn: Connection,
  source: RollupSource,
  hash: PersonHash,
  now: Date,
): Promise<number> {
  const model = source.model(conn);
  const dirty = await model
    .find({ rollupDirty: true }, { _id: 1 })
    .limit(APPLY_BATCH)
    .lean<SourceDoc[]>()
    .exec();
  if (dirty.length === 0) return 0;
  const ids = dirty.map((d) => d._id);
  const batchId = new mongoose.Types.ObjectId().toHexString();
  await rollupBatchModel(conn).create({
    _id: batchId,
    source: source.name,
    state: 'claiming',
    ids,
    increments: [],
    counted: [],
    at: now,
  });
  await inIdBatches(ids, async (batch) => {
    const res = await model.updateMany(
      { ...idsIn(batch), rollupDirty: true },
      { $set: { rollupDirty: false } },
    );
    return res.modifiedCount;
  });
  const docs: SourceDoc[] = [];
  await inIdBatches(ids, async (batch) => {
    docs.push(...(await model.find(idsIn(batch)).lean<SourceDoc[]>().exec()));
    return 0;
  });
  const contributions = await source.contributions(conn, docs);
  const counted = docs.map((doc, i) => ({
    id: doc._id,
    counted: incrementsOf(contributions[i] ?? [], 1, hash),
  }));
  const increments: RollupIncrement[] = [];
  docs.forEach((doc, i) => {
    for (const { d, p, n } of doc.rollupCounted ?? []) increments.push({ d, p, n: -n });
    increments.push(...(counted[i]?.counted ?? []));
  });
  const ready = await rollupBatchModel(conn)
    .findOneAndUpdate(
      { _id: batchId, state: 'claiming' },
      { $set: { state: 'ready', increments: flatten(mergeIncrements(increments)), counted } },
      { returnDocument: 'after' },
    )
    .lean<RollupBatch>()
    .exec();
  if (ready) await finishBatch(conn, source, ready);
  return docs.length;
}

/** Finishes the batches a killed applier left (see `applyRollups`); returns the records they counted. */
async function finishUnfinished(
  conn: Connection,
  sources: readonly RollupSource[],
  _hash: PersonHash,
): Promise<number> {
  const left = await rollupBatchModel(conn).find({}).lean<RollupBatch[]>().exec();
  let count = 0;
  for (const batch of left) {
    const source = sources.find((s) => s.name === batch.source);
    if (!source) continue;
    if (batch.state === 'claiming') {
      // Killed while claiming: the records count again from their unchanged snapshots.
      await inIdBatches(batch.ids, async (ids) => {
        const res = await source.model(conn).updateMany(idsIn(ids), { $set: { rollupDirty: true } });
        return res.modifiedCount;
      });
      await rollupBatchModel(conn).deleteOne({ _id: batch._id });
    } else {
      await finishBatch(conn, source, batch);
      count += batch.counted.length;
    }
  }
  return count;
}

/** Step 4 of a batch: idempotent from any point. */
async function finishBatch(conn: Connection, source: RollupSource, batch: RollupBatch): Promise<void> {
  const byDoc = new Map<string, Record<string, number>>();
  for (const { d, p, n } of batch.increments) byDoc.set(d, { ...byDoc.get(d), [p]: n });
  for (const [doc, inc] of byDoc) {
    try {
      // Matches only a document that has not added this batch; when it has, the upsert's insert
      // collides with it on `_id`: already added.
      await rollupModel(conn).updateOne(
        { _id: doc, batches: mongoose.trusted({ $ne: batch._id }) },
        { $inc: inc, $push: { batches: batch._id }, $setOnInsert: docFields(doc) },
        { upsert: true, strict: false, setDefaultsOnInsert: false },
      );
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
  const model = source.model(conn);
  for (const { id, counted } of batch.counted) {
    await model.updateOne({ _id: id }, { $set: { rollupCounted: counted } });
  }
  await inIdBatches([...byDoc.keys()], async (docs) => {
    const res = await rollupModel(conn).updateMany(
      { _id: mongoose.trusted({ $in: docs }) },
      { $pull: { batches: batch._id } },
    );
    return res.modifiedCount;
  });
  await rollupBatchModel(conn).deleteOne({ _id: batch._id });
}

const idsIn = (ids: unknown[]) => ({ _id: mongoose.trusted({ $in: ids }) });

function flatten(byDoc: Map<string, Map<string, number>>): RollupIncrement[] {
  return [...byDoc].flatMap(([d, paths]) => [...paths].map(([p, n]): RollupIncrement => ({ d, p, n })));
}
