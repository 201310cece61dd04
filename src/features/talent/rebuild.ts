/**
 * The talent read models made again from the profiles: the bulk import of profiles and the rebuild
 * of the skill index, the card buckets and the pool's rating totals (a repair, not a user's wait).
 */
import type { Connection } from 'mongoose';
import { isDuplicateKey } from '../../db/duplicates.js';
import { POOL_STATS_ID } from './ids.js';
import { cardBucketOf, lineOf } from './lines.js';
import {
  cardBucketModel,
  poolStatsModel,
  skillIndexModel,
  type TalentProfile,
  talentProfileModel,
} from './model.js';
import { bumpAllStamps, newEpoch } from './read-cache.js';
import { cardOf, listedSkills, packedOf } from './read-model.js';
import { blankProfile, type StoredProfile } from './repository.js';

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
    // Half-erased (a crash during its erasure): listed nowhere; erasing again finishes.
    if (p.erasing) continue;
    totals.ratingSum += p.ratingSum;
    totals.ratingCount += p.ratingCount;
    const skills = listedSkills(p);
    const packed = packedOf(p);
    for (const s of skills) {
      const lines = bySkill.get(s) ?? [];
      lines.push(lineOf(p.userId, p.rv, packed));
      bySkill.set(s, lines);
    }
    if (!p.optedOut) {
      const bucket = cardBucketOf(p.userId);
      const lines = byBucket.get(bucket) ?? [];
      lines.push(lineOf(p.userId, p.rv, JSON.stringify(cardOf(p))));
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
