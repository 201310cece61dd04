import { z } from 'zod';
import type { FieldErrors } from '../../slack/view-state.js';
import { field } from './ids.js';

const objectId = z.string().regex(/^[a-f0-9]{24}$/);

/** A button's value: a mission or an item id. */
export const idValue = objectId;

/** private_metadata of the modals: the mission or item, and the message to redraw (when opened from one). */
export const modalMetadata = z.object({
  v: z.literal(1),
  id: objectId,
  channel: z.string().max(30).optional(),
  ts: z.string().max(30).optional(),
});
export type ModalMetadata = z.infer<typeof modalMetadata>;

export function parseMetadata(raw: string | undefined): ModalMetadata | undefined {
  try {
    const parsed = modalMetadata.safeParse(JSON.parse(raw ?? ''));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The values of a modal as Slack sends them (inputs, selects, radio buttons, checkboxes, datepicker). */
const rawValue = z.object({
  value: z.string().nullish(),
  selected_date: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
  selected_options: z.array(z.object({ value: z.string() })).nullish(),
});
export const rawState = z.record(z.string(), z.record(z.string(), rawValue));
export type RawState = z.infer<typeof rawState>;

const textOf = (s: RawState, id: string) => {
  const v = s[id]?.[id];
  return (v?.value ?? v?.selected_date ?? v?.selected_option?.value ?? '').trim();
};
const optionsOf = (s: RawState, id: string) => (s[id]?.[id]?.selected_options ?? []).map((o) => o.value);

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** The new end date of the "change the end date" modal. */
export function parseEndDate(s: RawState): Parsed<string> {
  const d = z.iso.date().safeParse(textOf(s, field.endDate));
  return d.success
    ? { ok: true, value: d.data }
    : { ok: false, errors: { [field.endDate]: 'offboarding.error.date' } };
}

const httpsUrl = z.url({ protocol: /^https$/, hostname: z.regexes.domain }).max(500);

/** Links of the deliverables item: one or more https URLs, separated by spaces or new lines. */
export function parseLinks(s: RawState): Parsed<string[]> {
  const parts = textOf(s, field.links)
    .split(/[\s,]+/)
    .filter((p) => p.length > 0);
  if (parts.length === 0 || parts.length > 20 || !parts.every((p) => httpsUrl.safeParse(p).success)) {
    return { ok: false, errors: { [field.links]: 'offboarding.error.links' } };
  }
  return { ok: true, value: [...new Set(parts)] };
}

/** The manager's reason for waiving an item. */
export function parseReason(s: RawState): Parsed<string> {
  const r = z.string().min(3).max(500).safeParse(textOf(s, field.reason));
  return r.success
    ? { ok: true, value: r.data }
    : { ok: false, errors: { [field.reason]: 'offboarding.error.reason' } };
}

const scale = (max: number) =>
  z.coerce
    .number()
    .int()
    .min(max === 10 ? 0 : 1)
    .max(max);
const yesNo = z.enum(['yes', 'no']).transform((v) => v === 'yes');

const feedbackForm = z.object({
  overall: scale(5),
  onboarding: scale(5),
  communication: scale(5),
  recognition: scale(5),
  improve: z.string().max(2000),
  wouldWorkAgain: yesNo,
  recommend: scale(10),
});
export type FeedbackForm = z.output<typeof feedbackForm>;

const errorKey = (path: PropertyKey | undefined): string =>
  ({
    wouldWorkAgain: field.again,
    privateNote: field.privateNote,
    shareRecommendation: field.share,
    wouldRehire: field.rehire,
    moreSkills: field.moreSkills,
  })[String(path)] ?? String(path);

function firstErrors(issues: readonly { path: readonly PropertyKey[] }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) errors[errorKey(issue.path[0])] = 'offboarding.error.field';
  return errors;
}

/** The freelancer's feedback modal. */
export function parseFeedback(s: RawState): Parsed<FeedbackForm> {
  const r = feedbackForm.safeParse({
    overall: textOf(s, field.overall),
    onboarding: textOf(s, field.onboarding),
    communication: textOf(s, field.communication),
    recognition: textOf(s, field.recognition),
    improve: textOf(s, field.improve),
    wouldWorkAgain: textOf(s, field.again),
    recommend: textOf(s, field.recommend),
  });
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: firstErrors(r.error.issues) };
}

const skill = z.string().trim().min(1).max(40);
const evaluationForm = z.object({
  rating: scale(5),
  skills: z.array(skill).max(30),
  moreSkills: z.string().max(300),
  recommendation: z.string().max(2000),
  shareRecommendation: z.boolean(),
  privateNote: z.string().max(2000),
  wouldRehire: yesNo,
  renewed: yesNo,
});
export type EvaluationForm = Omit<z.output<typeof evaluationForm>, 'moreSkills'>;

/** The manager's evaluation modal; free skills are comma-separated, merged with the ticked ones. */
export function parseEvaluation(s: RawState): Parsed<EvaluationForm> {
  const r = evaluationForm.safeParse({
    rating: textOf(s, field.rating),
    skills: optionsOf(s, field.skills),
    moreSkills: textOf(s, field.moreSkills),
    recommendation: textOf(s, field.recommendation),
    shareRecommendation: optionsOf(s, field.share).includes('share'),
    privateNote: textOf(s, field.privateNote),
    wouldRehire: textOf(s, field.rehire),
    renewed: textOf(s, field.renewed),
  });
  if (!r.success) return { ok: false, errors: firstErrors(r.error.issues) };
  const { moreSkills, ...form } = r.data;
  const typed = moreSkills
    .split(',')
    .map((x) => x.trim().toLowerCase())
    .filter((x) => x.length > 0 && x.length <= 40);
  if (form.shareRecommendation && form.recommendation.trim() === '')
    return { ok: false, errors: { [field.recommendation]: 'offboarding.error.shareEmpty' } };
  return { ok: true, value: { ...form, skills: [...new Set([...form.skills, ...typed])].slice(0, 30) } };
}
