import { Schema, type Types } from 'mongoose';
import { defineModel } from '../../db/model.js';
import { localizedTextSchema as localizedText } from '../../db/schemas.js';
import type { LocalizedText } from '../../i18n/index.js';
import { addRollupFields } from '../../rollups.js';

/** The freelancer's feedback on the mission (private: managers and admins only). */
export interface Feedback {
  overall: number;
  onboarding: number;
  communication: number;
  recognition: number;
  improve: string;
  wouldWorkAgain: boolean;
  /** 0–10. */
  recommend: number;
  at: Date;
}

/** The manager's evaluation (private: managers and admins only, but a shared recommendation). */
export interface Evaluation {
  rating: number;
  /** The mission's skills the manager ticked plus the ones typed in. */
  skills: string[];
  recommendation: string;
  shareRecommendation: boolean;
  privateNote: string;
  wouldRehire: boolean;
  renewed: boolean;
  by: string;
  at: Date;
}

export type FeedbackState = 'pending' | 'given' | 'notGiven';

/** One mission's offboarding: when it started, the two forms, whether it closed. */
export interface Offboarding {
  _id: Types.ObjectId;
  missionId: string;
  freelancerId: string;
  managerId: string;
  startedAt: Date;
  startedBy: string;
  feedbackState: FeedbackState;
  feedback: Feedback | null;
  /** A bool beside `evaluation`: FerretDB does not push `null` equality down to an index. */
  evaluationGiven: boolean;
  evaluation: Evaluation | null;
  closed: boolean;
  closedAt: Date | null;
  /** When the feedback and the evaluation, if still owed, are reminded (once each, in a digest). */
  remindAt: Date | null;
  /** The mark of the digest that reminded the freelancer of the feedback, or the manager of the evaluation. */
  feedbackRemindedIn: string | null;
  evaluationRemindedIn: string | null;
}

export type ItemOwner = 'freelancer' | 'manager';
export type ItemState = 'open' | 'confirmed' | 'waived';

/** One item of the handover checklist. */
export interface HandoverItemDoc {
  _id: Types.ObjectId;
  missionId: string;
  index: number;
  key: string;
  label: LocalizedText;
  owner: ItemOwner;
  ownerId: string;
  /** The deliverables item asks for links (https). */
  takesLinks: boolean;
  state: ItemState;
  open: boolean;
  by: string | null;
  at: Date | null;
  reason: string | null;
  links: string[];
  /** When the item, if still open, is reminded to its owner (once, in a digest). */
  remindAt: Date | null;
  remindedIn: string | null;
}

const score = { type: Number, required: true };
const offboardingSchema = new Schema<Offboarding>(
  {
    missionId: { type: String, required: true },
    freelancerId: { type: String, required: true },
    managerId: { type: String, required: true },
    startedAt: { type: Date, required: true },
    startedBy: { type: String, required: true },
    feedbackState: { type: String, enum: ['pending', 'given', 'notGiven'], default: 'pending' },
    feedback: {
      type: new Schema<Feedback>(
        {
          overall: score,
          onboarding: score,
          communication: score,
          recognition: score,
          improve: { type: String, default: '' },
          wouldWorkAgain: Boolean,
          recommend: score,
          at: Date,
        },
        { _id: false },
      ),
      default: null,
    },
    evaluationGiven: { type: Boolean, default: false },
    evaluation: {
      type: new Schema<Evaluation>(
        {
          rating: score,
          skills: { type: [String], default: [] },
          recommendation: { type: String, default: '' },
          shareRecommendation: Boolean,
          privateNote: { type: String, default: '' },
          wouldRehire: Boolean,
          renewed: Boolean,
          by: String,
          at: Date,
        },
        { _id: false },
      ),
      default: null,
    },
    closed: { type: Boolean, default: false },
    closedAt: { type: Date, default: null },
    remindAt: { type: Date, default: null },
    feedbackRemindedIn: { type: String, default: null },
    evaluationRemindedIn: { type: String, default: null },
  },
  { collection: 'offboardings' },
);
// One offboarding per mission: a double click on "start" creates one.
offboardingSchema.index({ missionId: 1 }, { unique: true });
// The pass that finishes interrupted closings.
offboardingSchema.index({ closed: 1 });
// Counted in the analytics figures (src/rollups.ts).
addRollupFields(offboardingSchema as Schema);
// The freelancer's Home: feedback to give.
offboardingSchema.index({ freelancerId: 1, feedbackState: 1 });
// The manager's Home: evaluations to give.
offboardingSchema.index({ managerId: 1, evaluationGiven: 1 });

const itemSchema = new Schema<HandoverItemDoc>(
  {
    missionId: { type: String, required: true },
    index: { type: Number, required: true },
    key: { type: String, required: true },
    label: { type: localizedText, required: true },
    owner: { type: String, enum: ['freelancer', 'manager'], required: true },
    ownerId: { type: String, required: true },
    takesLinks: { type: Boolean, default: false },
    state: { type: String, enum: ['open', 'confirmed', 'waived'], default: 'open' },
    open: { type: Boolean, default: true },
    by: { type: String, default: null },
    at: { type: Date, default: null },
    reason: { type: String, default: null },
    links: { type: [String], default: [] },
    remindAt: { type: Date, default: null },
    remindedIn: { type: String, default: null },
  },
  { collection: 'offboarding_items' },
);
// A second start (retry, replay) hits this index instead of creating the checklist twice.
itemSchema.index({ missionId: 1, index: 1 }, { unique: true });
// A person's items to confirm (Home).
itemSchema.index({ ownerId: 1, open: 1 });

export const offboardingModel = defineModel('Offboarding', offboardingSchema);
export const handoverItemModel = defineModel('OffboardingItem', itemSchema);
