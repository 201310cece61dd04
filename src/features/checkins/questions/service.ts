import type { Connection } from 'mongoose';
import { ConflictError, NotFoundError } from '../../../errors.js';
import type { LocalizedText } from '../../../i18n/index.js';
import { DEFAULT_QUESTION_SET, defaultQuestions } from './defaults.js';
import { type CustomQuestionInput, customQuestionInput, localizedLabel } from './input.js';
import type { CheckinQuestion, CheckinQuestionSet } from './model.js';
import { findQuestionSet, seedDefaultQuestions, writeQuestions } from './repository.js';

export { seedDefaultQuestions } from './repository.js';

/** Custom questions a workspace may add (each is one more input in a modal of ≤100 blocks). */
export const MAX_CUSTOM_QUESTIONS = 10;

/** The workspace's questions, in order; seeds the defaults on first use (one read otherwise). */
export async function loadQuestions(
  conn: Connection,
  key = DEFAULT_QUESTION_SET,
): Promise<CheckinQuestion[]> {
  const found = await findQuestionSet(conn, key);
  if (found) return found.questions;
  await seedDefaultQuestions(conn, key);
  return (await findQuestionSet(conn, key))?.questions ?? defaultQuestions();
}

async function currentSet(conn: Connection, key: string): Promise<CheckinQuestionSet> {
  await seedDefaultQuestions(conn, key);
  const set = await findQuestionSet(conn, key);
  if (!set) throw new Error('the check-in questions could not be stored');
  return set;
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
