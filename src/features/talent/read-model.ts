/**
 * The talent read models kept in step with the profiles: the skill index (skill → packed ranking
 * facts) and the card buckets, written by `_id` with their stamps bumped for the search cache
 * (read-cache.ts); a profile's erasure, the bulk import and the rebuild of both.
 */
import type { Connection } from 'mongoose';
import { isDuplicateKey } from '../../db/duplicates.js';
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
import { blankProfile, findProfile, type StoredProfile } from './repository.js';
import { cardBucketOf, normalizeSkill, packEntry, stampSlotOf, withEntry } from './rules.js';

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

/** The last closing among a profile's missions (profiles stored before `lastCollaborationAt` existed). */
function lastClosedAt(p: Pick<TalentProfile, 'missions'>): Date | null {
  const times = p.missions.map((m) => new Date(m.closedAt).getTime()).filter(Number.isFinite);
  return times.length > 0 ? new Date(Math.max(...times)) : null;
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
    lastCollaborationAt: p.lastCollaborationAt ?? lastClosedAt(p),
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
