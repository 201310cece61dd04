import { z } from 'zod';
import { type FieldErrors, inputValue, type ViewState } from '../../slack/view-state.js';
import { profileField } from './ids.js';
import { splitSkills } from './rules.js';

const userId = z.string().regex(/^[UW][A-Z0-9]{2,30}$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** `/talent <skills…>`: skills separated by spaces or commas (1 to 10, each ≤ 60 characters). */
export function parseTalentCommand(text: string): string[] {
  return splitSkills(text.slice(0, 600), true)
    .filter((s) => s.length <= 60)
    .slice(0, 10);
}

/** A button whose value is a user id (view profile, ask availability). */
export const userValue = userId;

/** The "propose a mission" button: who, and the skills searched. */
export const proposeValue = z
  .string()
  .max(2000)
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not json' });
      return z.NEVER;
    }
  })
  .pipe(z.object({ u: userId, s: z.string().max(300) }));

/** The pager's value: the canonical skills searched and the page wanted. */
export const pageValue = z
  .string()
  .max(2000)
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not json' });
      return z.NEVER;
    }
  })
  .pipe(z.object({ q: z.string().min(1).max(1500), p: z.number().int().min(0).max(10_000) }));

/** The date a freelancer picked in the availability DM. */
export const availabilityDate = isoDate;

/** The profile modal, parsed. */
export const profileForm = z.object({
  skills: z
    .string()
    .max(500, { error: 'talent.error.tooLong' })
    .optional()
    .transform((s) =>
      splitSkills(s ?? '')
        .filter((x) => x.length <= 60)
        .slice(0, 30),
    ),
  availableFrom: isoDate.optional(),
  dayRate: z
    .string()
    .optional()
    .transform((s) => (s === undefined ? null : Number(s.replace(',', '.').replace(/\s/g, ''))))
    .pipe(
      z
        .number({ error: 'talent.error.rate' })
        .min(0, { error: 'talent.error.rate' })
        .max(100_000, { error: 'talent.error.rate' })
        .nullable(),
    ),
  email: z.email({ error: 'talent.error.email' }).max(200, { error: 'talent.error.email' }).optional(),
  optOut: z.boolean(),
});
export type ProfileForm = z.output<typeof profileForm>;

const fieldOf: Record<string, string> = {
  skills: profileField.skills,
  availableFrom: profileField.availableFrom,
  dayRate: profileField.dayRate,
  email: profileField.email,
};

/** Reads the profile modal's state (the opt-out is a checkbox: its selected options). */
export function parseProfileForm(
  state: ViewState,
  optOutChecked: boolean,
): { ok: true; form: ProfileForm } | { ok: false; errors: FieldErrors } {
  const parsed = profileForm.safeParse({
    skills: inputValue(state, profileField.skills),
    availableFrom: inputValue(state, profileField.availableFrom),
    dayRate: inputValue(state, profileField.dayRate),
    email: inputValue(state, profileField.email),
    optOut: optOutChecked,
  });
  if (parsed.success) return { ok: true, form: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const blockId = fieldOf[String(issue.path[0])];
    if (!blockId || errors[blockId]) continue;
    errors[blockId] =
      issue.message === 'talent.error.rate' ||
      issue.message === 'talent.error.email' ||
      issue.message === 'talent.error.tooLong'
        ? issue.message
        : 'talent.error.invalid';
  }
  return { ok: false, errors };
}

/** Whether the opt-out checkbox is ticked, from the raw view state (checkboxes are not in viewState). */
export const optOutState = z
  .record(
    z.string(),
    z.record(
      z.string(),
      z.object({ selected_options: z.array(z.object({ value: z.string() })).nullish() }).loose(),
    ),
  )
  .transform((v) =>
    (v[profileField.optOut]?.[profileField.optOut]?.selected_options ?? []).some(
      (o) => o.value === 'opt_out',
    ),
  );
