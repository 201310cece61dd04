import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { isDuplicateKey } from '../../db/duplicates.js';
import { POOL_STATS_ID } from './ids.js';
import { entryLines, STAMP_SLOTS, stampSlotOf, unpackEntry } from './lines.js';
import {
  type CardBucketDoc,
  cardBucketModel,
  poolStatsModel,
  type SkillIndexDoc,
  skillIndexModel,
} from './model.js';
import type { RankFacts } from './rules.js';

// An in-process cache of the parsed read models of /talent, checked on every search by ONE read by
// `_id` of the pool's totals document, which also holds 64 version counters ("stamps"): every write
// to a read-model document bumps its slot AFTER the write lands, and a search reads the stamps
// BEFORE any document, so a document cached under a stamp value was read after every write that
// value counts. Another instance's change is seen by the next search. A cached document also
// expires after CACHE_MAX_AGE_MS (a writer that crashed between its write and its bump).

/** The longest a cached read-model document is used without a re-read, whatever the stamps say. */
export const CACHE_MAX_AGE_MS = 5 * 60_000;

/** The pool totals and the read-model version slots, read together by `_id`. */
export interface Stamps {
  /** Changes when the document is created again (so counters restarting at 0 cannot match). */
  epoch: string;
  ratingSum: number;
  ratingCount: number;
  slots: readonly number[];
}

type StampDoc = { _id: string; epoch?: string; ratingSum?: number; ratingCount?: number } & Record<
  string,
  unknown
>;

const slotField = (slot: number) => `s${slot}`;

/** A new epoch for the stamps document (set when it is created). */
export function newEpoch(): string {
  return randomBytes(6).toString('hex');
}

/** Reads the pool totals and the stamps (one read by `_id` from a one-document collection). */
export async function readStamps(conn: Connection): Promise<Stamps> {
  const doc = await poolStatsModel(conn).collection.findOne<StampDoc>({ _id: POOL_STATS_ID as never });
  return {
    epoch: doc?.epoch ?? '',
    ratingSum: Number(doc?.ratingSum ?? 0),
    ratingCount: Number(doc?.ratingCount ?? 0),
    slots: Array.from({ length: STAMP_SLOTS }, (_, i) => Number(doc?.[slotField(i)] ?? 0)),
  };
}

/** Bumps the version slots of these slots (after the read-model writes they stand for). */
export async function bumpStamps(conn: Connection, slots: Iterable<number>): Promise<void> {
  const inc = Object.fromEntries([...new Set(slots)].map((s) => [slotField(s), 1]));
  if (Object.keys(inc).length === 0) return;
  const update = { $inc: inc, $setOnInsert: { epoch: newEpoch() } };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      await poolStatsModel(conn).collection.updateOne({ _id: POOL_STATS_ID as never }, update, {
        upsert: true,
      });
      return;
    } catch (err) {
      // Two first bumps raced on the upsert's insert: the document exists now, bump again.
      if (!isDuplicateKey(err)) throw err;
    }
  }
}

/** Bumps every slot (a rebuild of the whole read model). */
export function bumpAllStamps(conn: Connection): Promise<void> {
  return bumpStamps(
    conn,
    Array.from({ length: STAMP_SLOTS }, (_, i) => i),
  );
}

/** A skill's read-model lines, parsed once: user ids and their ranking facts, in stored order. */
export type SkillFacts = readonly RankFacts[];

interface Cached<T> {
  epoch: string;
  version: number;
  loadedAt: number;
  value: T;
}

interface ConnectionCache {
  skills: Map<string, Cached<SkillFacts>>;
  cards: Map<string, Cached<Map<string, string>>>;
}

const caches = new WeakMap<Connection, ConnectionCache>();

function cacheOf(conn: Connection): ConnectionCache {
  let c = caches.get(conn);
  if (!c) {
    c = { skills: new Map(), cards: new Map() };
    caches.set(conn, c);
  }
  return c;
}

function fresh<T>(hit: Cached<T> | undefined, stamps: Stamps, version: number): hit is Cached<T> {
  return (
    hit !== undefined &&
    hit.epoch === stamps.epoch &&
    hit.version === version &&
    performance.now() - hit.loadedAt < CACHE_MAX_AGE_MS
  );
}

/** Documents by `_id` through the cache: a missing or stale one is read (all such in parallel). */
async function cachedById<T, D>(
  map: Map<string, Cached<T>>,
  stamps: Stamps,
  kind: 'skills' | 'cards',
  ids: readonly string[],
  read: (id: string) => Promise<D | null>,
  parse: (doc: D | null) => T,
): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  await Promise.all(
    [...new Set(ids)].map(async (id) => {
      const version = stamps.slots[stampSlotOf(kind, id)] ?? 0;
      let hit = map.get(id);
      if (!fresh(hit, stamps, version)) {
        const loadedAt = performance.now();
        hit = { epoch: stamps.epoch, version, loadedAt, value: parse(await read(id)) };
        map.set(id, hit);
      }
      out.set(id, hit.value);
    }),
  );
  return out;
}

/** The parsed lines of these skills' read-model documents (an absent skill: no lines). */
export function cachedSkillFacts(
  conn: Connection,
  stamps: Stamps,
  skills: readonly string[],
): Promise<Map<string, SkillFacts>> {
  const collection = skillIndexModel(conn).collection;
  return cachedById(
    cacheOf(conn).skills,
    stamps,
    'skills',
    skills,
    (id) => collection.findOne<SkillIndexDoc>({ _id: id as never }),
    (doc) => [...entryLines(doc?.entries ?? '')].map(([userId, packed]) => unpackEntry(userId, packed)),
  );
}

/** These card buckets as user id → card JSON (parsed by the caller, only for the cards shown). */
export function cachedCardBuckets(
  conn: Connection,
  stamps: Stamps,
  buckets: readonly string[],
): Promise<Map<string, Map<string, string>>> {
  const collection = cardBucketModel(conn).collection;
  return cachedById(
    cacheOf(conn).cards,
    stamps,
    'cards',
    buckets,
    (id) => collection.findOne<CardBucketDoc>({ _id: id as never }),
    (doc) => new Map(entryLines(doc?.cards ?? '')),
  );
}
