import type { Connection } from 'mongoose';
import { z } from 'zod';
import { insertOnce } from '../../../db/duplicates.js';
import { ConflictError, NotFoundError } from '../../../errors.js';
import type { LocalizedText } from '../../../i18n/index.js';
import { DEFAULT_QUESTION_SET, defaultQuestions } from './defaults.js';
import { builtinKeys, type CheckinQuestion, type CheckinQuestionSet, questionSetModel } from './model.js';

/** Custom questions a workspace may add (each is one more input in a modal of ≤100 blocks). */
export const MAX_CUSTOM_QUESTIONS = 10;

/** A label in every language; input labels allow 2000 characters, a question stays far shorter. */
export const localizedLabel = z.object({
  fr: z.string().trim().min(1).max(200),
  en: z.string().trim().min(1).max(200),
});

/** A custom question as an admin defines it: a key for `answer.extra`, its label, whether optional. */
export const customQuestionInput = z.object({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,31}$/)
    .refine((k) => !(builtinKeys as readonly string[]).includes(k), 'reserved key'),
  label: localizedLabel,
  optional: z.boolean().default(true),
});
export type CustomQuestionInput = z.input<typeof customQuestionInput>;

/**
 * Stores the default questions if the workspace has none. `$setOnInsert` only: an admin's later
 * edits are never overwritten by a restart.
 */
export async function seedDefaultQuestions(conn: Connection, key = DEFAULT_QUESTION_SET): Promise<void> {
  await insertOnce(questionSetModel(conn), { key }, { key, questions: defaultQuestions() });
}

async function findSet(conn: Connection, key: string): Promise<CheckinQuestionSet | null> {
  return questionSetModel(conn).findOne({ key }).lean<CheckinQuestionSet>().exec();
}

/** The workspace's questions, in order; seeds the defaults on first use (one read otherwise). */
export async function loadQuestions(
  conn: Connection,
  key = DEFAULT_QUESTION_SET,
): Promise<CheckinQuestion[]> {
  const found = await findSet(conn, key);
  if (found) return found.questions;
  await seedDefaultQuestions(conn, key);
  return (await findSet(conn, key))?.questions ?? defaultQuestions();
}

async function currentSet(conn: Connection, key: string): Promise<CheckinQuestionSet> {
  await seedDefaultQuestions(conn, key);
  const set = await findSet(conn, key);
  if (!set) throw new Error('the check-in questions could not be stored');
  return set;
}

// The whole list is written back, guarded by the version read: FerretDB has no positional `$`, and
// two admins editing at once must not silently lose one edit.
async function writeQuestions(
  conn: Connection,
  set: CheckinQuestionSet,
  questions: CheckinQuestion[],
): Promise<void> {
  const res = await questionSetModel(conn).updateOne(
    { _id: set._id, updatedAt: set.updatedAt },
    { $set: { questions } },
  );
  if (res.matchedCount === 0) throw new ConflictError('check-in questions changed meanwhile');
}

/** Gives a question (built-in or custom) a workspace's own label, in both languages. */
export async function relabelQuestion(
  conn: Connection,
  questionKey: string,
  label: LocalizedText,
  key = DEFAULT_QUESTION_SET,
): Promise<void> {
  const parsed = localizedLabel.parse(label);
  const set = await currentSet(conn, key);
  if (!set.questions.some((q) => q.key === questionKey)) {
    throw new NotFoundError(`no check-in question ${questionKey}`);
  }
  await writeQuestions(
    conn,
    set,
    set.questions.map((q) => (q.key === questionKey ? { ...q, label: parsed } : q)),
  );
}

/** Adds a free-text question at the end (before the visibility choice); its answers go to `extra[key]`. */
export async function addCustomQuestion(
  conn: Connection,
  input: CustomQuestionInput,
  key = DEFAULT_QUESTION_SET,
): Promise<void> {
  const q = customQuestionInput.parse(input);
  const set = await currentSet(conn, key);
  if (set.questions.some((x) => x.key === q.key)) throw new ConflictError(`question ${q.key} exists`);
  if (set.questions.filter((x) => !x.builtin).length >= MAX_CUSTOM_QUESTIONS) {
    throw new ConflictError('too many custom check-in questions');
  }
  const added: CheckinQuestion = {
    key: q.key,
    kind: 'text',
    label: q.label,
    optional: q.optional,
    builtin: false,
  };
  await writeQuestions(conn, set, [...set.questions, added]);
}
