import mongoose, { type Connection } from 'mongoose';
import { insertOnce, isDuplicateKey } from '../../db/duplicates.js';
import type { MissionClosed } from '../../events.js';
import { POOL_STATS_ID } from './ids.js';
import {
  cardBucketModel,
  poolStatsModel,
  skillIndexModel,
  type TalentCard,
  type TalentProfile,
  talentProfileModel,
} from './model.js';
import { bumpAllStamps, bumpStamps, cachedCardBuckets, newEpoch, type Stamps } from './read-cache.js';
import { cardBucketOf, normalizeSkill, packEntry, stampSlotOf, withEntry } from './rules.js';

/** A profile as stored (plain object). */
export type StoredProfile = TalentProfile & { _id: unknown };

/** A new profile's fields (what an upsert's `$setOnInsert` writes: mongoose adds no defaults there). */
function blankProfile(userId: string, now: Date) {
  return {
    userId,
    skills: [] as string[],
    missionSkills: [] as string[],
    availableFrom: null,
    availabilitySaidAt: null,
    dayRate: null,
    contactEmail: null,
    optedOut: false,
    optedInAt: now,
    reachable: true,
    missionIds: [] as string[],
    missions: [],
    missionsDone: 0,
    ratingSum: 0,
    ratingCount: 0,
    wouldRehireCount: 0,
    lastCollaboration: null,
    handovers: [],
    notes: [],
    indexedSkills: [] as string[],
  };
}

/** The fields a closed mission writes with operators, left out of its upsert's `$setOnInsert`. */
const closingFields = [
  'missionSkills',
  'missionIds',
  'missions',
  'missionsDone',
  'ratingSum',
  'ratingCount',
  'wouldRehireCount',
  'lastCollaboration',
  'handovers',
  'notes',
] as const;

/** A stored profile with every field (a field an operator never wrote gets its default). */
function complete(p: StoredProfile): StoredProfile {
  return { ...blankProfile(p.userId, new Date(0)), ...p } as StoredProfile;
}

export async function findProfile(conn: Connection, userId: string): Promise<StoredProfile | null> {
  const p = await talentProfileModel(conn).findOne({ userId }).lean<StoredProfile>();
  return p ? complete(p) : null;
}

/** Profiles by user id, each by the unique index (no `$in`, which FerretDB scans). */
export async function profilesOf(
  conn: Connection,
  userIds: readonly string[],
): Promise<Map<string, StoredProfile>> {
  const found = await Promise.all(userIds.map((id) => findProfile(conn, id)));
  return new Map(found.filter((p): p is StoredProfile => p !== null).map((p) => [p.userId, p]));
}

/** Creates an empty profile in the pool once (an existing one is left as it is). */
export async function ensureProfile(conn: Connection, userId: string, now: Date): Promise<void> {
  await insertOnce(talentProfileModel(conn), { userId }, blankProfile(userId, now));
}

/** What a freelancer edits of their own profile. */
export interface OwnProfileEdit {
  skills: string[];
  availableFrom: string | null;
  dayRate: number | null;
  contactEmail: string | null;
  optedOut: boolean;
}

/** Stores the freelancer's own edit; lifting an opt-out dates their (re-)entry into the pool. */
export async function saveOwnProfile(
  conn: Connection,
  userId: string,
  edit: OwnProfileEdit,
  now: Date,
): Promise<void> {
  const model = talentProfileModel(conn);
  await ensureProfile(conn, userId, now);
  if (!edit.optedOut) await model.updateOne({ userId, optedOut: true }, { $set: { optedInAt: now } });
  const before = await findProfile(conn, userId);
  const availabilityChanged = edit.availableFrom !== (before?.availableFrom ?? null);
  await model.updateOne(
    { userId },
    {
      $set: {
        skills: edit.skills,
        availableFrom: edit.availableFrom,
        dayRate: edit.dayRate,
        contactEmail: edit.contactEmail,
        optedOut: edit.optedOut,
        ...(availabilityChanged ? { availabilitySaidAt: edit.availableFrom ? now : null } : {}),
      },
    },
  );
}

/** Stores an availability answer ("available from", or null for "not now"). */
export async function saveAvailability(
  conn: Connection,
  userId: string,
  a: { availableFrom: string | null; saidAt: Date },
): Promise<void> {
  await ensureProfile(conn, userId, a.saidAt);
  await talentProfileModel(conn).updateOne(
    { userId },
    { $set: { availableFrom: a.availableFrom, availabilitySaidAt: a.saidAt } },
  );
}

/**
 * Adds a closed mission to the freelancer's profile, once per missionId: one conditional update
 * (the mission id not yet in `missionIds`), creating the profile if needed. Returns whether it was
 * counted now (false for a replay).
 */
export async function addClosedMission(conn: Connection, e: MissionClosed): Promise<boolean> {
  const closedOn = e.closedAt.toISOString().slice(0, 10);
  const rated = e.rating !== null;
  const update = {
    $inc: {
      missionsDone: 1,
      ratingSum: rated ? (e.rating ?? 0) : 0,
      ratingCount: rated ? 1 : 0,
      wouldRehireCount: e.wouldRehire ? 1 : 0,
    },
    $push: {
      missionIds: e.missionId,
      missions: {
        missionId: e.missionId,
        title: e.title,
        managerId: e.managerId,
        closedAt: e.closedAt,
        rating: e.rating,
      },
      ...(e.handover.length > 0
        ? { handovers: { missionId: e.missionId, title: e.title, closedAt: e.closedAt, items: e.handover } }
        : {}),
      ...(e.privateNote
        ? { notes: { missionId: e.missionId, authorId: e.managerId, at: e.closedAt, text: e.privateNote } }
        : {}),
    },
    $addToSet: { missionSkills: { $each: e.skills.map(normalizeSkill).filter(Boolean) } },
    $max: { lastCollaboration: closedOn },
    $setOnInsert: Object.fromEntries(
      Object.entries(blankProfile(e.freelancerId, e.closedAt)).filter(
        ([k]) => !(closingFields as readonly string[]).includes(k),
      ),
    ),
  };
  try {
    const res = await talentProfileModel(conn).updateOne(
      { userId: e.freelancerId, missionIds: mongoose.trusted({ $ne: e.missionId }) },
      update,
      { upsert: true },
    );
    const counted = res.modifiedCount === 1 || res.upsertedCount === 1;
    if (counted && rated) {
      await poolStatsModel(conn).updateOne(
        { _id: POOL_STATS_ID },
        { $inc: { ratingSum: e.rating ?? 0, ratingCount: 1 }, $setOnInsert: { epoch: newEpoch() } },
        { upsert: true },
      );
    }
    return counted;
  } catch (err) {
    // The profile exists and already holds this mission: the upsert's insert hit the unique userId.
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

export async function setReachable(conn: Connection, userId: string, reachable: boolean): Promise<boolean> {
  const res = await talentProfileModel(conn).updateOne(
    { userId, reachable: !reachable },
    { $set: { reachable } },
  );
  return res.modifiedCount === 1;
}

/** Erases a profile (Slack's `is_forgotten`); its read-model entries go first. */
export async function deleteProfile(conn: Connection, userId: string): Promise<void> {
  const p = await findProfile(conn, userId);
  if (!p) return;
  await Promise.all(p.indexedSkills.map((s) => unsetEntry(conn, s, userId)));
  await writeLine(conn, 'cards', cardBucketOf(userId), userId, null);
  await talentProfileModel(conn).deleteOne({ userId });
}

async function unsetEntry(conn: Connection, skill: string, userId: string): Promise<void> {
  await writeEntry(conn, skill, userId, null);
}

/**
 * Sets (or removes, with null) one profile's line in a skill's read-model document: read, rewrite
 * the string, store on the condition that `v` did not move (else another writer won: read again).
 */
async function writeEntry(
  conn: Connection,
  skill: string,
  userId: string,
  packed: string | null,
): Promise<void> {
  await writeLine(conn, 'skills', skill, userId, packed);
}

/** The two line-holding read models: skill → ranking facts, bucket → cards. */
function lineModel(conn: Connection, kind: 'skills' | 'cards') {
  return kind === 'skills'
    ? { model: skillIndexModel(conn), field: 'entries' as const }
    : { model: cardBucketModel(conn), field: 'cards' as const };
}

async function writeLine(
  conn: Connection,
  kind: 'skills' | 'cards',
  id: string,
  userId: string,
  line: string | null,
): Promise<void> {
  const { model, field } = lineModel(conn, kind);
  const collection = model.collection;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const doc = await collection.findOne<Record<string, unknown> & { v: number }>({ _id: id as never });
    if (!doc) {
      if (line === null) return;
      try {
        await collection.insertOne({ _id: id, [field]: withEntry('', userId, line), v: 1 } as never);
        await bumpStamps(conn, [stampSlotOf(kind, id)]);
        return;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        continue;
      }
    }
    const current = String(doc[field] ?? '');
    const next = withEntry(current, userId, line);
    if (next === current) return;
    const res = await collection.updateOne(
      { _id: id as never, v: doc.v },
      { $set: { [field]: next, v: doc.v + 1 } },
    );
    if (res.modifiedCount === 1) {
      // After the write, never before: see read-cache.ts.
      await bumpStamps(conn, [stampSlotOf(kind, id)]);
      return;
    }
  }
  throw new Error(`read model ${kind}/${id}: too many concurrent writers`);
}

/** What the card read model holds of a profile. */
export function cardOf(p: TalentProfile): TalentCard {
  return {
    userId: p.userId,
    skills: p.skills.slice(0, 30),
    missionSkills: p.missionSkills.slice(0, 30),
    ratingSum: p.ratingSum,
    ratingCount: p.ratingCount,
    wouldRehireCount: p.wouldRehireCount,
    missionsDone: p.missionsDone,
    availableFrom: p.availableFrom,
    availabilitySaidAt: p.availabilitySaidAt,
    lastCollaboration: p.lastCollaboration,
    reachable: p.reachable,
    contactEmail: p.contactEmail,
    optedOut: p.optedOut,
    notes: p.notes.slice(-1).map((n) => ({ ...n, text: n.text.slice(0, 500) })),
  };
}

/** The cards of these users, each bucket read once by `_id` (or taken from the cache: read-cache.ts). */
export async function cardsOf(
  conn: Connection,
  stamps: Stamps,
  userIds: readonly string[],
): Promise<Map<string, TalentCard>> {
  const buckets = await cachedCardBuckets(conn, stamps, userIds.map(cardBucketOf));
  const out = new Map<string, TalentCard>();
  for (const userId of userIds) {
    const json = buckets.get(cardBucketOf(userId))?.get(userId);
    if (json !== undefined) out.set(userId, JSON.parse(json) as TalentCard);
  }
  return out;
}

/** The normalized skills a profile is listed under: its own and its missions', unless opted out. */
export function listedSkills(p: Pick<TalentProfile, 'skills' | 'missionSkills' | 'optedOut'>): string[] {
  if (p.optedOut) return [];
  return [...new Set([...p.skills, ...p.missionSkills].map(normalizeSkill).filter(Boolean))];
}

/**
 * Brings the read model in line with a profile: sets its entry under each listed skill (a small
 * `$set` of one path), removes it from the skills it left, and records where it is listed.
 */
export async function syncSkillIndex(conn: Connection, userId: string): Promise<void> {
  const p = await findProfile(conn, userId);
  if (!p) return;
  const skills = listedSkills(p);
  const packed = packEntry({
    ratingSum: p.ratingSum,
    ratingCount: p.ratingCount,
    wouldRehire: p.wouldRehireCount,
    missionsDone: p.missionsDone,
    saidAt: p.availabilitySaidAt ? new Date(p.availabilitySaidAt).getTime() : 0,
  });
  await Promise.all(skills.map((s) => writeEntry(conn, s, userId, packed)));
  await writeLine(conn, 'cards', cardBucketOf(userId), userId, p.optedOut ? null : JSON.stringify(cardOf(p)));
  const left = p.indexedSkills.filter((s) => !skills.includes(s));
  await Promise.all(left.map((s) => unsetEntry(conn, s, userId)));
  await talentProfileModel(conn).updateOne({ userId }, { $set: { indexedSkills: skills } });
}

/** Every alumnus (a mission done, not opted out), by an indexed equality, streamed. */
export async function* alumni(conn: Connection): AsyncIterable<StoredProfile> {
  const cursor = talentProfileModel(conn)
    .find({ optedOut: false })
    .sort({ userId: 1 })
    .lean<StoredProfile[]>()
    .cursor();
  for await (const p of cursor)
    if ((p as StoredProfile).missionsDone >= 1) yield complete(p as StoredProfile);
}

/** Profiles that entered the pool since `since` and are in it (for digests: a job, not a user's wait). */
export async function joinedSince(conn: Connection, since: Date): Promise<StoredProfile[]> {
  const found = await talentProfileModel(conn)
    .find({ optedInAt: mongoose.trusted({ $gte: since }), optedOut: false })
    .sort({ optedInAt: 1 })
    .lean<StoredProfile[]>();
  return found.map(complete);
}

/** What an import gives of a profile (the rest gets a new profile's defaults). */
export type ImportedProfile = Pick<TalentProfile, 'userId'> & Partial<Omit<TalentProfile, 'userId'>>;

/**
 * Inserts many profiles at once (an import, a benchmark's or a test's pool); follow with
 * `rebuildReadModel`. Existing user ids are left as they are (the unique index drops them).
 */
export async function importProfiles(
  conn: Connection,
  profiles: readonly ImportedProfile[],
  now: Date,
): Promise<void> {
  const docs = profiles.map((p) => {
    const doc = { ...blankProfile(p.userId, now), ...p };
    return { ...doc, indexedSkills: listedSkills(doc) };
  });
  for (let i = 0; i < docs.length; i += 1_000) {
    try {
      await talentProfileModel(conn).insertMany(docs.slice(i, i + 1_000), { ordered: false });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
}

/**
 * Rebuilds the whole read model and the pool's rating totals from the profiles (one pass over
 * them, one write per skill): after an import, or to repair. Not on any path a user waits for.
 */
export async function rebuildReadModel(conn: Connection): Promise<{ profiles: number; skills: number }> {
  const bySkill = new Map<string, string[]>();
  const byBucket = new Map<string, string[]>();
  const totals = { ratingSum: 0, ratingCount: 0 };
  let profiles = 0;
  const listed: { userId: string; skills: string[] }[] = [];
  for await (const raw of talentProfileModel(conn).find({}).lean<StoredProfile[]>().cursor()) {
    const p = { ...blankProfile('', new Date(0)), ...(raw as StoredProfile) };
    profiles += 1;
    totals.ratingSum += p.ratingSum;
    totals.ratingCount += p.ratingCount;
    const skills = listedSkills(p);
    const packed = packEntry({
      ratingSum: p.ratingSum,
      ratingCount: p.ratingCount,
      wouldRehire: p.wouldRehireCount,
      missionsDone: p.missionsDone,
      saidAt: p.availabilitySaidAt ? new Date(p.availabilitySaidAt).getTime() : 0,
    });
    for (const s of skills) {
      const lines = bySkill.get(s) ?? [];
      lines.push(`\n${p.userId}=${packed}`);
      bySkill.set(s, lines);
    }
    if (!p.optedOut) {
      const bucket = cardBucketOf(p.userId);
      const lines = byBucket.get(bucket) ?? [];
      lines.push(`\n${p.userId}=${JSON.stringify(cardOf(p))}`);
      byBucket.set(bucket, lines);
    }
    const same = skills.length === p.indexedSkills.length && skills.every((s) => p.indexedSkills.includes(s));
    if (!same) listed.push({ userId: p.userId, skills });
  }
  await skillIndexModel(conn).deleteMany({});
  const docs = [...bySkill].map(([_id, lines]) => ({ _id, entries: lines.join(''), v: 1 }));
  for (const doc of docs) await skillIndexModel(conn).collection.insertOne(doc as never);
  await cardBucketModel(conn).deleteMany({});
  for (const [_id, lines] of byBucket) {
    await cardBucketModel(conn).collection.insertOne({ _id, cards: lines.join(''), v: 1 } as never);
  }
  // $set, not a replace: the document also holds the read-model stamps, which must only grow.
  await poolStatsModel(conn).updateOne(
    { _id: POOL_STATS_ID },
    { $set: totals, $setOnInsert: { epoch: newEpoch() } },
    { upsert: true },
  );
  const model = talentProfileModel(conn);
  for (const l of listed) await model.updateOne({ userId: l.userId }, { $set: { indexedSkills: l.skills } });
  await bumpAllStamps(conn);
  return { profiles, skills: docs.length };
}
