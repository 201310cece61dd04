import { z } from 'zod';
import { isMessageKey } from '../../../i18n/index.js';
import { type FieldErrors, inputValue, type ViewState } from '../../../slack/view-state.js';
import { type CheckinAnswer, visibilities } from '../model.js';
import type { BuiltinKey, CheckinQuestion } from '../questions/model.js';
import { extraField, field, limits } from './ids.js';

/** The modal's private_metadata is the check-in id, nothing else; anything else is refused. */
export function parseCheckinId(raw: string | undefined): string | null {
  const parsed = z
    .string()
    .regex(/^[a-f0-9]{24}$/)
    .safeParse(raw);
  return parsed.success ? parsed.data : null;
}

const tooLong = { error: 'checkins.error.tooLong' } as const;

function text(max: number, optional: boolean) {
  const base = z.string().max(max, tooLong);
  return optional ? base.default('') : z.string({ error: 'checkins.error.required' }).max(max, tooLong);
}

function optionalOf(questions: readonly CheckinQuestion[], key: BuiltinKey): boolean {
  return questions.find((q) => q.key === key)?.optional ?? (key === 'blockers' || key === 'note');
}

/** The zod schema of one modal, built from the workspace's questions (which texts are required). */
function answerSchema(questions: readonly CheckinQuestion[], extras: readonly CheckinQuestion[]) {
  const extraShape = Object.fromEntries(extras.map((q) => [q.key, text(limits.extra, q.optional)]));
  return z.object({
    score: z.coerce
      .number({ error: 'checkins.error.scoreRequired' })
      .int({ error: 'checkins.error.scoreRequired' })
      .min(1, { error: 'checkins.error.scoreRequired' })
      .max(5, { error: 'checkins.error.scoreRequired' }),
    progress: text(limits.progress, optionalOf(questions, 'progress')),
    blockers: text(limits.blockers, optionalOf(questions, 'blockers')),
    needsHelp: z.enum(['yes', 'no'], { error: 'checkins.error.choice' }).transform((v) => v === 'yes'),
    note: text(limits.note, optionalOf(questions, 'note')),
    visibility: z.enum(visibilities, { error: 'checkins.error.choice' }),
    extra: z.object(extraShape),
  });
}

/**
 * Reads the check-in modal's state into an answer, or field errors keyed by block_id. Custom
 * questions count only when their input was in the submitted view: one added after the modal opened
 * cannot be required from it (and Slack refuses errors on blocks it does not show).
 */
export function parseAnswerForm(
  state: ViewState,
  questions: readonly CheckinQuestion[],
): { ok: true; answer: CheckinAnswer } | { ok: false; errors: FieldErrors } {
  const extras = questions.filter((q) => !q.builtin && state[extraField(q.key)] !== undefined);
  const raw = {
    score: inputValue(state, field.score),
    progress: inputValue(state, field.progress),
    blockers: inputValue(state, field.blockers),
    needsHelp: inputValue(state, field.needsHelp),
    note: inputValue(state, field.note),
    visibility: inputValue(state, field.visibility),
    extra: Object.fromEntries(extras.map((q) => [q.key, inputValue(state, extraField(q.key))])),
  };
  const parsed = answerSchema(questions, extras).safeParse(raw);
  if (parsed.success) return { ok: true, answer: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const [top, sub] = issue.path.map(String);
    const blockId = top === 'extra' && sub ? extraField(sub) : (field as Record<string, string>)[top ?? ''];
    if (!blockId || errors[blockId]) continue;
    errors[blockId] = isMessageKey(issue.message) ? issue.message : 'checkins.error.invalid';
  }
  return { ok: false, errors };
}
