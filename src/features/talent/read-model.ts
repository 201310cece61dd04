/**
 * The talent read models kept in step with the profiles: the skill index (skill → packed ranking
 * facts) and the card buckets, written by `_id` with their stamps bumped for the search cache
 * (read-cache.ts); a profile's erasure. The bulk import and the rebuild are in rebuild.ts.
 */
import mongoose, { type Connection } from 'mongoose';
import { isDuplicateKey } from '../../db/duplicates.js';
import { cardBucketOf, packEntry, stampSlotOf, withEntry } from './lines.js';
import {
  cardBucketModel,
  skillIndexModel,
  type TalentCard,
  type TalentProfile,
  talentProfileModel,
} from './model.js';
import { bumpStamps, cachedCardBuckets, type Stamps } from './read-cache.js';
import { findProfile, type StoredProfile } from './repository.js';
import { normalizeSkill } from './rules.js';

/** What a race test awaits between a sync's read of a profile and its read-model writes. */
export type SyncPause = (userId: string) => Promise<void>;
const pauses = new WeakMap<Connection, SyncPause>();

/**
 * Test seam (never set by the app): every sync of the read model on this connection awaits `pause`
 * after reading the profile, widening the window in which a concurrent change lands (null: none).
 */
export function pauseReadModelSyncs(conn: Connection, pause: SyncPause | null): void {
  if (pause) pauses.set(conn, pause);
  else pauses.delete(conn);
}

/** A version above any profile's: an erasure's removals apply whatever line is stored. */
const FOREVER = Number.MAX_SAFE_INTEGER;

/**
 * Erases a profile (Slack's `is_forgotten`). First marked (`erasing`, its version moved) so that a
 * sync that read it before sees the move and takes back what it wrote (syncSkillIndex), then its
 * read-model lines go, then the profile. A crash half-way leaves it marked: erasing again finishes.
 */
export async function deleteProfile(conn: Connection, userId: string): Promise<void> {
  const p = await talentProfileModel(conn)
    .findOneAndUpdate({ userId }, { $set: { erasing: true }, $inc: { rv: 1 } }, { new: true })
    .lean<StoredProfile>();
  if (!p) return;
  await removeLines(conn, userId, p.indexedSkills ?? [], FOREVER);
  await talentProfileModel(conn).deleteOne({ userId });
}

/** Removes a profile's lines from these skills' documents and its card, unless newer than `version`. */
async function removeLines(
  conn: Connection,
  userId: string,
  skills: Iterable<string>,
  version: number,
): Promise<void> {
  await Promise.all([...new Set(skills)].map((s) => writeLine(conn, 'skills', s, userId, null, version)));
  await writeLine(conn, 'cards', cardBucketOf(userId), userId, null, version);
}

/** The two line-holding read models: skill → ranking facts, bucket → cards. */
function lineModel(conn: Connection, kind: 'skills' | 'cards') {
  return kind === 'skills'
    ? { model: skillIndexModel(conn), field: 'entries' as const }
    : { model: cardBucketModel(conn), field: 'cards' as const };
}

/**
 * Sets (or removes, with null) one profile's line in a read-model document, from the profile at
 * `version`: read the document, rewrite the string, store on the condition that the document's `v`
 * did not move (else another writer won: read again). The line is left alone when the stored one was
 * written from the same or a newer version of the profile: under the `v` condition, that check and
 * the write are one atomic step.
 */
async function writeLine(
  conn: Connection,
  kind: 'skills' | 'cards',
  id: string,
  userId: string,
  payload: string | null,
  version: number,
): Promise<void> {
  const { model, field } = lineModel(conn, kind);
  const collection = model.collection;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const doc = await collection.findOne<Record<string, unknown> & { v: number }>({ _id: id as never });
    if (!doc) {
      if (payload === null) return;
      try {
        const entries = withEntry('', userId, payload, version) ?? '';
        await collection.insertOne({ _id: id, [field]: entries, v: 1 } as never);
        await bumpStamps(conn, [stampSlotOf(kind, id)]);
        return;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        continue;
      }
    }
    const current = String(doc[field] ?? '');
    const next = withEntry(current, userId, payload, version);
    if (next === null || next === current) return;
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

/** The ranking facts the skill index holds of a profile. */
export function packedOf(p: TalentProfile): string {
  return packEntry({
    ratingSum: p.ratingSum,
    ratingCount: p.ratingCount,
    wouldRehire: p.wouldRehireCount,
    missionsDone: p.missionsDone,
    saidAt: p.availabilitySaidAt ? new Date(p.availabilitySaidAt).getTime() : 0,
  });
}

/** A sync passes again while the profile keeps moving under it; a newer change's own sync follows. */
const MAX_PASSES = 10;

/**
 * Brings the read model in line with a profile, as read now: sets its line (at the profile's version
 * `rv`) under each listed skill and in its card bucket, removes it from the skills it left. Each
 * line is only written over an older one. Then, in one conditional update, checks the profile still
 * is at that version and records where it is listed; if it moved (a change landed while this pass
 * wrote), passes again from the profile re-read — taking back lines this call wrote that the newer
 * state does not list, as a removal is not remembered by the read model. A profile erased meanwhile
 * (gone or `erasing`): every line this call may have written goes.
 */
export async function syncSkillIndex(conn: Connection, userId: string): Promise<void> {
  const model = talentProfileModel(conn);
  const written = new Set<string>();
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    const p = await findProfile(conn, userId);
    if (!p || p.erasing) {
      await removeLines(conn, userId, [...written, ...(p?.indexedSkills ?? [])], FOREVER);
      return;
    }
    await pauses.get(conn)?.(userId);
    const skills = listedSkills(p);
    // Recorded before the lines are written: a crash half-way leaves no line it does not point to.
    const added = skills.filter((s) => !p.indexedSkills.includes(s));
    if (added.length > 0)
      await model.updateOne({ userId }, { $addToSet: { indexedSkills: { $each: added } } });
    const packed = packedOf(p);
    await Promise.all(skills.map((s) => writeLine(conn, 'skills', s, userId, packed, p.rv)));
    for (const s of skills) written.add(s);
    const card = p.optedOut ? null : JSON.stringify(cardOf(p));
    await writeLine(conn, 'cards', cardBucketOf(userId), userId, card, p.rv);
    const left = [...new Set([...p.indexedSkills, ...written])].filter((s) => !skills.includes(s));
    await Promise.all(left.map((s) => writeLine(conn, 'skills', s, userId, null, p.rv)));
    // A profile stored before versions has no `rv` (read as 0).
    const atVersion = p.rv === 0 ? mongoose.trusted({ $in: [0, null] }) : p.rv;
    const still = await model.updateOne({ userId, rv: atVersion }, { $set: { indexedSkills: skills } });
    if (still.matchedCount === 1) return;
  }
  throw new Error(`talent read model of ${userId}: the profile kept changing for ${MAX_PASSES} passes`);
}
