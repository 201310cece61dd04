import { Schema, type Types } from 'mongoose';
import { defineModel } from '../../../db/model.js';
import { localizedTextSchema as localizedText } from '../../../db/schemas.js';
import type { LocalizedText } from '../../../i18n/index.js';

/** How a question is answered: a 1–5 score, free text, or yes / no. */
export const questionKinds = ['score', 'text', 'yesno'] as const;
export type QuestionKind = (typeof questionKinds)[number];

/** The questions every check-in asks; their answers have their own fields in `Checkin.answer`. */
export const builtinKeys = ['score', 'progress', 'blockers', 'needsHelp', 'note'] as const;
export type BuiltinKey = (typeof builtinKeys)[number];

/** One question of a workspace's check-in. Custom ones are free text, answered in `answer.extra[key]`. */
export interface CheckinQuestion {
  key: string;
  kind: QuestionKind;
  label: LocalizedText;
  optional: boolean;
  builtin: boolean;
}

/** A workspace's check-in questions (one document per workspace key; `default` for now). */
export interface CheckinQuestionSet {
  _id: Types.ObjectId;
  key: string;
  questions: CheckinQuestion[];
  createdAt: Date;
  updatedAt: Date;
}

const questionSchema = new Schema<CheckinQuestion>(
  {
    key: { type: String, required: true },
    kind: { type: String, enum: questionKinds, required: true },
    label: { type: localizedText, required: true },
    optional: { type: Boolean, default: false },
    builtin: { type: Boolean, default: false },
  },
  { _id: false },
);

const questionSetSchema = new Schema<CheckinQuestionSet>(
  {
    key: { type: String, required: true },
    questions: { type: [questionSchema], default: [] },
  },
  { timestamps: true, collection: 'checkin_questions' },
);
// One set per workspace: the seed's upsert races end on this key.
questionSetSchema.index({ key: 1 }, { unique: true });

/** The question sets model bound to one connection. */
export const questionSetModel = defineModel('CheckinQuestionSet', questionSetSchema);
