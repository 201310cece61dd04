import { randomBytes } from 'node:crypto';
import type { AnyBulkWriteOperation, Connection } from 'mongoose';
import { inChunks } from '../../../db/batches.js';
import type { RollupSource } from '../../../rollups.js';
import type { ApplierDeps } from './applier.js';
import { docFields, incrementsOf, mergeIncrements, type PersonHash } from './keys.js';
import { holdLock, releaseLock } from './locks.js';
import {
  type RollupDoc,
  type RollupIncrement,
  rollupBatchModel,
  rollupLockModel,
  rollupModel,
} from './model.js';

/** Records read and snapshots written per round trip. */
const CHUNK = 500;

export interface RebuildReport {
  records: number;
  documents: number;
}

/**
 * `npm run jobs -- rebuild-stats`: recomputes every rollup document from the raw records.
 *
 * The `rebuild` lock is taken first and kept until the end (no expiry): the applier does nothing
 * while it exists, so a killed rebuild leaves the figures frozen — never half rebuilt and added to —
 * until the command is run again (it starts over, whatever it left). Then it waits for a running
 * applier to let go, drops the unfinished batches (their records are all recounted), streams every
 * source: each record's contribution is summed in memory and stored as its snapshot, and finally the
 * rollup documents are replaced. Dirty flags are left as they are: a record changed during the
 * rebuild is dirty, and the applier adds the difference from the snapshot the rebuild stored.
 */
export async function rebuildRollups(
  deps: ApplierDeps,
  now: () => Date,
  waitForApplier: () => Promise<void>,
): Promise<RebuildReport> {
  const owner = `rebuild:${process.pid}:${randomBytes(6).toString('hex')}`;
  const forever = new Date('9999-12-31T00:00:00Z');
  // Taken even from an interrupted rebuild: this one starts over.
  await rollupLockModel(deps.db).updateOne(
    { _id: 'rebuild' },
    { $set: { owner, expiresAt: forever } },
    { upsert: true, setDefaultsOnInsert: false },
  );
  let applier = false;
  for (let i = 0; i < 600 && !applier; i++) {
    applier = await holdLock(deps.db, 'apply', owner, now(), forever);
    if (!applier) await waitForApplier();
  }
  if (!applier) throw new Error('rebuild-stats: the applier did not let go of its lock');
  await rollupBatchModel(deps.db).deleteMany({});
  const hash = await deps.personHash();
  const totals = new Map<string, Map<string, number>>();
  let records = 0;
  for (const source of deps.sources()) records += await recountSource(deps.db, source, hash, totals);
  const documents = await replaceDocuments(deps.db, totals);
  await releaseLock(deps.db, 'apply', owner);
  await releaseLock(deps.db, 'rebuild', owner);
  return { records, documents };
}

/** Streams one source: adds each record's contribution to `totals` and stores it as its snapshot. */
async function recountSource(
  conn: Connection,
  source: RollupSource,
  hash: PersonHash,
  totals: Map<string, Map<string, number>>,
): Promise<number> {
  const model = source.model(conn);
  let count = 0;
  let chunk: { _id: unknown }[] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    const contributions = await source.contributions(conn, chunk);
    const writes: AnyBulkWriteOperation[] = chunk.map((doc, i) => {
      const counted = incrementsOf(contributions[i] ?? [], 1, hash);
      for (const { d, p, n } of counted) {
        const paths = totals.get(d) ?? new Map<string, number>();
        paths.set(p, (paths.get(p) ?? 0) + n);
        totals.set(d, paths);
      }
      return { updateOne: { filter: { _id: doc._id }, update: { $set: { rollupCounted: counted } } } };
    });
    await inChunks(writes, (chunk) => model.bulkWrite(chunk, { ordered: false }));
    count += chunk.length;
    chunk = [];
  };
  for await (const doc of model.find({}).sort({ _id: 1 }).lean().cursor({ batchSize: CHUNK })) {
    chunk.push(doc as { _id: unknown });
    if (chunk.length >= CHUNK) await flush();
  }
  await flush();
  return count;
}

/** Replaces every rollup document by the rebuilt ones; returns how many there are. */
async function replaceDocuments(conn: Connection, totals: Map<string, Map<string, number>>): Promise<number> {
  const docs = [...mergeIncrements(flattenTotals(totals))].map(([id, paths]) => toDocument(id, paths));
  await rollupModel(conn).deleteMany({});
  for (let i = 0; i < docs.length; i += 100) {
    await rollupModel(conn).insertMany(docs.slice(i, i + 100), { ordered: false });
  }
  return docs.length;
}

function flattenTotals(totals: Map<string, Map<string, number>>): RollupIncrement[] {
  return [...totals].flatMap(([d, paths]) => [...paths].map(([p, n]): RollupIncrement => ({ d, p, n })));
}

/** A rollup document from its dotted paths (`d.2026-05-14.scoreSum` → `{d: {'2026-05-14': {scoreSum}}}`). */
export function toDocument(id: string, paths: Map<string, number>): RollupDoc {
  const doc: RollupDoc = { _id: id, ...docFields(id), d: {}, hr: {}, t: {}, batches: [] };
  for (const [path, n] of paths) {
    const [root, a = '', b] = path.split('.');
    if (root === 't') doc.t[a as keyof RollupDoc['t']] = n;
    else if (root === 'd' && b) doc.d[a] = { ...doc.d[a], [b]: n };
    else if (root === 'hr' && b) doc.hr[a] = { ...doc.hr[a], [b]: n };
  }
  return doc;
}
