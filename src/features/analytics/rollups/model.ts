import { Schema } from 'mongoose';
import { defineModel } from '../../../db/model.js';
import type { StatFigures } from '../../../rollups.js';

/**
 * The summed figures of one scope. A workspace or manager scope has one document per year
 * (`ws|2026`, `m:<hash>|2026`): `d` holds each day's figures (`d['2026-05-14'].scoreSum`), `hr` the
 * number of HR-only answers per quarter and person (`hr['2026-Q2'][<person hash>]`). A mission has one
 * document (`mission:<id>`) with its totals in `t`. Only counts and sums; people by hash only.
 * `batches` holds the applier batches in flight that already added to this document (each adds once).
 */
export interface RollupDoc {
  _id: string;
  scope: string;
  year: number | null;
  d: Record<string, StatFigures>;
  hr: Record<string, Record<string, number>>;
  t: StatFigures;
  batches: string[];
}

const rollupSchema = new Schema<RollupDoc>(
  {
    _id: { type: String, required: true },
    scope: { type: String, required: true },
    year: { type: Number, default: null },
    d: { type: Schema.Types.Mixed, default: {} },
    hr: { type: Schema.Types.Mixed, default: {} },
    t: { type: Schema.Types.Mixed, default: {} },
    batches: { type: [String], default: [] },
  },
  { collection: 'stat_rollups', versionKey: false, minimize: false },
);
rollupSchema.index({ scope: 1 });

export const rollupModel = defineModel('StatRollup', rollupSchema);

/** One increment: a document, a dotted path in it, an amount (an object: FerretDB stores no nested arrays). */
export interface RollupIncrement {
  d: string;
  p: string;
  n: number;
}

/**
 * An applier batch, written before anything it changes: the records it read (with the version it
 * read), what each adds now (`counted`) and the difference from what it added before (`delta`). A
 * crash at any point leaves it here, and the next applier finishes it (every step is idempotent; a
 * document adds a batch once).
 */
export interface RollupBatch {
  _id: string;
  source: string;
  records: { id: unknown; v: number; counted: RollupIncrement[]; delta: RollupIncrement[] }[];
  at: Date;
}

const batchSchema = new Schema<RollupBatch>(
  {
    _id: { type: String, required: true },
    source: { type: String, required: true },
    records: { type: Schema.Types.Mixed, default: [] },
    at: { type: Date, required: true },
  },
  { collection: 'stat_rollup_batches', versionKey: false, minimize: false },
);

export const rollupBatchModel = defineModel('StatRollupBatch', batchSchema);

/**
 * One lock document: `apply` is held by the running applier (an expiry, renewed per batch) and
 * `rebuild` while `jobs rebuild-stats` runs (no expiry: an interrupted rebuild blocks the applier
 * until it is run again, since its half-written figures must not be added to).
 */
export interface RollupLock {
  _id: 'apply' | 'rebuild';
  owner: string;
  expiresAt: Date;
}

const lockSchema = new Schema<RollupLock>(
  {
    _id: { type: String, required: true },
    owner: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'stat_rollup_locks', versionKey: false },
);

export const rollupLockModel = defineModel('StatRollupLock', lockSchema);

/**
 * When the figures were last brought up to date (`_id: 'applied'`): the start of the last applier
 * run that found every source clean by its end, so every change stored before `at` is counted.
 * `/mission-stats` says "as of" this time (the figures lag the answers by up to a tick).
 */
export interface RollupMark {
  _id: 'applied';
  at: Date;
}

const markSchema = new Schema<RollupMark>(
  {
    _id: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'stat_rollup_marks', versionKey: false },
);

export const rollupMarkModel = defineModel('StatRollupMark', markSchema);
