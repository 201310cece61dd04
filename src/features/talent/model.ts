import { Schema } from 'mongoose';
import { defineModel } from '../../db/model.js';
import type { HandoverItem } from '../../events.js';

/** A handover card as a closed mission left it on the freelancer's profile. */
export interface HandoverCard {
  missionId: string;
  title: string;
  closedAt: Date;
  items: HandoverItem[];
}

/** A manager's private note for future managers (managers and admins only; never to the freelancer). */
export interface PrivateNote {
  missionId: string;
  authorId: string;
  at: Date;
  text: string;
}

/** A mission done, as the profile lists it. */
export interface DoneMission {
  missionId: string;
  title: string;
  managerId: string;
  closedAt: Date;
  rating: number | null;
}

/**
 * A freelancer's talent profile: what they say (skills, availability, rate, contact e-mail, opt-out)
 * and what closed missions brought (counted once per mission: `missionIds` is the idempotency set).
 * The rating is a sum and a count, never a stored average.
 */
export interface TalentProfile {
  userId: string;
  skills: string[];
  missionSkills: string[];
  availableFrom: string | null;
  availabilitySaidAt: Date | null;
  dayRate: number | null;
  contactEmail: string | null;
  optedOut: boolean;
  /** When the profile entered the pool (created, or opt-out lifted). */
  optedInAt: Date | null;
  /** False once Slack said the account is deactivated (`user_change` deleted). */
  reachable: boolean;
  missionIds: string[];
  missions: DoneMission[];
  missionsDone: number;
  ratingSum: number;
  ratingCount: number;
  wouldRehireCount: number;
  /**
   * When the last mission closed: an instant, shown as a day in each reader's zone (a UTC day
   * would be "7 December" in Paris for a mission closed there at 00:15 on the 8th).
   */
  lastCollaborationAt: Date | null;
  handovers: HandoverCard[];
  notes: PrivateNote[];
  /**
   * The normalized skills this profile may be listed under in `talent_skill_index` (to drop the old
   * ones): grown before a line is written, trimmed once the read model is in line with the profile.
   */
  indexedSkills: string[];
  /**
   * The read-model version: bumped in the same update as every change the read model shows, and
   * written into the profile's read-model lines, so an older state never replaces a newer one.
   */
  rv: number;
  /** Set while the profile is being erased (its read-model lines go, then the profile). */
  erasing: boolean;
  createdAt: Date;
  updatedAt: Date;
}

// Sub-documents kept as written (mongoose casts nothing inside): see the interfaces above.
const mixedArray = { type: [Schema.Types.Mixed], default: [] } as never;

const profileSchema = new Schema<TalentProfile>(
  {
    userId: { type: String, required: true },
    skills: { type: [String], default: [] },
    missionSkills: { type: [String], default: [] },
    availableFrom: { type: String, default: null },
    availabilitySaidAt: { type: Date, default: null },
    dayRate: { type: Number, default: null },
    contactEmail: { type: String, default: null },
    optedOut: { type: Boolean, default: false },
    optedInAt: { type: Date, default: null },
    reachable: { type: Boolean, default: true },
    missionIds: { type: [String], default: [] },
    missions: mixedArray,
    missionsDone: { type: Number, default: 0 },
    ratingSum: { type: Number, default: 0 },
    ratingCount: { type: Number, default: 0 },
    wouldRehireCount: { type: Number, default: 0 },
    lastCollaborationAt: { type: Date, default: null },
    handovers: mixedArray,
    notes: mixedArray,
    indexedSkills: { type: [String], default: [] },
    rv: { type: Number, default: 0 },
    erasing: { type: Boolean, default: false },
  },
  { collection: 'talent_profiles', timestamps: true, minimize: false },
);
profileSchema.index({ userId: 1 }, { unique: true });
// Alumni walk (jobs) and "new in the pool since" (digest job): not on a path a user waits for.
profileSchema.index({ optedOut: 1, missionsDone: 1 });
profileSchema.index({ optedInAt: 1 });

export const talentProfileModel = defineModel<TalentProfile>('TalentProfile', profileSchema);

/**
 * The read model of `/talent`: one document per normalized skill (`_id`), holding every profile
 * listed under it as one string of lines `\n<userId>~<rv>=<packed ranking facts>` (lines.ts), `rv` the
 * profile version the line was written from.
 * A search reads one document by `_id` per query skill (and synonym), never a scan. One string, not
 * a map of 30,000 keys: FerretDB decodes a document key by key (measured: a 32,000-key map took
 * over half a second to read on PostgreSQL), a string in one piece. A profile change rewrites its
 * line with a conditional update on `v` (optimistic: a concurrent change makes it retry), so two
 * writers never lose each other's line, and only over a line of an older `rv`, so a writer that read
 * the profile earlier never puts back an older state. Opted-out and erased profiles are not listed.
 */
export interface SkillIndexDoc {
  _id: string;
  entries: string;
  v: number;
}

const skillIndexSchema = new Schema<SkillIndexDoc>(
  {
    _id: { type: String, required: true },
    entries: { type: String, default: '' },
    v: { type: Number, default: 0 },
  },
  { collection: 'talent_skill_index', versionKey: false },
);

export const skillIndexModel = defineModel<SkillIndexDoc>('TalentSkillIndex', skillIndexSchema);

/**
 * The second read model of `/talent`: what a result shows of a profile (a card), grouped in 512
 * bucket documents (`_id` = `b<n>`, n from the user id) as lines `\n<userId>~<rv>=<card JSON>`. The page's
 * ten cards are read by `_id` from a 512-row collection instead of ten reads from a 50,000-row one
 * (FerretDB scans the table even for an equality on `userId` or `_id`). Same writes (`v`, then `rv`).
 */
export interface CardBucketDoc {
  _id: string;
  cards: string;
  v: number;
}

const cardBucketSchema = new Schema<CardBucketDoc>(
  {
    _id: { type: String, required: true },
    cards: { type: String, default: '' },
    v: { type: Number, default: 0 },
  },
  { collection: 'talent_cards', versionKey: false },
);

export const cardBucketModel = defineModel<CardBucketDoc>('TalentCards', cardBucketSchema);

/** What a /talent result shows of a profile (the last private note only; views check who reads). */
export type TalentCard = Pick<
  TalentProfile,
  | 'userId'
  | 'skills'
  | 'missionSkills'
  | 'ratingSum'
  | 'ratingCount'
  | 'wouldRehireCount'
  | 'missionsDone'
  | 'availableFrom'
  | 'availabilitySaidAt'
  | 'lastCollaborationAt'
  | 'reachable'
  | 'contactEmail'
  | 'optedOut'
  | 'notes'
>;

/** The pool's rating totals (one document, `_id: 'pool'`): the prior of the shrunk rating. */
export interface PoolStats {
  _id: string;
  ratingSum: number;
  ratingCount: number;
  /** Set when the document is created; with the `s<n>` counters, the read-model stamps (read-cache.ts). */
  epoch: string;
}

const poolStatsSchema = new Schema<PoolStats>(
  {
    _id: { type: String, required: true },
    ratingSum: { type: Number, default: 0 },
    ratingCount: { type: Number, default: 0 },
    epoch: { type: String, default: '' },
  },
  // The `s<n>` stamp counters beside the totals are written and read by read-cache.ts directly.
  { collection: 'talent_pool_stats', versionKey: false },
);

export const poolStatsModel = defineModel<PoolStats>('TalentPoolStats', poolStatsSchema);
