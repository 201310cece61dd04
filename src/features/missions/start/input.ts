import { z } from 'zod';
import { isMessageKey } from '../../../i18n/index.js';
import { type FieldErrors, inputValue, type ViewState } from '../../../slack/view-state.js';
import { field, limits } from '../ids.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The mission form once parsed (before the checks that need Slack or the clock). */
export const missionForm = z.object({
  freelancerId: z.string({ error: 'missions.error.freelancerRequired' }).regex(/^[UW][A-Z0-9]+$/),
  title: z
    .string({ error: 'missions.error.titleRequired' })
    .max(limits.title, { error: 'missions.error.tooLong' }),
  brief: z.string().max(limits.brief, { error: 'missions.error.tooLong' }).default(''),
  objectives: z.string().max(limits.objectives, { error: 'missions.error.tooLong' }).default(''),
  startDate: isoDate,
  endDate: isoDate,
  channelId: z
    .string()
    .regex(/^[CG][A-Z0-9]+$/)
    .optional(),
  buddyId: z
    .string()
    .regex(/^[UW][A-Z0-9]+$/)
    .optional(),
  skills: z
    .string()
    .max(limits.skills, { error: 'missions.error.tooLong' })
    .optional()
    .transform((s) =>
      [
        ...new Set(
          (s ?? '')
            .split(/[,;\n]/)
            .map((x) => x.trim().toLowerCase())
            .filter(Boolean),
        ),
      ].slice(0, 20),
    ),
  templateKey: z.string().max(64).default('default'),
  checkinWeekday: z.coerce.number().int().min(1).max(7).default(1),
  checkinTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .default('10:00'),
  needExpressedOn: isoDate.optional(),
});
export type MissionForm = z.output<typeof missionForm>;

/** What the mission modal can start filled with (every field optional; the manager can change all). */
export interface MissionPrefill {
  freelancerId?: string;
  title?: string;
  brief?: string;
  objectives?: string;
  skills?: readonly string[];
  channelId?: string;
  /** Calendar dates `yyyy-MM-dd`. */
  startDate?: string;
  endDate?: string;
}

const formFieldOf: Record<string, string> = {
  freelancerId: field.freelancer,
  title: field.title,
  brief: field.brief,
  objectives: field.objectives,
  startDate: field.start,
  endDate: field.end,
  channelId: field.channel,
  buddyId: field.buddy,
  skills: field.skills,
  templateKey: field.template,
  checkinWeekday: field.checkinDay,
  checkinTime: field.checkinTime,
  needExpressedOn: field.needExpressed,
};

/** Reads the mission modal's state into a form, or field errors keyed by block_id. */
export function parseMissionForm(
  state: ViewState,
): { ok: true; form: MissionForm } | { ok: false; errors: FieldErrors } {
  const raw = {
    freelancerId: inputValue(state, field.freelancer),
    title: inputValue(state, field.title),
    brief: inputValue(state, field.brief),
    objectives: inputValue(state, field.objectives),
    startDate: inputValue(state, field.start),
    endDate: inputValue(state, field.end),
    channelId: inputValue(state, field.channel),
    buddyId: inputValue(state, field.buddy),
    skills: inputValue(state, field.skills),
    templateKey: inputValue(state, field.template),
    checkinWeekday: inputValue(state, field.checkinDay),
    checkinTime: inputValue(state, field.checkinTime),
    needExpressedOn: inputValue(state, field.needExpressed),
  };
  const parsed = missionForm.safeParse(raw);
  if (parsed.success) return { ok: true, form: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0]);
    const blockId = formFieldOf[key];
    if (!blockId || errors[blockId]) continue;
    errors[blockId] = isMessageKey(issue.message) ? issue.message : 'missions.error.invalid';
  }
  return { ok: false, errors };
}

/**
 * The modal's private_metadata: where the command was typed (to answer there) and, for a renewal,
 * the mission the new one follows (linked both ways once created).
 */
export const modalMetadata = z.object({
  v: z.literal(1),
  channelId: z.string().max(32).optional(),
  follows: z
    .string()
    .regex(/^[a-f0-9]{24}$/)
    .optional(),
});
export type ModalMetadata = z.infer<typeof modalMetadata>;

/** Parses private_metadata, falling back to an empty context when it is missing or tampered with. */
export function parseMetadata(raw: string | undefined): ModalMetadata {
  try {
    const parsed = modalMetadata.safeParse(JSON.parse(raw ?? '{}'));
    return parsed.success ? parsed.data : { v: 1 };
  } catch {
    return { v: 1 };
  }
}

/**
 * The freelancer input's block_id in a submitted or updated modal: `freelancer`, or
 * `freelancer.<user>` once an alumnus was picked (a new block_id, so Slack shows its initial_user).
 */
export function freelancerBlockOf(state: ViewState): string {
  const prefix = `${field.freelancer}.`;
  return (
    Object.keys(state).find((k) => k.startsWith(prefix) && /^[UW][A-Z0-9]+$/.test(k.slice(prefix.length))) ??
    field.freelancer
  );
}

/** The state with the freelancer under its usual key, whatever its block_id (validation keys stay the same). */
export function withUsualFreelancerKey(state: ViewState): ViewState {
  const block = freelancerBlockOf(state);
  if (block === field.freelancer) return state;
  const value = state[block]?.[field.freelancer];
  return { ...state, [field.freelancer]: value ? { [field.freelancer]: value } : {} };
}

/** Field errors keyed by the block_ids of this modal (the freelancer's may have changed). */
export function errorsForBlocks(errors: FieldErrors, state: ViewState): FieldErrors {
  const block = freelancerBlockOf(state);
  const freelancerError = errors[field.freelancer];
  if (block === field.freelancer || !freelancerError) return errors;
  const { [field.freelancer]: _, ...rest } = errors;
  return { ...rest, [block]: freelancerError };
}

/** What the manager typed so far, as a prefill (to rebuild the modal without losing it). */
export function prefillFromState(state: ViewState): MissionPrefill {
  const usual = withUsualFreelancerKey(state);
  const v = (id: string) => inputValue(usual, id);
  const skills = v(field.skills);
  const entries = {
    freelancerId: v(field.freelancer),
    title: v(field.title),
    brief: v(field.brief),
    objectives: v(field.objectives),
    channelId: v(field.channel),
    startDate: v(field.start),
    endDate: v(field.end),
    skills: skills
      ? skills
          .split(/[,;\n]/)
          .map((x) => x.trim())
          .filter(Boolean)
          .slice(0, 20)
      : undefined,
  };
  return Object.fromEntries(Object.entries(entries).filter(([, x]) => x !== undefined)) as MissionPrefill;
}
