import { type Connection, type Model, Schema } from 'mongoose';

/**
 * The figures analytics keeps, as counts and sums (never averages: an average is a sum over a count,
 * computed when read). A record (a check-in, a mission, an offboarding, an event) adds some of them
 * to the day it counts on; the analytics feature keeps them summed per workspace × day, per manager ×
 * day and per mission (src/features/analytics/rollups).
 */
export const statFields = [
  // Check-ins (by the check-in's local day): sent (delivered), answered, scores the manager may read,
  // and the scores shared with HR only, kept apart (they count only where PRODUCT.md flow 8 allows).
  'checkinsSent',
  'checkinsAnswered',
  'scoreSum',
  'scoreCount',
  'hrScoreSum',
  'hrScoreCount',
  // Missions (by start day): started, staffing time (start − need expressed, days); onboarding
  // completion time (days, by the day it completed).
  'missionsStarted',
  'staffingDaysSum',
  'staffingCount',
  'onboardingDaysSum',
  'onboardingCount',
  // Offboardings: closed (by closing day), renewed among them, the manager's evaluation (by its day).
  'missionsEnded',
  'missionsRenewed',
  'evaluations',
  'ratingSum',
  'rehireYes',
  // The freelancer's feedback (by its day): the four 1–5 scores, would work again, the 0–10
  // recommend score (sum, promoters 9–10, detractors 0–6); closed without feedback (by closing day).
  'feedbacks',
  'overallSum',
  'onboardingScoreSum',
  'communicationSum',
  'recognitionSum',
  'wouldWorkAgainYes',
  'recommendSum',
  'promoters',
  'detractors',
  'feedbackNotGiven',
  // Community events (by the event's day, cancelled ones excluded): events, seats said "going".
  'events',
  'going',
] as const;
export type StatField = (typeof statFields)[number];
export type StatFigures = Partial<Record<StatField, number>>;

/** One part of what a stored record adds to the figures. */
export interface Contribution {
  /** The calendar day it counts on (`yyyy-MM-dd`, the workspace's zone for instants). */
  day: string;
  /** The mission's manager (their figures count in their scope too); null: workspace only. */
  managerId: string | null;
  /** The mission it belongs to (its CSV row); null: none. */
  missionId: string | null;
  figures: StatFigures;
  /**
   * For an HR-only check-in answer: whose answer it is. The applier keeps, per scope and quarter,
   * how many distinct people's HR-only answers are in the figures (only a hash of the id).
   */
  hrPerson?: string;
}

/**
 * A collection whose records count in the figures. Its documents carry `rollupFields`: every write
 * that may change what a record contributes sets `rollupDirty: true` in that same write (`DIRTY`),
 * so a crash can never leave a change uncounted; the analytics feature's applier then adds the
 * difference between what the record contributes now and `rollupCounted` (what it added so far).
 */
export interface RollupSource {
  /** The collection's name (for logs and the applier's batches). */
  readonly name: string;
  // biome-ignore lint/suspicious/noExplicitAny: a source may be any model; the applier reads `_id`, the dirty flag and the counted snapshot only.
  readonly model: (conn: Connection) => Model<any>;
  /** What each record adds now (same order as `docs`; may read other collections). */
  contributions(conn: Connection, docs: readonly unknown[]): Promise<Contribution[][]>;
}

/** The fields every rollup source's schema adds (`schema.add(rollupFields)`), and its index. */
export const rollupFields = {
  rollupDirty: { type: Boolean, default: false },
  /** Bumped by every write that sets the dirty flag: the applier counts a record only as it read it. */
  rollupVersion: { type: Number, default: 0 },
  /** The applier batch that last counted the record. */
  rollupBatch: { type: String, default: null },
  /** What the record adds to the figures so far, as the applier last counted it (null: nothing yet). */
  rollupCounted: { type: Schema.Types.Mixed, default: null },
};

/** A projection leaving the rollup bookkeeping out (a data export shows the record, not its counting). */
export const WITHOUT_ROLLUP_FIELDS = {
  rollupDirty: 0,
  rollupVersion: 0,
  rollupBatch: 0,
  rollupCounted: 0,
} as const;

/** Adds the rollup fields and the dirty-flag index to a source's schema. */
export function addRollupFields(schema: Schema): void {
  schema.add(rollupFields);
  schema.index({ rollupDirty: 1 });
}

/** What a new record of a rollup source is inserted with: to be counted. */
export const DIRTY = { rollupDirty: true } as const;

type Update = { $set?: Record<string, unknown>; $inc?: Record<string, number> } & Record<string, unknown>;

/**
 * `update` marked as changing what the record adds to the figures: every such write of a rollup
 * source goes through here, so the change and its dirty flag (and version) are one atomic write.
 */
export function dirty<U extends Update>(update: U): U {
  return {
    ...update,
    $set: { ...update.$set, rollupDirty: true },
    $inc: { ...update.$inc, rollupVersion: 1 },
  };
}
